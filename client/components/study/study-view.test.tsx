import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toBase64 } from '@engine/study/study.codec';
import { api } from '../../lib/api/client';
import { studyApi, type StudyDetail, type StudyPortfolio } from '../../lib/api/studies';
import type { LiveProgress } from '../../lib/realtime/live-progress';
import { apiAnswer } from '../../test-support/api-answer';
import { StudyView } from './study-view';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn() } };
});
jest.mock('../../lib/api/studies', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/studies')>('../../lib/api/studies');
  return { ...actual, studyApi: { GET: jest.fn(), POST: jest.fn(), DELETE: jest.fn() } };
});

let mockLive: LiveProgress | null = null;
jest.mock('../../lib/realtime/live-progress', () => {
  const actual = jest.requireActual<typeof import('../../lib/realtime/live-progress')>(
    '../../lib/realtime/live-progress',
  );
  return { ...actual, useLiveProgress: () => mockLive };
});

const mockRouter = { push: jest.fn(), replace: jest.fn() };
jest.mock('next/navigation', () => ({ useRouter: () => mockRouter }));

type Call = (path: string, init?: object) => Promise<unknown>;
const GET = studyApi.GET as unknown as jest.MockedFunction<Call>;
const POST = api.POST as unknown as jest.MockedFunction<Call>;

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TICKERS = ['KO', 'PEP', 'XOM'];

const portfolio = (weights: number[], cagr: number, volatility: number, sharpe: number, command: string) =>
  ({
    index: 1,
    weights,
    summary: {
      cagr,
      volatility,
      sharpe,
      sortino: null,
      maxDrawdown: -0.2,
      calmar: null,
      finalNav: null,
      totalReturn: null,
    },
    command,
  }) satisfies StudyPortfolio;

const MAX_SHARPE = portfolio([0.6, 0.4, 0], 0.0912, 0.1234, 0.74, 'KO-L-60% PEP-L-40% 2015-01-02 2019-12-31');
const EQUAL = portfolio(
  [0.3334, 0.3333, 0.3333],
  0.05,
  0.14,
  0.36,
  'KO-L-33.34% PEP-L-33.33% XOM-L-33.33% 2015-01-02 2019-12-31',
);
const RISK_PARITY = portfolio(
  [0.4, 0.35, 0.25],
  0.06,
  0.13,
  0.46,
  'KO-L-40% PEP-L-35% XOM-L-25% 2015-01-02 2019-12-31',
);

function study(status: StudyDetail['status']): StudyDetail {
  return {
    id: ID,
    status,
    request: {
      tickers: TICKERS,
      start: '2015-01-02',
      end: '2019-12-31',
      method: 'random',
      candidates: 20_000,
      seed: 7,
      topN: null,
    },
    candidateCount: 20_000,
    chunkCount: 5,
    progress: { phase: 'evaluating', percent: 40, chunksDone: 2, chunksTotal: 5, candidatesEvaluated: 8192 },
    failureReason: null,
    createdAt: '2026-12-03T20:00:00.000Z',
    startedAt: '2026-12-03T20:00:01.000Z',
    finishedAt: null,
    result:
      status === 'completed'
        ? {
            firstDate: '2015-01-02',
            lastDate: '2019-12-31',
            days: 1258,
            valid: 20_000,
            tickers: TICKERS,
            best: { maxSharpe: MAX_SHARPE, minVolatility: RISK_PARITY, maxCagr: MAX_SHARPE, minDrawdown: null },
            top: { maxSharpe: [MAX_SHARPE], minVolatility: [RISK_PARITY], maxCagr: [MAX_SHARPE], minDrawdown: [] },
            frontier: [RISK_PARITY, MAX_SHARPE],
            drawdownFrontier: [],
            statistics: {} as never,
            density: {} as never,
            references: { equalWeight: EQUAL, inverseVolatility: null, riskParity: RISK_PARITY },
          }
        : null,
  };
}

