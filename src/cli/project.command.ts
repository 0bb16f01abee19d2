import { formatCommandErrors } from '../engine/command/command.errors';
import { parseCommand } from '../engine/command/command.parser';
import { AnalysisError } from '../engine/analysis/analysis.errors';
import {
  CashFlowPeriod,
  ProjectionCashFlow,
  projectMonteCarlo,
  ResamplingMethod,
} from '../engine/analysis/monte-carlo';
import { projectionHistoryOf } from '../engine/analysis/projection-history';
import { PriceMatrix } from '../engine/market/price-matrix';
import { simulatePortfolio } from '../engine/simulation/portfolio.simulator';
import { SimulationError } from '../engine/simulation/simulation.errors';
import { formatMoney, formatValue } from './metrics-table.formatter';
import { stringifyJson } from './result-json.serializer';
import { CliOutput, EXIT_INVALID_COMMAND, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE } from './simulate.command';

export const PROJECT_USAGE = `Usage: portofino project "<command>" [--paths 10000] [--years 30] [--seed 1]
         [--method monthly|block] [--block 12] [--flow -4000/year | --flow -4%/year] [--withdraw 4000/year]
         [--indexed] [--inflation 2%] [--target 1000000] [--json]
       portofino project <simulation id> [the same options] [--api http://localhost:8000] [--token <access token>]

  Backtests <command> (as portofino simulate), then projects its final value forward by resampling its own
  complete months: --paths paths (1 to 10,000) over --years years (1 to 50), seeded (--seed) so a run repeats.
  --method   monthly: each month drawn independently (default); block: runs of --block consecutive months
  --flow     money in (positive) or out (negative) each month/quarter/year, an amount or a % of the value;
             default: the command's contribute= option, if any. --indexed grows an amount with --inflation.
  --withdraw the same as a negative --flow: --withdraw 4000/year is --flow -4000/year
  --target   the value whose probability of being exceeded is reported (default: the starting value)
  With a simulation id instead of a command, the projection runs on a PortoFino server (POST
  /history/{id}/projections, then GET /projections/{id} until it is done) from that completed simulation of
  yours: --api is the server's address (or PORTOFINO_API_URL), --token your access token (or PORTOFINO_TOKEN;
  POST /auth/login gives one). Options left out take the server's defaults (10,000 paths, 30 years, blocks of
  12 months, a random seed, the simulation's own contribute=).
Method and limits: docs/projections.md.`;

const FLOW = /^(-?\d+(?:\.\d+)?)(%?)\/(month|quarter|year)$/;
const PERCENT = /^(-?\d+(?:\.\d+)?)%$/;

export interface ProjectArgs {
  /** A command to backtest, or (API mode) a simulation id. */
  command: string;
  /** The flags given (API mode sends only those; the server has its own defaults). */
  given: ReadonlySet<string>;
  apiUrl: string | undefined;
  token: string | undefined;
  json: boolean;
  paths: number;
  years: number;
  seed: number;
  method: ResamplingMethod;
  blockMonths: number;
  cashFlow: ProjectionCashFlow | null | undefined;
  inflationRate: number;
  targetValue: number | undefined;
}

/** The flags, or a sentence saying which one is wrong. */
// eslint-disable-next-line complexity -- above the limit when it was set (issue 16): split it when it next changes
export function parseProjectArgs(args: readonly string[]): ProjectArgs | string {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === 'json' || name === 'indexed') {
      flags.add(name);
      continue;
    }
    if (
      ![
        'paths',
        'years',
        'seed',
        'method',
        'block',
        'flow',
        'withdraw',
        'inflation',
        'target',
        'api',
        'token',
      ].includes(name)
    ) {
      return `unknown flag --${name}`;
    }
    const value = inline ?? args[++i];
    if (value === undefined) return `--${name} needs a value`;
    values.set(name, value);
  }
  if (positional.length !== 1) return 'give exactly one command, in quotes';
  const integer = (name: string, fallback: number) => {
    const text = values.get(name);
    return text === undefined ? fallback : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  };
  const method = values.get('method') ?? 'monthly';
  if (method !== 'monthly' && method !== 'block') return `--method must be monthly or block, got "${method}"`;
  let cashFlow: ProjectionCashFlow | null | undefined;
  if (values.has('flow') && values.has('withdraw')) return 'give --flow or --withdraw, not both';
  const withdraw = values.get('withdraw');
  if (withdraw !== undefined && !/^\d/.test(withdraw)) {
    return `--withdraw must look like 4000/year or 4%/month (a positive amount), got "${withdraw}"`;
  }
  const flow = values.get('flow') ?? (withdraw === undefined ? undefined : `-${withdraw}`);
  if (flow !== undefined) {
    const match = FLOW.exec(flow);
    if (!match) {
      return withdraw === undefined
        ? `--flow must look like -4000/year or -4%/month, got "${flow}"`
        : `--withdraw must look like 4000/year or 4%/month (a positive amount), got "${withdraw}"`;
    }
    const period = match[3] as CashFlowPeriod;
    cashFlow =
      match[2] === '%'
        ? { kind: 'percent', rate: Number(match[1]) / 100, period }
        : { kind: 'amount', amount: Number(match[1]), period, inflationIndexed: flags.has('indexed') };
  }
  const inflation = values.get('inflation') ?? '0%';
  const inflationMatch = PERCENT.exec(inflation);
  if (!inflationMatch) return `--inflation must be a percentage like 2%, got "${inflation}"`;
  const target = values.get('target');
  const given = new Set([...values.keys(), ...flags]);
  if (values.has('withdraw')) given.add('flow');
  return {
    command: positional[0],
    given,
    apiUrl: values.get('api'),
    token: values.get('token'),
    json: flags.has('json'),
    paths: integer('paths', 10_000),
    years: integer('years', 30),
    seed: integer('seed', 1),
    method,
    blockMonths: integer('block', 12),
    cashFlow,
    inflationRate: Number(inflationMatch[1]) / 100,
    targetValue: target === undefined ? undefined : Number(target),
  };
}

