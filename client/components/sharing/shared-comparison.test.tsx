import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { api } from '../../lib/api/client';
import { apiAnswer } from '../../test-support/api-answer';
import { ComparisonActions } from '../comparison/comparison-actions';
import type { ComparisonDetail } from '../comparison/comparison-data';
import { SharedResults } from './shared-results';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn(), DELETE: jest.fn() } };
});
jest.mock('../charts/uplot-chart', () => ({
  UplotChart: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
  loadUplot: () => Promise.resolve(),
}));

type Call = (path: string, init?: { params?: { path?: Record<string, string> } }) => Promise<unknown>;
const GET = api.GET as unknown as jest.MockedFunction<Call>;
const POST = api.POST as unknown as jest.MockedFunction<Call>;
const DELETE = api.DELETE as unknown as jest.MockedFunction<Call>;

const TOKEN = 'hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4';
const COMMANDS = ['AAPL-L-100% 2020-01-01 2020-01-06', 'KO-L-100% 2020-01-01 2020-01-06'];
const member = (name: string, command: string, values: number[], sharpe: number) => ({
  name,
  command,
  canonical: command,
  asked: { start: '2020-01-01', end: '2020-01-06' },
  covered: { start: '2020-01-02', end: '2020-01-06' },
  simulated: { start: '2020-01-02', end: '2020-01-06' },
  finalValue: values[values.length - 1],
  metrics: { totalReturn: values[2] / values[0] - 1, cagr: 0, volatility: 0.2, sharpe },
  warnings: [],
  series: {
    dates: ['2020-01-02', '2020-01-03', '2020-01-06'],
    value: values,
    drawdown: [0, 0, 0],
    dailyReturn: [0, values[1] / values[0] - 1, values[2] / values[1] - 1],
  },
});
const result = {
  period: {
    mode: 'common',
    start: '2020-01-02',
    end: '2020-01-06',
    startSetBy: [0, 1],
    endSetBy: [0, 1],
    statement: 'every portfolio is simulated from 2020-01-02 to 2020-01-06',
    notes: [],
  },
  members: [member('Tech', COMMANDS[0], [100, 101, 103], 0.4), member('Cola', COMMANDS[1], [100, 102, 104], 1.2)],
  correlation: {
    commonDates: 3,
    observations: 2,
    matrix: [
      [1, 0.5],
      [0.5, 1],
    ],
  },
  best: [{ metric: 'sharpe', direction: 'higher', members: [1], value: 1.2 }],
};

function renderWithQueries(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

beforeEach(() => {
  GET.mockReset();
  POST.mockReset();
  DELETE.mockReset();
});

describe('a shared comparison (the visitor’s side)', () => {
  it('shows the comparison read-only under the snapshot notice, and opens every member’s command in the workspace', async () => {
    GET.mockImplementation(() =>
      apiAnswer(200, { kind: 'comparison', sharedAt: '2026-12-03T18:00:00.000Z', comparison: result }),
    );
    renderWithQueries(<SharedResults token={TOKEN} />);
    expect(await screen.findByRole('region', { name: 'Shared snapshot' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tech vs Cola');
    expect(screen.getByText('every portfolio is simulated from 2020-01-02 to 2020-01-06')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Metrics side by side' });
    const sharpe = within(within(table).getByRole('rowheader', { name: 'Sharpe ratio' }).closest('tr') as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.getAttribute('data-best'));
    expect(sharpe).toEqual([null, 'true']);
    expect(screen.getByRole('table', { name: 'Correlation of daily returns' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Value of Tech, Cola over 3 days' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open in my workspace' }).getAttribute('href')).toBe(
      `/?command=${encodeURIComponent(`${COMMANDS[0]}\n${COMMANDS[1]}`)}`,
    );
    expect(screen.getByRole('button', { name: 'Download XLSX' })).toBeTruthy();
    for (const name of ['Re-run', 'Delete', 'Copy link', 'Shared links']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });
});

describe('the comparison page’s share panel (the owner’s side)', () => {
  const detail = {
    comparisonId: '00000000-0000-4000-8000-0000000000c1',
    status: 'completed',
    members: COMMANDS.map((command, index) => ({ name: ['Tech', 'Cola'][index], command, canonical: command })),
    result,
  } as unknown as ComparisonDetail;

  it('creates a link to the comparison, lists it and revokes it by id', async () => {
    const link = { id: '6f1c0c9e-0000-4000-8000-000000000002', tokenHint: 'Y0s4', createdAt: '2026-12-03T18:00:00Z' };
    let listed = [link];
    POST.mockImplementation(() => apiAnswer(201, { ...link, token: TOKEN, url: `/app/shared/${TOKEN}` }));
    GET.mockImplementation(() => apiAnswer(200, { items: listed }));
    DELETE.mockImplementation(() => {
      listed = [];
      return apiAnswer(204);
    });
    renderWithQueries(<ComparisonActions detail={detail} />);
    expect(screen.getByRole('button', { name: 'Download XLSX' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('textbox', { name: 'Share link' })).toHaveValue(
      `${window.location.origin}/app/shared/${TOKEN}`,
    );
    const path = { id: detail.comparisonId };
    expect(POST).toHaveBeenCalledWith('/comparisons/{id}/share', { params: { path } });
    await userEvent.click(screen.getByRole('button', { name: 'Shared links' }));
    const links = await screen.findByRole('region', { name: 'Shared links' });
    await userEvent.click(await within(links).findByRole('button', { name: 'Revoke the link ending in Y0s4' }));
    expect(DELETE).toHaveBeenCalledWith('/comparisons/{id}/share/{token}', {
      params: { path: { ...path, token: link.id } },
    });
    expect(await within(links).findByText('No active link: nobody else can see this comparison.')).toBeTruthy();
  });

  it('offers nothing before the comparison has completed', () => {
    renderWithQueries(<ComparisonActions detail={{ ...detail, status: 'running', result: null }} />);
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download XLSX' })).toBeNull();
  });
});
