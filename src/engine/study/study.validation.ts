import { formatCanonicalCommand } from '../command/command.canonical';
import { CommandError } from '../command/command.errors';
import { parseCommand } from '../command/command.parser';
import {
  CASH_TICKER,
  COMMAND_LIMITS,
  CommandOptions,
  DEFAULT_OPTIONS,
  PortfolioCommand,
  RebalancePolicy,
} from '../command/command.types';
import { StudyError, StudyErrorCode, StudyProblem } from './study.errors';
import { buildGridTable, gridTableDoubles, MAX_GRID_TABLE_DOUBLES } from './study.grid';
import { latticeFits } from './study.lattice';
import { Fingerprint } from './study.hash';
import { candidateStreamSeed, CandidateRandom } from './study.random';
import { ConstrainedSampler, samplingRules } from './study.sampler';
import { STUDY_LIMITS, StudyDefinition, StudyMethod, StudySpec, StudyWeightBounds, WEIGHT_UNITS } from './study.types';

const METHODS: readonly StudyMethod[] = ['random', 'dirichlet', 'grid', 'both'];
const SAMPLED: ReadonlySet<StudyMethod> = new Set(['random', 'dirichlet', 'both']);
const GRIDDED: ReadonlySet<StudyMethod> = new Set(['grid', 'both']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PILOT_DRAWS = 2000;
const PILOT_SEED = 0x5eed5eed;
/** The longest weight a command can spell: `-S-` and `99.99%`. */
const POSITION_SUFFIX_LENGTH = 9;
const OPTION_FIELDS: Record<string, string> = {
  capital: 'options.capital',
  rebalance: 'options.rebalance',
  fee: 'options.feePercent',
  rf: 'options.riskFreePercent',
  benchmark: 'options.benchmark',
  contribute: 'options.contribution',
  cash: 'options.cashRate',
  borrow: 'options.borrowRate',
  inflation: 'options.inflation',
};

/**
 * Checks a study specification and fills in its defaults. Tickers, dates and options are checked by the command
 * parser itself (the same rules as a single simulation); every problem is reported at once, each naming its
 * field. Throws a StudyError; returns a StudyDefinition ready to generate candidates.
 */
export function validateStudySpec(spec: StudySpec): StudyDefinition {
  const problems: StudyProblem[] = [];
  const report = (code: StudyErrorCode, field: string, message: string) => problems.push({ code, field, message });
  const input: Partial<StudySpec> = typeof spec === 'object' && spec !== null ? spec : {};

  const tickers = checkTickers(input.tickers, report);
  const start = typeof input.start === 'string' ? input.start : '';
  const end = typeof input.end === 'string' ? input.end : '';
  const options = checkPeriodAndOptions(start, end, input.options, report);

  const method = input.method as StudyMethod;
  if (!METHODS.includes(method)) report('INVALID_FIELD', 'method', `method must be one of ${METHODS.join(', ')}`);
  const sampled = SAMPLED.has(method);
  const gridded = GRIDDED.has(method);

  const sampledCount = checkCandidates(input.candidates, method, sampled, report);
  const seed = input.seed === undefined ? 0 : (wholeNumber(input.seed, 'seed', 0, STUDY_LIMITS.maxSeed, report) ?? 0);
  const concentration = checkConcentration(input.concentration, method, report);
  const stepUnits = gridded ? checkGridStep(input.gridStepPercent, report) : 0;
  if (!gridded && input.gridStepPercent !== undefined && METHODS.includes(method)) {
    report('INVALID_FIELD', 'gridStepPercent', `gridStepPercent applies to grid and both, not ${method}`);
  }

  const constraints = checkConstraints(input.constraints, tickers, report);
  const objectives = input.objectives ?? {};
  const maxDrawdownLimit = optionalPercent(
    objectives.maxDrawdownPercent,
    'objectives.maxDrawdownPercent',
    0,
    100,
    report,
  );
  const targetCagr = optionalPercent(objectives.targetCagrPercent, 'objectives.targetCagrPercent', -100, 1e6, report);
  const topN = checkTopN(input.topN, report);
  if (problems.length > 0) throw new StudyError(problems);

  const { minUnits, maxUnits, allowShorts } = constraints;
  const maxHoldings = constraints.maxHoldings ?? tickers.length;
  checkFeasible(minUnits, maxUnits, maxHoldings, report);
  checkCommandLength(tickers, maxHoldings, start, end, options, report);
  if (problems.length > 0) throw new StudyError(problems);

  const bounds: WeightBounds = { minUnits, maxUnits, maxHoldings };
  const gridCount = gridded ? countGridPoints(tickers.length, stepUnits, bounds, report) : 0;
  if (problems.length === 0 && gridCount + sampledCount > STUDY_LIMITS.maxCandidates) {
    report(
      'TOO_MANY_CANDIDATES',
      'candidates',
      `${gridCount.toLocaleString('en-US')} grid points and ${sampledCount.toLocaleString('en-US')} sampled ` +
        `candidates exceed the limit of ${STUDY_LIMITS.maxCandidates.toLocaleString('en-US')}`,
    );
  }
  const estimatedAcceptance =
    problems.length === 0 && sampledCount > 0 ? checkAcceptance(tickers.length, concentration, bounds, report) : 1;
  if (problems.length > 0) throw new StudyError(problems);

  const definition: Omit<StudyDefinition, 'fingerprint'> = {
    tickers,
    start,
    end,
    options,
    method,
    seed,
    sampledCount,
    gridCount,
    candidateCount: gridCount + sampledCount,
    concentration,
    gridStepPercent: gridded ? stepUnits / 100 : null,
    allowShorts,
    maxHoldings,
    minUnits,
    maxUnits,
    maxDrawdownLimit: maxDrawdownLimit === null ? null : maxDrawdownLimit / 100,
    targetCagr: targetCagr === null ? null : targetCagr / 100,
    topN,
    estimatedAcceptance,
  };
  return { ...definition, fingerprint: studyFingerprint(definition) };
}

type Report = (code: StudyErrorCode, field: string, message: string) => void;

/** Each ticker's weight range in lattice units and the most holdings (the ticker count when unconstrained). */
interface WeightBounds {
  minUnits: Int32Array;
  maxUnits: Int32Array;
  maxHoldings: number;
}

/** How many best portfolios per objective are kept (the default when not given). */
function checkTopN(value: unknown, report: Report): number {
  if (value === undefined) return STUDY_LIMITS.defaultTopN;
  return wholeNumber(value, 'topN', 1, STUDY_LIMITS.maxTopN, report) ?? STUDY_LIMITS.defaultTopN;
}

/** How many candidates a sampling method draws; a grid study must leave `candidates` out. */
function checkCandidates(value: unknown, method: StudyMethod, sampled: boolean, report: Report): number {
  if (sampled) return wholeNumber(value, 'candidates', 1, STUDY_LIMITS.maxCandidates, report) ?? 0;
  if (value !== undefined && METHODS.includes(method)) {
    report('INVALID_FIELD', 'candidates', 'a grid study evaluates every grid point; leave candidates out');
  }
  return 0;
}

/** The Dirichlet concentration (1 when not given); only dirichlet and both take one. */
function checkConcentration(value: unknown, method: StudyMethod, report: Report): number {
  if (value === undefined) return 1;
  if (method === 'dirichlet' || method === 'both') {
    return number(value, 'concentration', STUDY_LIMITS.minConcentration, STUDY_LIMITS.maxConcentration, report) ?? 1;
  }
  if (METHODS.includes(method)) {
    report('INVALID_FIELD', 'concentration', `concentration applies to dirichlet and both, not ${method}`);
  }
  return 1;
}

/**
 * The share of sampled draws the maximum weights accept (1 when every draw fits: uniform sampling on a lattice
 * that fits), with a problem when it is too small to sample in reasonable time.
 */
function checkAcceptance(tickerCount: number, concentration: number, bounds: WeightBounds, report: Report): number {
  const { minUnits, maxUnits, maxHoldings } = bounds;
  if (concentration === 1 && latticeFits(tickerCount, maxHoldings, WEIGHT_UNITS)) return 1;
  const estimatedAcceptance = pilotAcceptance(minUnits, maxUnits, maxHoldings, concentration);
  if (estimatedAcceptance < STUDY_LIMITS.minAcceptance) {
    report(
      'CONSTRAINTS_TOO_TIGHT',
      'constraints',
      `only ${(estimatedAcceptance * 100).toFixed(2)}% of random draws satisfy the maximum weights ` +
        `(at least ${STUDY_LIMITS.minAcceptance * 100}% needed); raise the maximums, or sample uniformly (concentration 1)`,
    );
  }
  return estimatedAcceptance;
}

/** The grid's points under the constraints, or 0 with a problem when it is too fine, empty or too large. */
function countGridPoints(tickerCount: number, stepUnits: number, bounds: WeightBounds, report: Report): number {
  const { minUnits, maxUnits, maxHoldings } = bounds;
  if (gridTableDoubles(tickerCount, WEIGHT_UNITS / stepUnits, maxHoldings) > MAX_GRID_TABLE_DOUBLES) {
    report(
      'TOO_MANY_CANDIDATES',
      'gridStepPercent',
      `a ${stepUnits / 100}% grid over ${tickerCount} tickers is too fine to count; use a larger step or fewer tickers`,
    );
    return 0;
  }
  const gridCount = buildGridTable(minUnits, maxUnits, stepUnits, WEIGHT_UNITS, maxHoldings).size;
  if (gridCount === 0) {
    report('INFEASIBLE_CONSTRAINTS', 'gridStepPercent', 'no grid point satisfies the constraints; use a finer step');
  } else if (!(gridCount <= STUDY_LIMITS.maxCandidates)) {
    report(
      'TOO_MANY_CANDIDATES',
      'gridStepPercent',
      `the grid has ${Number.isFinite(gridCount) ? gridCount.toLocaleString('en-US') : 'more than 2^53'} points, ` +
        `the limit is ${STUDY_LIMITS.maxCandidates.toLocaleString('en-US')}; use a larger step, fewer tickers or maxHoldings`,
    );
  }
  return gridCount;
}

function checkTickers(value: unknown, report: Report): string[] {
  if (!Array.isArray(value)) {
    report('INVALID_FIELD', 'tickers', 'tickers must be a list of ticker symbols');
    return [];
  }
  if (value.length < STUDY_LIMITS.minTickers || value.length > STUDY_LIMITS.maxTickers) {
    report(
      'INVALID_FIELD',
      'tickers',
      `a study needs ${STUDY_LIMITS.minTickers} to ${STUDY_LIMITS.maxTickers} tickers, got ${value.length}`,
    );
  }
  const tickers: string[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const field = `tickers[${i}]`;
    if (typeof raw !== 'string' || !/^\S+$/.test(raw)) {
      report('INVALID_FIELD', field, 'a ticker is one word, e.g. AAPL');
      tickers.push('');
      return;
    }
    const ticker = raw.toUpperCase();
    tickers.push(ticker);
    if (ticker === CASH_TICKER) {
      report('INVALID_FIELD', field, 'CASH is not an asset a study can weight; list real tickers only');
      return;
    }
    const earlier = seen.get(ticker);
    if (earlier !== undefined) {
      report('INVALID_FIELD', field, `${ticker} is already tickers[${earlier}]`);
      return;
    }
    seen.set(ticker, i);
    const probe = parseCommand(`${ticker}-L-100% 2000-01-03 2000-01-04`);
    if (!probe.ok) for (const error of probe.errors) report('INVALID_COMMAND', field, commandMessage(error));
  });
  return tickers;
}