const bytes = (values: Float32Array | Int32Array) => toBase64(new Uint8Array(values.buffer));
const SCATTER = {
  count: 3,
  stride: 1,
  index: bytes(Int32Array.of(0, 1, 2)),
  volatility: bytes(Float32Array.of(0.12, 0.1234, 0.14)),
  cagr: bytes(Float32Array.of(0.04, 0.0912, 0.05)),
  sharpe: bytes(Float32Array.of(0.3, 0.74, 0.36)),
  maxDrawdown: bytes(Float32Array.of(-0.3, -0.2, -0.25)),
};

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <StudyView id={ID} />
    </QueryClientProvider>,
  );
}

describe('StudyView', () => {
  beforeAll(() => {
    // jsdom draws nothing; the chart's text alternative and the table are what is checked here.
    HTMLCanvasElement.prototype.getContext = (() => null) as never;
  });
  beforeEach(() => {
    GET.mockReset();
    POST.mockReset();
    mockRouter.push.mockReset();
    mockLive = null;
  });

  it('shows chunks and candidates while the study runs, the socket ahead of the stored row', async () => {
    GET.mockReturnValue(apiAnswer(200, study('running')));
    mockLive = {
      status: 'running',
      phase: 'evaluating',
      percent: 60,
      failureReason: null,
      chunks: { chunksDone: 3, chunksTotal: 5, candidatesEvaluated: 12_288 },
    };
    renderView();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Study: KO PEP XOM');
    expect(screen.getByRole('progressbar', { name: 'Study progress' })).toHaveAttribute('aria-valuenow', '60');
    expect(screen.getByTestId('study-counts')).toHaveTextContent(
      'Chunks 3 / 5 · 12,288 of 20,000 candidates evaluated',
    );
    expect(screen.queryByRole('button', { name: 'Download XLSX' })).not.toBeInTheDocument();
  });

  it('shows the scatter and the best portfolios of a completed study; a row opens in the workspace or compares', async () => {
    GET.mockImplementation((path: string) =>
      path === '/studies/{id}/scatter' ? apiAnswer(200, SCATTER) : apiAnswer(200, study('completed')),
    );
    POST.mockReturnValue(apiAnswer(202, { comparisonId: 'c-1' }));
    const user = userEvent.setup();
    renderView();

    // The results are their own chunk (next/dynamic): the first import compiles them, slowly on a busy machine.
    const chart = await screen.findByRole('img', { name: /^Risk and return of 3 candidates/ }, { timeout: 15_000 });
    expect(chart).toHaveAccessibleName(
      'Risk and return of 3 candidates; volatility 12.00% to 14.00%, CAGR 4.00% to 9.12%; coloured by Sharpe from 0.30 to 0.74; ' +
        'the efficient frontier of 2 portfolios; best Sharpe 0.74 at volatility 12.34% and CAGR 9.12%; ' +
        'equal weight at volatility 14.00% and CAGR 5.00%.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Best portfolios' });
    const best = within(table).getByRole('row', { name: /^Max Sharpe/ });
    expect(best).toHaveTextContent('KO 60.00% · PEP 40.00%');
    expect(best).toHaveTextContent('9.12%');
    expect(best).toHaveTextContent('12.34%');
    expect(best).toHaveTextContent('0.74');
    expect(within(best).getByRole('link', { name: 'Open Max Sharpe in workspace' })).toHaveAttribute(
      'href',
      `/?command=${encodeURIComponent(MAX_SHARPE.command)}`,
    );
    expect(within(table).getByRole('row', { name: /^Min drawdown/ })).toHaveTextContent('No candidate qualifies.');
    expect(within(table).getByRole('row', { name: /^Inverse volatility/ })).toHaveTextContent('Not defined');
    // A reference is not compared with itself.
    expect(within(within(table).getByRole('row', { name: /^Equal weight/ })).queryByRole('button')).toBeNull();

    await user.click(within(best).getByRole('button', { name: 'Compare Max Sharpe with the reference portfolios' }));
    expect(POST).toHaveBeenCalledWith('/comparisons', {
      body: {
        members: [
          { name: 'Max Sharpe', command: MAX_SHARPE.command },
          { name: 'Equal weight', command: EQUAL.command },
          { name: 'Risk parity', command: RISK_PARITY.command },
        ],
        period: 'common',
      },
    });
    expect(mockRouter.push).toHaveBeenCalledWith('/comparisons/c-1');
    expect(screen.getByRole('button', { name: 'Download XLSX' })).toBeInTheDocument();
  });
});
