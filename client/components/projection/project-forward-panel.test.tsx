import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../lib/api/client';
import type { LiveProgress } from '../../lib/realtime/live-progress';
import { apiAnswer } from '../../test-support/api-answer';
import { ProjectForwardPanel } from './project-forward-panel';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn() } };
});

let mockLive: LiveProgress | null = null;
jest.mock('../../lib/realtime/live-progress', () => {
  const actual = jest.requireActual<typeof import('../../lib/realtime/live-progress')>(
    '../../lib/realtime/live-progress',
  );
  return { ...actual, useLiveProgress: (_kind: string, id: string | null) => (id ? mockLive : null) };
});

// uPlot needs a canvas: the chart is checked in Chromium; here its text alternative is.
jest.mock('../charts/uplot-chart', () => ({
  UplotChart: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
  loadUplot: () => Promise.resolve(),
}));

type Call = (path: string, init?: object) => Promise<unknown>;
const GET = api.GET as unknown as jest.MockedFunction<Call>;
const POST = api.POST as unknown as jest.MockedFunction<Call>;

const SIMULATION = '24b212c6-5c2f-48e3-be8e-e3f4428ac8d9';
const PROJECTION = '5e1f7c52-8f0e-4d7c-9a51-6f3f1d0e2a11';
const PERCENTILES = [5, 10, 25, 50, 75, 90, 95];
const distribution = (percentiles: number[]) => ({
  percentiles,
  mean: 0,
  min: 0,
  max: 0,
  histogram: { lower: 0, upper: 0, counts: [], below: 0, above: 0 },
});

function projection(status: 'running' | 'completed') {
  return {
    projectionId: PROJECTION,
    simulationId: SIMULATION,
    status,
    progress:
      status === 'completed' ? { phase: 'done', percent: 100 } : { phase: 'resampling: year 12 of 30', percent: 50 },
    failureReason: null,
    failureCode: null,
    inputs: {
      paths: 10_000,
      years: 30,
      method: 'block',
      blockMonths: 12,
      seed: 77,
      initialValue: 1_000_000,
      cashFlow: { kind: 'amount', amount: -4000, period: 'month', inflationIndexed: false },
      inflationRate: 0,
      targetValue: 1_000_000,
    },
    outputs:
      status === 'completed'
        ? {
            paths: 10_000,
            years: 30,
            months: 360,
            historyMonths: 36,
            percentiles: PERCENTILES,
            valueBands: PERCENTILES.map((percentile) => ({
              percentile,
              values: [1_000_000, 1_000_000 + percentile * 1000],
            })),
            finalValue: distribution([0, 10_000, 400_000, 1_250_000, 2_500_000, 4_000_000, 5_000_000]),
            cagr: distribution(PERCENTILES.map(() => 0.05)),
            maxDrawdown: distribution(PERCENTILES.map(() => -0.3)),
            probabilityPositive: 0.9412,
            probabilityAboveTarget: 0.6,
            pathsPositive: 9412,
            pathsAboveTarget: 6000,
            depletedPaths: 588,
            sustainableWithdrawal: {
              period: 'month',
              inflationIndexed: false,
              success90: 3500,
              success95: 3000,
              annualRate90: 0.042,
              annualRate95: 0.036,
            },
          }
        : null,
    createdAt: '2026-12-03T19:00:00.000Z',
    startedAt: null,
    finishedAt: null,
  };
}

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ProjectForwardPanel simulationId={SIMULATION} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  GET.mockReset();
  POST.mockReset();
  mockLive = null;
});

describe('ProjectForwardPanel', () => {
  it('starts a projection with the defaults, shows its progress, then the fan chart and the odds in words', async () => {
    POST.mockImplementation(() =>
      apiAnswer(202, { projectionId: PROJECTION, simulationId: SIMULATION, status: 'queued', url: '' }),
    );
    GET.mockImplementationOnce(() => apiAnswer(200, projection('running')));
    GET.mockImplementation(() => apiAnswer(200, projection('completed')));
    mockLive = { status: 'running', phase: 'resampling: year 12 of 30', percent: 50, failureReason: null };
    renderPanel();

    await userEvent.type(screen.getByLabelText('Seed (optional)'), '77');
    await userEvent.click(screen.getByRole('button', { name: 'Project forward' }));
    expect(POST).toHaveBeenCalledWith('/history/{id}/projections', {
      params: { path: { id: SIMULATION } },
      body: { paths: 10_000, years: 30, method: 'block', blockMonths: 12, inflationRate: 0, seed: 77 },
    });
    expect(await screen.findByRole('progressbar', { name: 'Projection progress' })).toBeInTheDocument();

    const outcomes = await screen.findByRole('list', { name: 'Projection outcomes' }, { timeout: 5000 });
    expect(outcomes).toHaveTextContent('In 9,412 of 10,000 paths the money lasted 30 years; in 588 it ran out.');
    expect(outcomes).toHaveTextContent('In 6,000 of 10,000 paths it ended above 1,000,000.');
    expect(screen.getByRole('img', { name: /the median path ends at 1,050,000/ })).toBeInTheDocument();
    expect(screen.getByText(/seed 77/)).toBeInTheDocument();
  });

  it('says why a projection could not be started', async () => {
    POST.mockImplementation(() =>
      apiAnswer(400, {
        status: 400,
        error: 'VALIDATION_FAILED',
        message: 'blockMonths: blockMonths must be a whole number from 1 to 36, got 40',
        details: [],
        requestId: 'r',
      }),
    );
    renderPanel();
    const blocks = screen.getByLabelText('Block length (months)');
    await userEvent.clear(blocks);
    await userEvent.type(blocks, '40');
    await userEvent.click(screen.getByRole('button', { name: 'Project forward' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The projection could not be started: blockMonths: blockMonths must be a whole number from 1 to 36, got 40',
    );
  });
});