/**
 * The period and options as the command parser sees them: a one-position probe command is written with the
 * options (canonical spelling) and parsed; each error is mapped back to the field it came from.
 */
function checkPeriodAndOptions(
  start: string,
  end: string,
  value: Partial<CommandOptions> | undefined,
  report: Report,
): CommandOptions {
  let datesOk = true;
  for (const [field, date] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!DATE.test(date)) {
      report('INVALID_FIELD', field, `${field} must be a date written YYYY-MM-DD`);
      datesOk = false;
    }
  }
  const options = optionsShape(value ?? {}, report);
  if (options === null) return { ...DEFAULT_OPTIONS };
  // Malformed dates are reported above; the options are still checked, on a placeholder period.
  const probe: PortfolioCommand = {
    positions: [{ ticker: 'PROBE', side: 'L', weightPercent: 100 }],
    start: datesOk ? start : '2000-01-03',
    end: datesOk ? end : '2000-01-04',
    options,
  };
  const parsed = parseCommand(formatCanonicalCommand(probe));
  if (parsed.ok) return parsed.command.options;
  // The probe reads `PROBE-L-100% <start> <end> <options>`: the end date starts at this column.
  const endColumn = 'PROBE-L-100% '.length + probe.start.length + 2;
  for (const error of parsed.errors) {
    const option = /^([A-Za-z_]+)=/.exec(error.token);
    if (option) report('INVALID_COMMAND', OPTION_FIELDS[option[1]] ?? 'options', commandMessage(error));
    else if (datesOk) {
      report(
        'INVALID_COMMAND',
        error.code === 'DATE_ORDER' || error.column >= endColumn ? 'end' : 'start',
        commandMessage(error),
      );
    }
  }
  return { ...DEFAULT_OPTIONS };
}

