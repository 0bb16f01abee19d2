/**
 * Report benchmark: the workbook of a 33-year daily backtest of 20 assets (1990–2022, monthly rebalancing,
 * ^GSPC benchmark), built from the same stored shapes the report job reads. Target: ≤ 1.5 s and ≤ 3 MB.
 * Run: npx ts-node --transpile-only -P tsconfig.json bench/report.bench.ts
 * Prints figures; asserts nothing (timings are never tests).
 */
import { cpus, loadavg } from 'node:os';
import { formatOptions } from '../src/engine/command/command.canonical';
import { parseCommandOrThrow } from '../src/engine/command/command.parser';
import { simulatePortfolio } from '../src/engine/simulation/portfolio.simulator';
import { toStoredResult } from '../src/modules/simulation/stored-result';
import { buildReportWorkbook, ReportContent } from '../src/modules/report/workbook/report-workbook';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';

const TICKERS = 'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'.split(' ');
const COMMAND = `${TICKERS.map((ticker) => `${ticker}-L-5%`).join(' ')} 1990-01-01 2022-12-31 rebalance=monthly benchmark=^GSPC`;

async function main(): Promise<void> {
  const matrix = loadSamplePrices();
  const parsed = parseCommandOrThrow(COMMAND);
  const result = simulatePortfolio(parsed.command, matrix);
  const width = matrix.tickers.length;
  const series = [...TICKERS, '^GSPC'].map((ticker) => {
    const column = matrix.tickerIndex.get(ticker) as number;
    return {
      ticker,
      dates: matrix.dates,
      prices: Float64Array.from(matrix.dates, (_, row) => matrix.values[row * width + column]),
    };
  });
  // The shapes the report job reads: what the simulation processor stores.
  const stored = toStoredResult(
    result,
    Object.fromEntries(series.map((one) => [one.ticker, 'sample'])),
    series.map((one) => ({
      ticker: one.ticker,
      source: 'sample',
      kind: one.ticker.startsWith('^') ? ('price-only' as const) : ('total-return' as const),
    })),
  );
  const content: ReportContent = {
    simulationId: '00000000-0000-4000-8000-000000000000',
    command: COMMAND,
    canonical: parsed.canonical,
    startDate: parsed.command.start,
    endDate: parsed.command.end,
    options: formatOptions(parsed.command.options),
    // As stored: JSON round trip (NaN → null).
    metrics: JSON.parse(JSON.stringify(stored.metrics)),
    summary: stored.summary,
    series: stored.series,
    trades: stored.trades,
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
