import { formatCommandErrors } from '../engine/command/command.errors';
import { parseCommand } from '../engine/command/command.parser';
import { PriceMatrix } from '../engine/market/price-matrix';
import { SimulationError } from '../engine/simulation/simulation.errors';
import { simulatePortfolio } from '../engine/simulation/portfolio.simulator';
import { analyseResult, analysisToJson, formatDrawdownEpisodes, formatRollingSummary } from './analysis.formatter';
import { formatMetricsTable, formatSummary } from './metrics-table.formatter';
import { simulationToJson, stringifyJson } from './result-json.serializer';

export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_INVALID_COMMAND = 2;
export const EXIT_SIMULATION_FAILED = 3;
export const EXIT_USAGE = 64;

export const USAGE = `Usage: portofino simulate "<command>" [--json] [--source sample|yahoo|db]

  <command>  positions TICKER-SIDE-WEIGHT% (L long, S short), start and end dates YYYY-MM-DD,
             then options key=value: capital=100000 rebalance=none|daily|weekly|monthly|quarterly|yearly|band:5%
             fee=0.1% rf=2% benchmark=^GSPC contribute=1000/month (also /quarter, /year; negative withdraws)
  --json     print everything (daily series, weights, trades, metrics, drawdown episodes, rolling
             metrics) as JSON

Example: portofino simulate "AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-31 rebalance=monthly benchmark=^GSPC"
Prices: bundled sample data (20 US stocks and ^GSPC, 1990-01-02..2022-12-28, from skfolio; for testing
and examples only, not investment advice). Grammar: docs/command-language.md; metrics: docs/metrics.md.`;

/** `portofino simulate`: parses, simulates on the given prices, prints; returns the exit code. */
export function runSimulate(args: readonly string[], prices: () => PriceMatrix, io: CliOutput): number {
  const json = args.includes('--json');
  const rest = args.filter((arg) => arg !== '--json');
  const unknownFlag = rest.find((arg) => arg.startsWith('--'));
  if (unknownFlag || rest.length !== 1) {
    io.err(unknownFlag ? `unknown flag ${unknownFlag}\n\n${USAGE}` : USAGE);
    return EXIT_USAGE;
  }
  const input = rest[0];
  const parsed = parseCommand(input);
  if (!parsed.ok) {
    if (json) io.out(stringifyJson({ errors: parsed.errors }));
    else io.err(formatCommandErrors(input, parsed.errors));
    return EXIT_INVALID_COMMAND;
  }
  let result;
  try {
    result = simulatePortfolio(parsed.command, prices());
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    if (json) io.out(stringifyJson({ errors: error.problems }));
    else io.err(error.problems.map((problem) => `error[${problem.code}]: ${problem.message}`).join('\n'));
    return EXIT_SIMULATION_FAILED;
  }
  const analysis = analyseResult(result);
  if (json) {
    io.out(
      stringifyJson({ ...(simulationToJson(result, parsed.canonical) as object), analysis: analysisToJson(analysis) }),
    );
  } else {
    io.out(
      `${parsed.canonical}\n\n${formatSummary(result)}\n\n${formatMetricsTable(result)}\n\n` +
        `${formatDrawdownEpisodes(analysis)}\n\n${formatRollingSummary(analysis, result.command.options.benchmark)}`,
    );
  }
  return EXIT_OK;
}
