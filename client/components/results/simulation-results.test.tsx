import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api, type SimulationDetail } from '../../lib/api/client';
import { formatPercent, formatRatio } from '../../lib/format/numbers';
import type { LiveProgress } from '../../lib/realtime/live-progress';
import withBenchmarkJson from './fixtures/completed-with-benchmark.json';
import { SimulationResults } from './simulation-results';
import { apiAnswer } from '../../test-support/api-answer';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn(), DELETE: jest.fn() } };
});

const mockRouter = { push: jest.fn(), replace: jest.fn() };
jest.mock('next/navigation', () => ({ useRouter: () => mockRouter, usePathname: () => '/simulations/x' }));

/** What the socket says about the simulation, set per test. */
let mockLive: LiveProgress | null = null;
jest.mock('../../lib/realtime/live-progress', () => {
  const actual = jest.requireActual<typeof import('../../lib/realtime/live-progress')>(
    '../../lib/realtime/live-progress',
  );
  return { ...actual, useLiveProgress: (_kind: string, id: string | null) => (id ? mockLive : null) };
});

// uPlot needs a canvas: the charts are checked in Chromium; here their text alternatives are.
jest.mock('../charts/uplot-chart', () => ({
  UplotChart: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
  loadUplot: () => Promise.resolve(),
}));

type Call = (path: string, init?: { params?: { path?: { id: string } } }) => Promise<unknown>;
const GET = api.GET as unknown as jest.MockedFunction<Call>;
const POST = api.POST as unknown as jest.MockedFunction<Call>;

const answer = apiAnswer;

// A real answer of GET /history/{id}.
const completed = withBenchmarkJson as unknown as SimulationDetail;
const ID = completed.id;

function renderResults(id = ID) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const tree = () => (
    <QueryClientProvider client={client}>
      <SimulationResults id={id} />
    </QueryClientProvider>
  );
  const rendered = render(tree());
  return { ...rendered, rerenderSame: () => rendered.rerender(tree()) };
}

beforeEach(() => {
  GET.mockReset();
  POST.mockReset();
  mockRouter.push.mockReset();
  mockLive = null;
});

