/**
 * Report benchmark: the workbook of a 33-year daily backtest of 20 assets (1990–2022, monthly rebalancing,
 * ^GSPC benchmark), built from the same stored shapes the report job reads. Target: ≤ 1.5 s and ≤ 3 MB.
 * Run: npx ts-node --transpile-only -P tsconfig.json bench/report.bench.ts
 * Prints figures; asserts nothing (timings are never tests).
 */
import { cpus, loadavg } from 'node:os';
import { parseCommandOrThrow } from '../src/engine/command/command.parser';
import { simulatePortfolio } from '../src/engine/simulation/portfolio.simulator';
import { buildReportWorkbook, ReportContent } from '../src/modules/report/workbook/report-workbook';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';

const TICKERS = 'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'.split(' ');
const COMMAND = `${TICKERS.map((ticker) => `${ticker}-L-5%`).join(' ')} 1990-01-01 2022-12-31 rebalance=monthly benchmark=^GSPC`;

async function main(): Promise<void> {
  const matrix = loadSamplePrices();
  const parsed = parseCommandOrThrow(COMMAND);
  const result = simulatePortfolio(parsed.command, matrix);
  const column = matrix.tickerIndex.get('^GSPC') as number;
  const rowOf = new Map(matrix.dates.map((date, row) => [date, row]));
  const benchmark = Float64Array.from(
    result.dates,
    (date) => matrix.values[(rowOf.get(date) as number) * matrix.tickers.length + column],
  );
  const content: ReportContent = {
    simulationId: '00000000-0000-4000-8000-000000000000',
    command: COMMAND,
    canonical: parsed.canonical,
    startDate: parsed.command.start,
    endDate: parsed.command.end,
    options: parsed.command.options as unknown as Record<string, unknown>,
    // As stored: JSON round trip (NaN → null).
    metrics: JSON.parse(JSON.stringify({ portfolio: result.metrics, benchmark: result.benchmarkMetrics })),
    summary: {
      initialCapital: result.command.options.capital,
      finalValue: result.finalNav,
      totalFees: result.totalFees,
      netContributions: result.netContributions,
      moneyWeightedReturn: result.moneyWeightedReturn,
      sources: Object.fromEntries([...TICKERS, '^GSPC'].map((ticker) => [ticker, 'sample'])),
      warnings: result.warnings,
    },
    series: {
      dates: [...result.dates],
      tickers: [...result.tickers],
      nav: result.nav,
      dailyReturn: result.dailyReturn,
      cumulativeReturn: result.cumulativeReturn,
      drawdown: result.drawdown,
      weights: Float32Array.from(result.weights),
      benchmark,
    },
    benchmarkTicker: '^GSPC',
    generatedAt: new Date(),
  };

  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i += 1) {
    const started = process.hrtime.bigint();
    const file = await buildReportWorkbook(content);
    runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    bytes = file.length;
  }
  const warm = runs.slice(1).sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        days: result.dates.length,
        assets: result.tickers.length,
        firstRunMs: Math.round(runs[0]),
        medianMs: Math.round(warm[Math.floor(warm.length / 2)]),
        bestMs: Math.round(warm[0]),
        bytes,
        megabytes: +(bytes / 1024 / 1024).toFixed(2),
        cpu: cpus()[0]?.model,
        loadavg: loadavg().map((value) => +value.toFixed(2)),
      },
      null,
      2,
    ),
  );
}

void main();
