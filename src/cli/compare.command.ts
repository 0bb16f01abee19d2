import { ComparisonMemberError, runComparison, type ComparisonOutcome } from '../engine/comparison/run-comparison';
import { validateComparisonMembers } from '../engine/comparison/comparison.input';
import type { PriceMatrix } from '../engine/market/price-matrix';
import { EXIT_INVALID_COMMAND, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE, type CliOutput } from './simulate.command';
import { formatMoney, formatValue, ROWS } from './metrics-table.formatter';
import { stringifyJson } from './result-json.serializer';

export const COMPARE_USAGE = `Usage: portofino compare "<command>" "<command>" … [--own-period] [--json]

  2 to 10 portfolios, each a command as for simulate, optionally named ("Tech: AAPL-L-50% MSFT-L-50% …").
  By default every portfolio is simulated on the common period (the latest start and earliest end all can
  cover); --own-period simulates each on its own. Prints the metrics side by side, * marking the best of each
  row, and the correlation matrix of the daily returns. --json prints the whole comparison as JSON.

Example: portofino compare "AAPL-L-100% 2015-01-01 2022-12-28" "Mix: AAPL-L-50% KO-L-50% 2015-01-01 2022-12-28 rebalance=monthly"`;

/** "name: command" → { name, command }; a colon inside the command's options is not a name. */
function memberOf(arg: string): { name?: string; command: string } {
  const match = /^([^:]{1,60}):\s+(.*)$/.exec(arg);
  if (match && !/^\S+-[LS]-/.test(match[1])) return { name: match[1].trim(), command: match[2] };
  return { command: arg };
}

/** `portofino compare`: validates every member, runs the comparison on the given prices, prints; the exit code. */
export function runCompare(args: readonly string[], prices: () => PriceMatrix, io: CliOutput): number {
  const json = args.includes('--json');
  const own = args.includes('--own-period');
  const rest = args.filter((arg) => arg !== '--json' && arg !== '--own-period');
  const unknownFlag = rest.find((arg) => arg.startsWith('--'));
  if (unknownFlag) {
    io.err(`unknown flag ${unknownFlag}\n\n${COMPARE_USAGE}`);
    return EXIT_USAGE;
  }
  const validated = validateComparisonMembers(rest.map(memberOf));
  if (!validated.ok) {
    if (json) io.out(stringifyJson({ errors: validated.errors }));
    else io.err(validated.errors.map((error) => `error[${error.code}]: ${error.message}`).join('\n'));
    return EXIT_INVALID_COMMAND;
  }
  const matrix = prices();
  let outcome: ComparisonOutcome;
  try {
    outcome = runComparison(
      validated.members,
      validated.members.map(() => matrix),
      own ? 'own' : 'common',
    );
  } catch (error) {
    if (!(error instanceof ComparisonMemberError)) throw error;
    if (json) io.out(stringifyJson({ errors: [{ code: error.code, member: error.member, message: error.message }] }));
    else io.err(`error[${error.code}]: ${error.message}`);
    return EXIT_SIMULATION_FAILED;
  }
  io.out(json ? stringifyJson(outcome) : formatComparison(outcome));
  return EXIT_OK;
}

/** The side-by-side table: one column per member, * on the best value of each ranked row. */
export function formatComparison(outcome: ComparisonOutcome): string {
  const names = outcome.members.map((member) => member.name);
  const best = new Map(outcome.best.map((one) => [one.metric, new Set(one.members)]));
  const rows: string[][] = [
    ['Metric', ...names],
    ['Period', ...outcome.members.map((m) => `${m.simulated.start}..${m.simulated.end}`)],
    ['Final value', ...outcome.members.map((m) => formatMoney(m.finalValue))],
    ...ROWS.map(([label, key, format]) => [
      label,
      ...outcome.members.map(
        (member, index) => `${formatValue(member.metrics[key], format)}${best.get(key)?.has(index) ? ' *' : ''}`,
      ),
    ]),
  ];
  const correlation = [
    ['Correlation', ...names],
    ...outcome.correlation.matrix.map((row, i) => [
      names[i],
      ...row.map((value) => (value === null ? '-' : value.toFixed(3))),
    ]),
  ];
  const notes = outcome.period.notes.map((note) => `  - ${note.message}`);
  return [
    `Period: ${outcome.period.statement}`,
    ...notes,
    '',
    table(rows),
    '* best of the row',
    '',
    `Daily returns over ${outcome.correlation.observations} days:`,
    table(correlation),
  ].join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  '),
    )
    .join('\n');
}