/** The options' types (values are the parser's business); null when they cannot be written as a command. */
function optionsShape(value: Partial<CommandOptions>, report: Report): CommandOptions | null {
  if (typeof value !== 'object' || value === null) {
    report('INVALID_FIELD', 'options', 'options must be an object of command options');
    return null;
  }
  const options: CommandOptions = { ...DEFAULT_OPTIONS, ...value };
  let ok = true;
  const fail = (field: string, message: string) => {
    report('INVALID_FIELD', `options.${field}`, message);
    ok = false;
  };
  for (const field of ['capital', 'feePercent', 'riskFreePercent'] as const) {
    if (typeof options[field] !== 'number' || !Number.isFinite(options[field]))
      fail(field, `${field} must be a number`);
  }
  if (!benchmarkShape(options.benchmark)) fail('benchmark', 'benchmark must be one ticker or null');
  if (!rebalanceShape(options.rebalance)) {
    fail('rebalance', "rebalance must be { kind: 'none' | 'periodic' | 'band', frequency | thresholdPercent }");
  }
  if (!contributionShape(options.contribution)) {
    fail('contribution', "contribution must be null or { amount, period: 'month' | 'quarter' | 'year' }");
  }
  for (const field of ['cashRate', 'borrowRate', 'inflation'] as const) {
    const rate = options[field];
    if (field === 'inflation' && rate === null) continue;
    if (!rateShape(rate)) fail(field, `${field} must be { kind: 'constant', percent } or a series { kind, ticker }`);
  }
  return ok ? options : null;
}