describe('SimulationResults', () => {
  it('says "Simulation not found" for an unknown or someone else’s id, with a way back', async () => {
    GET.mockImplementation(() =>
      answer(404, {
        status: 404,
        error: 'SIMULATION_NOT_FOUND',
        message: 'simulation 00000000-0000-4000-8000-000000000000 not found',
        details: [],
        requestId: 'r',
      }),
    );
    renderResults('00000000-0000-4000-8000-000000000000');

    expect(await screen.findByRole('heading', { level: 1, name: 'Simulation not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your history' })).toHaveAttribute('href', '/history');
    expect(screen.queryByTestId('metric-cagr')).toBeNull();
    expect(GET).toHaveBeenCalledWith(
      '/history/{id}',
      expect.objectContaining({
        params: { path: { id: '00000000-0000-4000-8000-000000000000' }, query: { trades: 200 } },
      }),
    );
  });

  it('puts other errors in words, with a retry', async () => {
    GET.mockImplementationOnce(() =>
      answer(503, { status: 503, error: 'UNAVAILABLE', message: 'The database is not reachable.', details: [] }),
    );
    renderResults();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The simulation could not be loaded: The database is not reachable.',
    );
    GET.mockImplementation(() => answer(200, completed));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('metric-cagr')).toHaveTextContent('24.02%');
  });

  it('shows a completed simulation: command, metrics exactly as formatted, charts with text alternatives', async () => {
    GET.mockImplementation(() => answer(200, completed));
    renderResults();

    const portfolio = completed.metrics!.portfolio;
    expect(await screen.findByTestId('metric-cagr')).toHaveTextContent(formatPercent(portfolio.cagr));
    expect(screen.getByTestId('metric-cagr').textContent).toBe('24.02%');
    expect(screen.getByTestId('metric-sharpe').textContent).toBe(formatRatio(portfolio.sharpe));
    expect(screen.getByTestId('metric-maxDrawdown').textContent).toBe(formatPercent(portfolio.maxDrawdown));
    expect(screen.getByTestId('metric-finalValue').textContent).toBe('109,292');
    expect(screen.getByTestId('metric-sortino').textContent).toBe('2.33');
    expect(screen.getByTestId('metric-calmar').textContent).toBe('2.64');

    const title = screen.getByRole('heading', { level: 1 });
    expect(title).toHaveTextContent('AAPL-L-50% JNJ-L-30% KO-S-20% 2021-11-01 2022-03-31 fee=0.1% benchmark=^GSPC');
    const positions = screen.getByRole('list', { name: 'Positions and weights' });
    expect(
      within(positions)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['AAPL long 50%', 'JNJ long 30%', 'KO short 20%']);
    expect(screen.getByRole('table', { name: 'All metrics' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download XLSX' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Re-run' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit in workspace' })).toHaveAttribute(
      'href',
      `/?command=${encodeURIComponent(completed.command)}`,
    );

    expect(screen.getByRole('img', { name: /^Portfolio value from 99,900 to 109,292/ })).toHaveAccessibleName(
      'Portfolio value from 99,900 to 109,292 between 2021-11-01 and 2022-03-31; ^GSPC with the same cash flows to 98,195',
    );
    expect(screen.getByRole('img', { name: /^Drawdown/ })).toHaveAccessibleName(
      'Drawdown from the running peak, deepest −9.09% on 2022-03-14',
    );
    expect(screen.getByRole('img', { name: /^Weights over time/ })).toHaveAccessibleName(
      'Weights over time, stacked; on 2022-03-31: AAPL 53.77%, JNJ 30.23%, CASH 36.51%, KO −20.51%',
    );
    expect(screen.getByRole('img', { name: /^Annual returns/ })).toHaveAccessibleName(
      'Annual returns 2021–2022: portfolio best +10.03% in 2021, worst −0.67% in 2022; ^GSPC best +3.31% in 2021, worst −4.95% in 2022',
    );

    // The heatmap is a table: the months of the run and each year's total, as text.
    const months = screen.getByRole('table', { name: 'Monthly returns' });
    const year2022 = within(months).getByRole('rowheader', { name: '2022' }).closest('tr')!;
    const cells = within(year2022)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(['−1.2%', '−4.5%', '+5.3%', '']);
    expect(cells[12]).toBe('−0.7%');
    const year2021 = within(months).getByRole('rowheader', { name: '2021' }).closest('tr')!;
    expect(
      within(year2021)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
        .slice(9),
    ).toEqual(['', '+5.5%', '+4.3%', '+10.0%']);
  });

  it('shows why a simulation failed and re-runs it as a new entry', async () => {
    const failed: SimulationDetail = {
      ...completed,
      status: 'failed',
      failureReason: 'ZZZZ has no prices; the nearest known ticker is ZION',
      metrics: null,
      series: null,
      summary: null,
      trades: null,
    };
    GET.mockImplementation(() => answer(200, failed));
    POST.mockImplementation(() =>
      answer(202, { simulationId: 'new-id', taskId: 'new-id', status: 'queued', canonical: failed.canonical }),
    );
    renderResults();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The simulation failed');
    expect(alert).toHaveTextContent('ZZZZ has no prices; the nearest known ticker is ZION');
    expect(screen.queryByRole('button', { name: 'Download XLSX' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Re-run' }));
    await waitFor(() => expect(mockRouter.push).toHaveBeenCalledWith('/simulations/new-id'));
    expect(POST).toHaveBeenCalledWith('/history/{id}/rerun', { params: { path: { id: ID } } });
  });

  it('follows a running simulation live and shows its results when it completes', async () => {
    const running: SimulationDetail = {
      ...completed,
      status: 'running',
      progress: { percent: 10, phase: 'fetching prices 1/2' },
      metrics: null,
      series: null,
      summary: null,
      trades: null,
    };
    GET.mockImplementation(() => answer(200, running));
    mockLive = { status: 'running', phase: 'simulating', percent: 60, failureReason: null };
    const { rerenderSame } = renderResults();

    const bar = await screen.findByRole('progressbar', { name: 'Simulation progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '60');
    expect(screen.getByText('Simulating')).toBeInTheDocument();
    expect(screen.queryByTestId('metric-cagr')).toBeNull();

    GET.mockImplementation(() => answer(200, completed));
    mockLive = { status: 'completed', phase: 'done', percent: 100, failureReason: null };
    // The socket's "completed" (seen on the next render) makes the page read the detail again.
    await act(async () => rerenderSame());
    expect(await screen.findByTestId('metric-cagr')).toHaveTextContent('24.02%');
  });
});

describe('SimulationResults at the edges', () => {
  const summary = completed.summary!;
  const asked = { startDate: '1980-01-01', endDate: '2025-06-30' };

  it('shows the simulated period, the asked one beside it, and why they differ, in the header', async () => {
    const truncated: SimulationDetail = {
      ...completed,
      ...asked,
      summary: {
        ...summary,
        simulatedStart: '2021-11-01',
        simulatedEnd: '2022-03-31',
        warnings: [
          {
            code: 'PERIOD_STARTS_LATER',
            ticker: 'AAPL',
            date: '2021-11-01',
            askedStart: '1980-01-01',
            askedEnd: '2025-06-30',
            simulatedStart: '2021-11-01',
            simulatedEnd: '2022-03-31',
            message:
              'the prices of AAPL start on 2021-11-01, after the asked start 1980-01-01: the simulation starts on 2021-11-01',
          },
          {
            code: 'PERIOD_ENDS_EARLIER',
            ticker: 'AAPL',
            date: '2022-03-31',
            askedStart: '1980-01-01',
            askedEnd: '2025-06-30',
            simulatedStart: '2021-11-01',
            simulatedEnd: '2022-03-31',
            message:
              'the prices of AAPL (the longest) stop on 2022-03-31, before the asked end 2025-06-30: the simulation ends on 2022-03-31',
          },
        ],
      },
    };
    GET.mockImplementation(() => answer(200, truncated));
    renderResults();

    const header = (await screen.findByRole('heading', { level: 1 })).closest('header')!;
    expect(within(header).getByTestId('simulated-period')).toHaveTextContent(
      'Nov 1, 2021 – Mar 31, 2022 (asked Jan 1, 1980 – Jun 30, 2025)',
    );
    const notes = within(within(header).getByRole('list', { name: 'Warnings' })).getAllByRole('note');
    expect(notes.map((note) => note.textContent)).toEqual([
      'Shorter period: The prices of AAPL start on 2021-11-01, after the asked start 1980-01-01: the simulation starts on 2021-11-01.',
      'Shorter period: The prices of AAPL (the longest) stop on 2022-03-31, before the asked end 2025-06-30: the simulation ends on 2022-03-31.',
    ]);
  });

  it('shows only the simulated period when it is the one asked for, and no warnings', async () => {
    GET.mockImplementation(() => answer(200, completed));
    renderResults();
    expect(await screen.findByTestId('simulated-period')).toHaveTextContent('Nov 1, 2021 – Mar 31, 2022');
    expect(screen.queryByTestId('asked-period')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
    expect(screen.queryByTestId('depleted-headline')).toBeNull();
  });

  it('says "Depleted on DATE" first for a depleted portfolio, with its −100% in red, not a green CAGR', async () => {
    const depleted: SimulationDetail = {
      ...completed,
      cagr: -1,
      totalReturn: -1,
      metrics: { ...completed.metrics!, portfolio: { ...completed.metrics!.portfolio, cagr: -1, totalReturn: -1 } },
      summary: {
        ...summary,
        finalValue: 0,
        depletedOn: '2022-01-20',
        warnings: [
          {
            code: 'DEPLETED',
            ticker: null,
            date: '2022-01-20',
            askedStart: '2021-11-01',
            askedEnd: '2022-03-31',
            simulatedStart: '2021-11-01',
            simulatedEnd: '2022-03-31',
            message:
              'the portfolio was depleted on 2022-01-20: its value reached −1,250, so every position was closed there and nothing was invested or withdrawn after; its value is 0 from then on',
          },
        ],
      },
    };
    GET.mockImplementation(() => answer(200, depleted));
    renderResults();

    const headline = await screen.findByTestId('depleted-headline');
    expect(headline).toHaveTextContent(/^Depleted on Jan 20, 2022/);
    expect(headline).toHaveAttribute('role', 'alert');
    // Before the cards.
    expect(headline.compareDocumentPosition(screen.getByTestId('metric-cagr')) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(screen.getByTestId('metric-cagr').textContent).toBe(formatPercent(-1));
    expect(screen.getByTestId('metric-cagr').className).toMatch(/loss/);
    expect(screen.getByTestId('metric-cagr').className).not.toMatch(/gain/);
    expect(screen.getByTestId('metric-totalReturn').textContent).toBe(formatPercent(-1));
    expect(screen.getByTestId('metric-finalValue').textContent).toBe('0');
    expect(screen.getByRole('note')).toHaveTextContent(/^Depleted: The portfolio was depleted on 2022-01-20/);
  });

  it('lists each trade with its reason', async () => {
    GET.mockImplementation(() => answer(200, completed));
    renderResults();
    await userEvent.click(await screen.findByText('Trades'));
    const table = screen.getByRole('table', { name: 'All 3 trades' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toContain('Reason');
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getAllByRole('cell').pop()?.textContent).toBe('initial');
  });

  it('names the benchmark’s kind and gives its outcome with the same cash flows', async () => {
    GET.mockImplementation(() => answer(200, completed));
    renderResults();
    expect(await screen.findByRole('columnheader', { name: '^GSPC (price only)' })).toBeInTheDocument();
    expect(screen.getByTestId('benchmark-outcome')).toHaveTextContent('98,195');
    expect(
      screen.getByText(
        /^sample: AAPL \(total return\), JNJ \(total return\), KO \(total return\), \^GSPC \(price only\)$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/\^GSPC \(price only\) receives the same capital and contributions/)).toBeInTheDocument();
  });
});