/** `portofino project`: backtests the command on the given prices, then projects it; returns the exit code. */
export function runProject(args: readonly string[], prices: () => PriceMatrix, io: CliOutput): number {
  const options = parseProjectArgs(args);
  if (typeof options === 'string') {
    io.err(`${options}\n\n${PROJECT_USAGE}`);
    return EXIT_USAGE;
  }
  const parsed = parseCommand(options.command);
  if (!parsed.ok) {
    io.err(formatCommandErrors(options.command, parsed.errors));
    return EXIT_INVALID_COMMAND;
  }
  let projection;
  try {
    const history = projectionHistoryOf(simulatePortfolio(parsed.command, prices()));
    projection = projectMonteCarlo(history.returns, {
      paths: options.paths,
      years: options.years,
      seed: options.seed,
      method: options.method,
      blockMonths: options.method === 'block' ? options.blockMonths : undefined,
      initialValue: history.initialValue,
      cashFlow: options.cashFlow === undefined ? history.cashFlow : options.cashFlow,
      inflationRate: options.inflationRate,
      targetValue: options.targetValue,
    });
  } catch (error) {
    if (error instanceof SimulationError) {
      io.err(error.problems.map((problem) => `error[${problem.code}]: ${problem.message}`).join('\n'));
      return EXIT_SIMULATION_FAILED;
    }
    if (error instanceof AnalysisError) {
      io.err(`error[${error.code}]: ${error.message}\n\n${PROJECT_USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (options.json) {
    io.out(stringifyJson(projection));
    return EXIT_OK;
  }
  io.out(formatProjection(parsed.canonical, projection));
  return EXIT_OK;
}

/** What the text output reads: the engine's projection, or the API's inputs and outputs put together. */
export interface ProjectionView {
  paths: number;
  years: number;
  seed: number;
  method: ResamplingMethod;
  blockMonths: number;
  historyMonths: number;
  initialValue: number;
  targetValue: number;
  percentiles: readonly number[];
  valueBands: readonly { percentile: number; values: ArrayLike<number> }[];
  finalValue: { percentiles: ArrayLike<number> };
  cagr: { percentiles: ArrayLike<number> };
  maxDrawdown: { percentiles: ArrayLike<number> };
  probabilityPositive: number;
  probabilityAboveTarget: number;
  depletedPaths: number;
  sustainableWithdrawal: {
    period: CashFlowPeriod;
    inflationIndexed: boolean;
    success90: number;
    success95: number;
  };
}

/** The years the bands summary shows: about six rows, the horizon always among them. */
export function bandYears(years: number): number[] {
  const step = Math.max(1, Math.ceil(years / 6));
  const shown: number[] = [];
  for (let year = step; year < years; year += step) shown.push(year);
  return [...shown, years];
}

/** The projection in words and small tables: the setting, the bands by year, the distributions and the odds. */
export function formatProjection(title: string, projection: ProjectionView): string {
  const header = projection.percentiles.map((p) => `p${p}`.padStart(14)).join('');
  const row = (label: string, values: ArrayLike<number>, format: (value: number) => string) =>
    `${label.padEnd(14)}${Array.from(values, (value) => format(value).padStart(14)).join('')}`;
  const percent = (value: number) => formatValue(value, 'percent');
  const count = (value: number) => value.toLocaleString('en-US');
  const successful = projection.paths - projection.depletedPaths;
  const withdrawal = projection.sustainableWithdrawal;
  return [
    title,
    '',
    `${count(projection.paths)} paths × ${projection.years} years from ${formatMoney(projection.initialValue)}, ` +
      `${projection.method === 'block' ? `blocks of ${projection.blockMonths} months` : 'months drawn independently'} ` +
      `from ${projection.historyMonths} complete months (seed ${projection.seed}).`,
    '',
    `${'Value by year'.padEnd(14)}${header}`,
    ...bandYears(projection.years).map((year) =>
      row(
        `year ${year}`,
        projection.valueBands.map((band) => band.values[year * 12]),
        formatMoney,
      ),
    ),
    '',
    `${''.padEnd(14)}${header}`,
    row('Final value', projection.finalValue.percentiles, formatMoney),
    row('CAGR', projection.cagr.percentiles, percent),
    row('Max drawdown', projection.maxDrawdown.percentiles, percent),
    '',
    `In ${count(successful)} of ${count(projection.paths)} paths the money lasted ${projection.years} years.`,
    `Ending above zero: ${percent(projection.probabilityPositive)}; above ${formatMoney(projection.targetValue)}: ${percent(projection.probabilityAboveTarget)}.`,
    `Highest ${withdrawal.inflationIndexed ? 'inflation-indexed ' : ''}withdrawal per ${withdrawal.period} ` +
      `that lasts in 90% of paths: ${formatMoney(withdrawal.success90)}; in 95%: ${formatMoney(withdrawal.success95)}.`,
  ].join('\n');
}
