import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { api, type SimulationDetail } from '../../lib/api/client';
import { formatPercent } from '../../lib/format/numbers';
import { apiAnswer } from '../../test-support/api-answer';
import withBenchmarkJson from '../results/fixtures/completed-with-benchmark.json';
import { ShareActions } from './share-actions';
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

const completed = withBenchmarkJson as unknown as SimulationDetail;
const TOKEN = 'hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4';

function renderWithQueries(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

beforeEach(() => {
  GET.mockReset();
  POST.mockReset();
  DELETE.mockReset();
});

describe('ShareActions (the owner’s side)', () => {
  it('creates a link, shows its full address, lists it and revokes it by id', async () => {
    const link = {
      id: '6f1c0c9e-0000-4000-8000-000000000001',
      tokenHint: 'Y0s4',
      createdAt: '2026-12-03T18:00:00.000Z',
    };
    let listed = [link];
    POST.mockImplementation(() => apiAnswer(201, { ...link, token: TOKEN, url: `/app/shared/${TOKEN}` }));
    GET.mockImplementation(() => apiAnswer(200, { items: listed }));
    DELETE.mockImplementation(() => {
      listed = [];
      return apiAnswer(204);
    });
    renderWithQueries(<ShareActions simulationId={completed.id} command={completed.command} shareable />);

    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('textbox', { name: 'Share link' })).toHaveValue(
      `${window.location.origin}/app/shared/${TOKEN}`,
    );
    expect(POST).toHaveBeenCalledWith('/history/{id}/share', { params: { path: { id: completed.id } } });

    await userEvent.click(screen.getByRole('button', { name: 'Shared links' }));
    const links = await screen.findByRole('region', { name: 'Shared links' });
    expect(await within(links).findByText('…Y0s4')).toBeTruthy();
    await userEvent.click(within(links).getByRole('button', { name: 'Revoke the link ending in Y0s4' }));
    expect(DELETE).toHaveBeenCalledWith('/history/{id}/share/{token}', {
      params: { path: { id: completed.id, token: link.id } },
    });
    expect(await within(links).findByText('No active link: nobody else can see this result.')).toBeTruthy();
  });

  it('offers only "Copy command" on a result that cannot be shared (not completed)', () => {
    renderWithQueries(<ShareActions simulationId={completed.id} command={completed.command} shareable={false} />);
    expect(screen.getByRole('button', { name: 'Copy command' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Shared links' })).toBeNull();
  });
});

describe('SharedResults (the visitor’s side)', () => {
  it('shows the shared result read-only as a snapshot, with Open in my workspace', async () => {
    const {
      id: _id,
      progress: _p,
      failureReason: _f,
      createdAt: _c,
      startedAt: _s,
      finishedAt: _e,
      ...simulation
    } = completed;
    GET.mockImplementation(() =>
      apiAnswer(200, { kind: 'simulation', sharedAt: '2026-12-03T18:00:00.000Z', simulation }),
    );
    renderWithQueries(<SharedResults token={TOKEN} />);
    expect(await screen.findByRole('region', { name: 'Shared snapshot' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(completed.command);
    expect(screen.getByTestId('metric-cagr').textContent).toBe(formatPercent(completed.metrics!.portfolio.cagr));
    expect(screen.getByRole('link', { name: 'Open in my workspace' }).getAttribute('href')).toBe(
      `/?command=${encodeURIComponent(completed.command)}`,
    );
    for (const name of ['Re-run', 'Delete', 'Copy link']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(GET).toHaveBeenCalledWith(
      '/shared/{token}',
      expect.objectContaining({
        params: { path: { token: TOKEN }, query: { trades: expect.any(Number) } },
      }),
    );
  });

  it('says the link does not exist after a 404 (revoked, deleted, never issued)', async () => {
    GET.mockImplementation(() =>
      apiAnswer(404, { status: 404, error: 'SHARE_LINK_NOT_FOUND', message: 'gone', details: [], requestId: 'r' }),
    );
    renderWithQueries(<SharedResults token={TOKEN} />);
    expect(await screen.findByRole('heading', { name: 'This shared link does not exist' })).toBeTruthy();
    await waitFor(() => expect(GET).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('metric-cagr')).toBeNull();
  });
});
