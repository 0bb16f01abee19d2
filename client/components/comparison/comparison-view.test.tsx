import { describe, expect, it, jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { alignMembers } from './comparison-data';
import type { ComparisonDetail, ComparisonResult } from './comparison-data';
import { ComparisonContent } from './comparison-view';

// uPlot needs a canvas: the charts are checked in Chromium; here their text alternatives are.
jest.mock('../charts/uplot-chart', () => ({
  UplotChart: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
  loadUplot: () => Promise.resolve(),
}));

const metrics = (overrides: Record<string, number>) => ({
  totalReturn: 0,
  cagr: 0,
  volatility: 0,
  sharpe: 0,
  ...overrides,
});

// Two members: A on 3 days, B from the second day (own periods), so the union has 3 days and B starts with a gap.
const result = {
  period: {
    mode: 'own',
    start: '2020-01-03',
    end: '2020-01-06',
    startSetBy: [1],
    endSetBy: [0, 1],
    statement: 'each portfolio is simulated on its own period (the common period would be 2020-01-03 to 2020-01-06)',
    notes: [],
  },
  members: [
    {
      name: 'Tech',
      series: {
        dates: ['2020-01-02', '2020-01-03', '2020-01-06'],
        value: [100, 110, 99],
        drawdown: [0, 0, -0.1],
        dailyReturn: [0, 0.1, -0.1],
      },
      metrics: metrics({ totalReturn: -0.01, sharpe: 0.5, volatility: 0.3 }),
    },
    {
      name: 'Cola',
      series: { dates: ['2020-01-03', '2020-01-06'], value: [100, 102], drawdown: [0, 0], dailyReturn: [0, 0.02] },
      metrics: metrics({ totalReturn: 0.02, sharpe: 1.5, volatility: 0.1 }),
    },
  ],
  correlation: {
    commonDates: 2,
    observations: 1,
    matrix: [
      [null, null],
      [null, null],
    ],
  },
  best: [
    { metric: 'totalReturn', direction: 'higher', members: [1], value: 0.02 },
    { metric: 'volatility', direction: 'lower', members: [1], value: 0.1 },
    { metric: 'sharpe', direction: 'higher', members: [1], value: 1.5 },
  ],
} as unknown as ComparisonResult;

const detail = {
  comparisonId: '00000000-0000-4000-8000-000000000001',
  status: 'completed',
  members: [
    { name: 'Tech', command: 'AAPL-L-100% 2020-01-01 2020-01-06', canonical: '' },
    { name: 'Cola', command: 'KO-L-100% 2020-01-03 2020-01-06', canonical: '' },
  ],
  failureMember: null,
  failureReason: null,
  progress: { phase: 'done', percent: 100 },
  result,
} as unknown as ComparisonDetail;

describe('the comparison page', () => {
  it('aligns the members on the union of their days, null where a member has none', () => {
    expect(alignMembers(result, 'value')).toEqual({
      days: ['2020-01-02', '2020-01-03', '2020-01-06'],
      columns: [
        [100, 110, 99],
        [null, 100, 102],
      ],
    });
  });

  it('states the period, marks the best member of each row, and shows the correlations', () => {
    render(<ComparisonContent detail={detail} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tech vs Cola');
    expect(screen.getByText(/each portfolio is simulated on its own period/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Metrics side by side' });
    const row = (label: string) =>
      within(within(table).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement).getAllByRole('cell');
    const sharpe = row('Sharpe ratio');
    expect(sharpe.map((cell) => cell.getAttribute('data-best'))).toEqual([null, 'true']);
    expect(sharpe[1].textContent).toContain('best');
    const volatility = row('Volatility');
    expect(volatility.map((cell) => cell.getAttribute('data-best'))).toEqual([null, 'true']);
    expect(screen.getByRole('img', { name: 'Value of Tech, Cola over 3 days' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Drawdowns of Tech, Cola' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Log scale/ })).toBeTruthy();
    // Tech 2020: 1.1 × 0.9 − 1 = −1%; Cola: +2%. One group (2020), one bar each.
    const annual = screen.getByRole('img', {
      name:
        'Annual returns 2020–2020, one bar per portfolio each year: Tech best −1.00% in 2020, worst −1.00% in 2020; ' +
        'Cola best +2.00% in 2020, worst +2.00% in 2020',
    });
    expect(annual.querySelectorAll('rect')).toHaveLength(2);
    const correlations = screen.getByRole('table', { name: 'Correlation of daily returns' });
    expect(
      within(correlations)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['–', '–', '–', '–']);
  });

  it('says which member a failed comparison is about', () => {
    render(
      <ComparisonContent
        detail={{ ...detail, status: 'failed', result: null, failureMember: 1, failureReason: 'no period is common' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('The comparison failed (Cola): no period is common');
  });
});
