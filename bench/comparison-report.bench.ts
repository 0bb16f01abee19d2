/**
 * Comparison workbook benchmark: 10 members × 33 years daily (1990–2022, each two sample stocks, monthly
 * rebalancing), built as GET /comparisons/{id}/xlsx builds it. Target (the report's): ≤ 1.5 s and ≤ 3 MB. Also
 * the longest time the event loop was held (the build yields every few milliseconds: other requests go on).
 * Run: npx ts-node --transpile-only -P tsconfig.json bench/comparison-report.bench.ts
 * Prints figures; asserts nothing (timings are never tests).
 */
import { cpus, loadavg } from 'node:os';
import { parseCommandOrThrow } from '../src/engine/command/command.parser';
import { runComparison } from '../src/engine/comparison/run-comparison';
import { buildComparisonWorkbook } from '../src/modules/report/workbook/comparison-workbook';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';

const PAIRS = [
  'AAPL MSFT',
  'AMD BAC',
  'BBY CVX',
  'GE HD',
  'JNJ JPM',
  'KO LLY',
  'MRK PEP',
  'PFE PG',
  'UNH WMT',
  'XOM RRC',
];

async function main(): Promise<void> {
  const matrix = loadSamplePrices();
  const members = PAIRS.map((pair, index) => {
    const [a, b] = pair.split(' ');
    const command = `${a}-L-50% ${b}-L-50% 1990-01-01 2022-12-31 rebalance=monthly`;
    const parsed = parseCommandOrThrow(command);
    return {
      name: `Pair ${index + 1} ${a}/${b}`,
      named: true,
      command,
      canonical: parsed.canonical,
      parsed: parsed.command,
    };
  });
  // As stored: the JSON round trip the comparison row makes.
  const outcome = JSON.parse(
    JSON.stringify(
      runComparison(
        members,
        members.map(() => matrix),
        'common',
      ),
    ),
  );
  const days = outcome.members[0].series.dates.length;

  const runs: number[] = [];
  const blocks: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i += 1) {
    // The longest gap between two ticks of a 1 ms timer: how long the build held the event loop at once.
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    const content = await buildComparisonWorkbook(outcome, new Date());
    runs.push(performance.now() - started);
    clearInterval(timer);
    blocks.push(longest);
    bytes = content.length;
  }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        members: members.length,
        days,
        bytes,
        megabytes: Number((bytes / 1e6).toFixed(2)),
        medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]),
        minMs: Math.round(sorted[0]),
        runsMs: runs.map(Math.round),
        longestEventLoopBlockMs: blocks.map((ms) => Math.round(ms)),
        cpus: cpus().length,
        load: loadavg().map((x) => Number(x.toFixed(2))),
      },
      null,
      2,
    ),
  );
}

void main();