function benchmarkShape(benchmark: CommandOptions['benchmark']): boolean {
  return benchmark === null || (typeof benchmark === 'string' && /^\S+$/.test(benchmark));
}

function contributionShape(flow: CommandOptions['contribution']): boolean {
  return (
    flow === null ||
    (typeof flow === 'object' &&
      typeof flow.amount === 'number' &&
      Number.isFinite(flow.amount) &&
      /^[a-z]+$/.test(String(flow.period)))
  );
}

/** A constant rate, a rate series or a price index, as the command's options hold them. */
function rateShape(rate: CommandOptions['cashRate'] | CommandOptions['inflation']): boolean {
  return (
    typeof rate === 'object' &&
    rate !== null &&
    ((rate.kind === 'constant' && typeof rate.percent === 'number' && Number.isFinite(rate.percent)) ||
      ((rate.kind === 'series' || rate.kind === 'index') &&
        typeof rate.ticker === 'string' &&
        /^\S+$/.test(rate.ticker)))
  );
}

function rebalanceShape(policy: RebalancePolicy): boolean {
  if (typeof policy !== 'object' || policy === null) return false;
  switch (policy.kind) {
    case 'none':
      return true;
    case 'periodic':
      return typeof policy.frequency === 'string' && /^[a-z]+$/.test(policy.frequency);
    case 'band':
      return typeof policy.thresholdPercent === 'number' && Number.isFinite(policy.thresholdPercent);
    default:
      return false;
  }
}

function commandMessage(error: CommandError): string {
  const message = error.message.replace(/ \(column \d+\)$/, '');
  return error.hint ? `${message} (${error.hint})` : message;
}

