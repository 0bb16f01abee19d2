import { formatCommandErrors } from '../engine/command/command.errors';
import { parseCommand } from '../engine/command/command.parser';
import { AnalysisError } from '../engine/analysis/analysis.errors';
import {
  CashFlowPeriod,
  PROJECTION_PERCENTILES,
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
         [--method monthly|block] [--block 12] [--flow -4000/year | --flow -4%/year] [--indexed]
         [--inflation 2%] [--target 1000000] [--json]

  Backtests <command> (as portofino simulate), then projects its final value forward by resampling its own
  complete months: --paths paths (1 to 10,000) over --years years (1 to 50), seeded (--seed) so a run repeats.
  --method   monthly: each month drawn independently (default); block: runs of --block consecutive months
  --flow     money in (positive) or out (negative) each month/quarter/year, an amount or a % of the value;
             default: the command's contribute= option, if any. --indexed grows an amount with --inflation.
  --target   the value whose probability of being exceeded is reported (default: the starting value)
Method and limits: docs/projections.md.`;

const FLOW = /^(-?\d+(?:\.\d+)?)(%?)\/(month|quarter|year)$/;
const PERCENT = /^(-?\d+(?:\.\d+)?)%$/;

interface ProjectArgs {
  command: string;
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
    if (!['paths', 'years', 'seed', 'method', 'block', 'flow', 'inflation', 'target'].includes(name)) {
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
  const flow = values.get('flow');
  if (flow !== undefined) {
    const match = FLOW.exec(flow);
    if (!match) return `--flow must look like -4000/year or -4%/month, got "${flow}"`;
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
  return {
    command: positional[0],
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
  const final = projection.finalValue.percentiles;
  const cagr = projection.cagr.percentiles;
  const header = PROJECTION_PERCENTILES.map((p) => `p${p}`.padStart(14)).join('');
  const row = (label: string, values: Float64Array, format: (value: number) => string) =>
    `${label.padEnd(14)}${Array.from(values, (value) => format(value).padStart(14)).join('')}`;
  const successful = projection.paths - projection.depletedPaths;
  io.out(
    [
      `${parsed.canonical}`,
      '',
      `${projection.paths.toLocaleString('en-US')} paths × ${projection.years} years from ${formatMoney(projection.initialValue)}, ` +
        `${projection.method === 'block' ? `blocks of ${projection.blockMonths} months` : 'months drawn independently'} ` +
        `from ${projection.historyMonths} complete months (seed ${projection.seed}).`,
      '',
      `${''.padEnd(14)}${header}`,
      row('Final value', final, formatMoney),
      row('CAGR', cagr, (value) => formatValue(value, 'percent')),
      row('Max drawdown', projection.maxDrawdown.percentiles, (value) => formatValue(value, 'percent')),
      '',
      `In ${successful.toLocaleString('en-US')} of ${projection.paths.toLocaleString('en-US')} paths the money lasted ${projection.years} years.`,
      `Ending above zero: ${formatValue(projection.probabilityPositive, 'percent')}; above ${formatMoney(projection.targetValue)}: ${formatValue(projection.probabilityAboveTarget, 'percent')}.`,
      `Highest ${projection.sustainableWithdrawal.inflationIndexed ? 'inflation-indexed ' : ''}withdrawal per ${projection.sustainableWithdrawal.period} ` +
        `that lasts in 90% of paths: ${formatMoney(projection.sustainableWithdrawal.success90)}; in 95%: ${formatMoney(projection.sustainableWithdrawal.success95)}.`,
    ].join('\n'),
  );
  return EXIT_OK;
}
