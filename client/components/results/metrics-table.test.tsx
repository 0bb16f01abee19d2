import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import type { SimulationDetail } from '../../lib/api/client';
import withBenchmarkJson from './fixtures/completed-with-benchmark.json';
import withoutBenchmarkJson from './fixtures/completed-without-benchmark.json';
import { METRIC_GROUPS, RELATIVE_FIELDS } from './metrics-format';
import { MetricsTable } from './metrics-table';

// Real answers of GET /history/{id}: AAPL-L-50% JNJ-L-30% KO-S-20% 2021-11-01 2022-03-31 fee=0.1% benchmark=^GSPC,
// and AAPL-L-50% MSFT-L-50% 2022-01-03 2022-02-28.
const withBenchmark = withBenchmarkJson as unknown as SimulationDetail;
const withoutBenchmark = withoutBenchmarkJson as unknown as SimulationDetail;

/** The column headers of the table's head row. */
function columnHeaders(table: HTMLElement): (string | null)[] {
  return within(table.querySelector('thead')!)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent);
}

/** The cells of the row whose header is `label`: [portfolio, benchmark?] as text. */
function rowValues(label: string | RegExp): string[] {
  const table = screen.getByRole('table', { name: 'All metrics' });
  const header = within(table).getByRole('rowheader', { name: label });
  const row = header.closest('tr') as HTMLTableRowElement;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('MetricsTable', () => {
  it('shows every metric, formatted, with the benchmark’s own beside the portfolio’s', () => {
    const { portfolio, benchmark } = withBenchmark.metrics!;
    render(<MetricsTable portfolio={portfolio} benchmark={benchmark} />);

    const table = screen.getByRole('table', { name: 'All metrics' });
    expect(columnHeaders(table)).toEqual(['Metric', 'Portfolio', '^GSPC']);
    expect(rowValues(/^CAGR/)).toEqual(['24.02%', '−4.32%']);
    expect(rowValues('Sharpe ratio')).toEqual(['1.46', '−0.13']);
    expect(rowValues(/^Total return/)).toEqual(['+9.29%', '−1.80%']);
    expect(rowValues(/^Max drawdown \(/)).toEqual(['−9.09%', '−13.05%']);
    expect(rowValues(/^Volatility/)).toEqual(['15.57%', '19.19%']);
    expect(rowValues(/^Trading days/)).toEqual(['104', '104']);
    expect(rowValues(/^Years/)).toEqual(['0.4', '0.4']);
    expect(rowValues(/^Max drawdown length/)).toEqual(['87 days', '87 days']);
    expect(rowValues(/^Skew/)).toEqual(['0.296', '−0.005']);
    // Days are calendar days, with the machine-readable date kept.
    const trough = within(table).getByRole('rowheader', { name: 'Max drawdown trough' }).closest('tr')!;
    expect(Array.from(trough.querySelectorAll('time')).map((time) => time.dateTime)).toEqual([
      '2022-03-14',
      '2022-03-08',
    ]);
    expect(rowValues('Max drawdown recovery')).toEqual(['not recovered', 'not recovered']);

    // How the two moved together, from metrics.portfolio.benchmark.
    expect(within(table).getByRole('columnheader', { name: 'Relative to ^GSPC' })).toBeInTheDocument();
    expect(rowValues('Beta')[0]).toBe('0.62');
    expect(rowValues(/^Alpha/)[0]).toBe('+24.33%');
    expect(rowValues('R²')[0]).toBe('0.57');
    expect(rowValues(/^Tracking error/)[0]).toBe('12.56%');
    expect(rowValues(/^Information ratio/)[0]).toBe('0.127');
    expect(rowValues('Down capture')[0]).toBe('0.54');
  });

  it('has one value column and no relative section without a benchmark', () => {
    const { portfolio, benchmark } = withoutBenchmark.metrics!;
    expect(benchmark).toBeNull();
    render(<MetricsTable portfolio={portfolio} benchmark={null} />);

    const table = screen.getByRole('table', { name: 'All metrics' });
    expect(columnHeaders(table)).toEqual(['Metric', 'Portfolio']);
    expect(rowValues(/^CAGR/)).toEqual(['−49.77%']);
    expect(within(table).queryByText(/Relative to/)).toBeNull();
    expect(within(table).queryByRole('rowheader', { name: 'Beta' })).toBeNull();
  });

  it('groups rows under Period, Returns, Risk, Drawdowns and Distribution, covering every field of the API', () => {
    const { portfolio } = withBenchmark.metrics!;
    render(<MetricsTable portfolio={portfolio} benchmark={null} />);
    const groups = screen.getAllByRole('columnheader').filter((cell) => cell.getAttribute('scope') === 'colgroup');
    expect(groups.map((cell) => cell.textContent)).toEqual([
      'Period',
      'Returns',
      'Risk',
      'Drawdowns',
      'Distribution',
      'Relative to ^GSPC',
    ]);

    const shown = METRIC_GROUPS.flatMap((group) => group.fields.map((field) => field.key)).sort();
    const fromApi = Object.keys(portfolio)
      .filter((key) => key !== 'benchmark')
      .sort();
    expect(shown).toEqual(fromApi);
    const relativeShown = RELATIVE_FIELDS.map((field) => field.key).sort();
    const relativeFromApi = Object.keys(portfolio.benchmark!)
      .filter((key) => key !== 'ticker')
      .sort();
    expect(relativeShown).toEqual(relativeFromApi);
  });
});