/** Step in weight units: a whole number of hundredths of a percent that divides 100 %. */
function checkGridStep(value: unknown, report: Report): number {
  const step = number(value, 'gridStepPercent', 0.01, 100, report);
  if (step === null) return 0;
  const units = Math.round(step * 100);
  if (Math.abs(units - step * 100) > 1e-9 || WEIGHT_UNITS % units !== 0) {
    report(
      'INVALID_FIELD',
      'gridStepPercent',
      `a grid step must divide 100% in whole hundredths of a percent (1, 2, 2.5, 5, 10, 12.5, 20, 25, 50…), got ${step}`,
    );
    return 0;
  }
  return units;
}

interface CheckedConstraints {
  minUnits: Int32Array;
  maxUnits: Int32Array;
  allowShorts: boolean;
  maxHoldings: number | null;
}

function checkConstraints(value: StudySpec['constraints'], tickers: string[], report: Report): CheckedConstraints {
  const n = tickers.length;
  const constraints = value ?? {};
  const allowShorts = constraints.allowShorts ?? false;
  if (typeof allowShorts !== 'boolean')
    report('INVALID_FIELD', 'constraints.allowShorts', 'allowShorts is true or false');
  let maxHoldings: number | null = null;
  if (constraints.maxHoldings !== undefined && constraints.maxHoldings !== null) {
    maxHoldings = wholeNumber(constraints.maxHoldings, 'constraints.maxHoldings', 1, Math.max(1, n), report);
  }
  const floor = allowShorts === true ? -100 : 0;
  const defaults = checkBounds(constraints.defaultBounds ?? {}, 'constraints.defaultBounds', floor, report) ?? {
    min: floor * 100,
    max: WEIGHT_UNITS,
  };
  const minUnits = new Int32Array(n).fill(defaults.min);
  const maxUnits = new Int32Array(n).fill(defaults.max);
  const bounds = constraints.bounds ?? {};
  if (typeof bounds !== 'object' || bounds === null) {
    report('INVALID_FIELD', 'constraints.bounds', 'bounds map tickers to { minPercent, maxPercent }');
  } else {
    for (const [key, entry] of Object.entries(bounds)) {
      const field = `constraints.bounds.${key}`;
      const i = tickers.indexOf(key.toUpperCase());
      if (i < 0) {
        report('INVALID_FIELD', field, `${key} is not one of the study's tickers`);
        continue;
      }
      const checked = checkBounds(
        { minPercent: entry?.minPercent ?? defaults.min / 100, maxPercent: entry?.maxPercent ?? defaults.max / 100 },
        field,
        floor,
        report,
      );
      if (checked) {
        minUnits[i] = checked.min;
        maxUnits[i] = checked.max;
      }
    }
  }
  return { minUnits, maxUnits, allowShorts: allowShorts === true, maxHoldings };
}

/** min ≤ max, both whole hundredths of a percent from `floor` (0, or −100 with shorts) to 100. */
function checkBounds(
  bounds: StudyWeightBounds,
  field: string,
  floor: number,
  report: Report,
): { min: number; max: number } | null {
  if (typeof bounds !== 'object' || bounds === null) {
    report('INVALID_FIELD', field, 'bounds are { minPercent, maxPercent }');
    return null;
  }
  const read = (value: number | undefined, name: string, fallback: number): number | null => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -100 || value > 100) {
      report('INVALID_FIELD', `${field}.${name}`, `${name} must be a number from -100 to 100`);
      return null;
    }
    const units = Math.round(value * 100);
    if (Math.abs(units - value * 100) > 1e-9) {
      report('INVALID_FIELD', `${field}.${name}`, `${name} ${value} has more than 2 decimals`);
      return null;
    }
    if (value < floor) {
      report(
        'INVALID_FIELD',
        `${field}.${name}`,
        `${name} ${value}% is a short weight; set constraints.allowShorts to allow shorts`,
      );
      return null;
    }
    return units;
  };
  const min = read(bounds.minPercent, 'minPercent', floor * 100);
  const max = read(bounds.maxPercent, 'maxPercent', WEIGHT_UNITS);
  if (min === null || max === null) return null;
  if (min > max) {
    report('INVALID_FIELD', `${field}.minPercent`, `minPercent ${min / 100} is above maxPercent ${max / 100}`);
    return null;
  }
  return { min, max };
}

/**
 * Some portfolio satisfies the bounds and K: the forced holdings (min > 0 or max < 0) fit in K and their
 * minimums in 100 %, and the largest magnitudes K tickers can reach add up to at least 100 %.
 */
function checkFeasible(minUnits: Int32Array, maxUnits: Int32Array, maxHoldings: number, report: Report): void {
  const rules = samplingRules(minUnits, maxUnits, WEIGHT_UNITS, maxHoldings, 1);
  const lowerSum = rules.lowerUnits.reduce((sum, units) => sum + units, 0);
  if (rules.forced.length > maxHoldings) {
    report(
      'INFEASIBLE_CONSTRAINTS',
      'constraints.maxHoldings',
      `${rules.forced.length} tickers must be held (non-zero minimum or negative maximum) but maxHoldings is ${maxHoldings}`,
    );
    return;
  }
  if (lowerSum > WEIGHT_UNITS) {
    report('INFEASIBLE_CONSTRAINTS', 'constraints', `the minimum weights add up to ${lowerSum / 100}%, over 100%`);
    return;
  }
  const reach = (i: number) => Math.max(rules.longUpper[i], rules.shortUpper[i]);
  const forcedReach = Array.from(rules.forced, reach).reduce((sum, units) => sum + units, 0);
  const freeReach = Array.from(rules.free, reach)
    .sort((a, b) => b - a)
    .slice(0, maxHoldings - rules.forced.length)
    .reduce((sum, units) => sum + units, 0);
  if (forcedReach + freeReach < WEIGHT_UNITS) {
    report(
      'INFEASIBLE_CONSTRAINTS',
      'constraints',
      `the largest weights ${maxHoldings < minUnits.length ? `${maxHoldings} tickers ` : ''}can hold add up to ` +
        `${(forcedReach + freeReach) / 100}%, under 100%`,
    );
  }
}

/** Every portfolio of the study must be writable as a command (at most 1000 characters). */
function checkCommandLength(
  tickers: string[],
  maxHoldings: number,
  start: string,
  end: string,
  options: CommandOptions,
  report: Report,
): void {
  const optionsLength = formatCanonicalCommand({ positions: [], start, end, options }).length;
  const longest = tickers
    .map((ticker) => ticker.length + POSITION_SUFFIX_LENGTH + 1)
    .sort((a, b) => b - a)
    .slice(0, maxHoldings)
    .reduce((sum, length) => sum + length, 0);
  if (longest + optionsLength > COMMAND_LIMITS.maxLength) {
    report(
      'INVALID_FIELD',
      'tickers',
      `a portfolio of ${maxHoldings} of these tickers can need ${longest + optionsLength} characters as a command, ` +
        `over the limit of ${COMMAND_LIMITS.maxLength}; use fewer tickers or maxHoldings`,
    );
  }
}

/** Share of random draws accepted under the maximums, on a fixed pilot (independent of the study's seed). */
function pilotAcceptance(
  minUnits: Int32Array,
  maxUnits: Int32Array,
  maxHoldings: number,
  concentration: number,
): number {
  const rules = samplingRules(minUnits, maxUnits, WEIGHT_UNITS, maxHoldings, concentration);
  if (rules.neverRejects) return 1;
  const sampler = new ConstrainedSampler(rules);
  const out = new Int32Array(minUnits.length);
  let accepted = 0;
  for (let draw = 0; draw < PILOT_DRAWS; draw++) {
    if (sampler.attempt(new CandidateRandom(candidateStreamSeed(PILOT_SEED, draw)), out)) accepted++;
  }
  return accepted / PILOT_DRAWS;
}

function studyFingerprint(definition: Omit<StudyDefinition, 'fingerprint'>): string {
  const { minUnits, maxUnits, ...rest } = definition;
  return new Fingerprint()
    .text(JSON.stringify({ version: 1, ...rest }))
    .int32s(minUnits)
    .int32s(maxUnits)
    .hex();
}

function wholeNumber(value: unknown, field: string, min: number, max: number, report: Report): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    report('INVALID_FIELD', field, `${field} must be a whole number from ${min} to ${max}`);
    return null;
  }
  return value;
}

function number(value: unknown, field: string, min: number, max: number, report: Report): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    report('INVALID_FIELD', field, `${field} must be a number from ${min} to ${max}`);
    return null;
  }
  return value;
}

function optionalPercent(value: unknown, field: string, min: number, max: number, report: Report): number | null {
  if (value === undefined || value === null) return null;
  return number(value, field, min, max, report);
}
