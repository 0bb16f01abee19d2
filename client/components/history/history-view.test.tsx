import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseCommandOrThrow } from '@engine/command/command.parser';
import { api, type SimulationSummary } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format/numbers';
import { EXAMPLE_COMMAND, HistoryView } from './history-view';
import { apiAnswer } from '../../test-support/api-answer';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn(), DELETE: jest.fn() } };
});

/** The page's URL, as next/navigation would keep it: router.replace changes it and re-renders its readers. */
const mockUrl = { search: '', listeners: new Set<() => void>() };
const mockRouter = {
  replace: jest.fn((href: string) => mockSetSearch(href.split('?')[1] ?? '')),
  push: jest.fn(),
};
function mockSetSearch(search: string) {
  mockUrl.search = search;
  act(() => mockUrl.listeners.forEach((listener) => listener()));
}

jest.mock('next/navigation', () => {
  const React = jest.requireActual<typeof import('react')>('react');
  return {
    usePathname: () => '/history',
    useRouter: () => mockRouter,
    useSearchParams: () => {
      const search = React.useSyncExternalStore(
        (listener: () => void) => {
          mockUrl.listeners.add(listener);
          return () => mockUrl.listeners.delete(listener);
        },
        () => mockUrl.search,
      );
      return React.useMemo(() => new URLSearchParams(search), [search]);
    },
  };
});

type Call = (path: string, init?: { params?: { query?: object; path?: { id: string } } }) => Promise<unknown>;
const GET = api.GET as unknown as jest.MockedFunction<Call>;
const POST = api.POST as unknown as jest.MockedFunction<Call>;
const DELETE = api.DELETE as unknown as jest.MockedFunction<Call>;

const answer = apiAnswer;

function simulation(overrides: Partial<SimulationSummary> = {}): SimulationSummary {
  const command = overrides.command ?? 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28';
  return {
    id: '5f0c6f1e-0000-4000-8000-000000000001',
    command,
    canonical: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28',
    parsedCommand: parseCommandOrThrow(command).command,
    tickers: ['AAPL', 'MSFT'],
    startDate: '2020-01-01',
    endDate: '2022-12-28',
    status: 'completed',
    progress: { percent: 100, phase: 'done' },
    cagr: 0.1234,
    sharpe: 0.876,
    maxDrawdown: -0.3145,
    totalReturn: 0.42,
    failureReason: null,
    createdAt: '2026-03-02T09:15:00.000Z',
    startedAt: '2026-03-02T09:15:01.000Z',
    finishedAt: '2026-03-02T09:15:02.000Z',
    ...overrides,
  };
}

const completed = simulation();
const failed = simulation({
  id: '5f0c6f1e-0000-4000-8000-000000000002',
  command: 'ZZZZ-L-100% 2020-01-01 2021-01-01',
  tickers: ['ZZZZ'],
  startDate: '2020-01-01',
  endDate: '2021-01-01',
  status: 'failed',
  progress: { percent: 10, phase: 'fetching prices 1/1' },
  cagr: null,
  sharpe: null,
  maxDrawdown: null,
  totalReturn: null,
  failureReason: 'ZZZZ has no prices in 2020-01-01..2021-01-01',
  createdAt: '2026-03-01T08:00:00.000Z',
});
const running = simulation({
  id: '5f0c6f1e-0000-4000-8000-000000000003',
  command: 'KO-L-100% 2010-01-01 2020-01-01',
  status: 'running',
  progress: { percent: 40, phase: 'simulating' },
  cagr: null,
  sharpe: null,
  maxDrawdown: null,
});

const page = (items: SimulationSummary[], total = items.length, pageNumber = 1, size = 20) => ({
  items,
  total,
  page: pageNumber,
  size,
});

/** The query of the last GET /history. */
const lastListQuery = () => GET.mock.calls.filter(([path]) => path === '/history').at(-1)?.[1]?.params?.query;

function renderHistory(search = '') {
  mockUrl.search = search;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <HistoryView />
    </QueryClientProvider>,
  );
}

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

beforeEach(() => {
  GET.mockReset();
  POST.mockReset();
  DELETE.mockReset();
  mockRouter.replace.mockClear();
  mockRouter.push.mockClear();
  mockUrl.listeners.clear();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('history page', () => {
  it('lists simulations with their formatted metrics, status and a link to their results', async () => {
    GET.mockImplementation(() => answer(200, page([completed, failed])));
    renderHistory();

    const table = await screen.findByRole('table', { name: 'Your simulations' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(lastListQuery()).toEqual({ page: 1, size: 20, sort: 'createdAt', order: 'desc' });

    const first = rows[1];
    expect(within(first).getByRole('link', { name: completed.command })).toHaveAttribute(
      'href',
      `/simulations/${completed.id}`,
    );
    expect(within(first).getByText('2020-01-01')).toBeInTheDocument();
    expect(within(first).getByText('12.34%')).toHaveClass('gain');
    expect(within(first).getByText('0.88')).toHaveClass('gain');
    expect(within(first).getByText('−31.45%')).toHaveClass('loss');
    expect(within(first).getByText('Completed')).toBeInTheDocument();
    expect(within(first).getByText(formatDateTime(completed.createdAt))).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: `Delete ${completed.command}` })).toHaveTextContent(/^Delete$/);
    expect(within(first).getByRole('button', { name: `Re-run ${completed.command}` })).toHaveTextContent(/^Re-run$/);

    const second = rows[2];
    expect(within(second).getByText('Failed')).toBeInTheDocument();
    expect(within(second).getByText('ZZZZ has no prices in 2020-01-01..2021-01-01')).toBeInTheDocument();
    expect(within(second).getAllByText('—')).toHaveLength(3);

    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('shows how far a queued or running simulation is, and reads the list again every 2 s until none is', async () => {
    let calls = 0;
    GET.mockImplementation(() => {
      calls += 1;
      return answer(200, page([calls === 1 ? running : { ...running, status: 'completed', cagr: 0.05 }]));
    });
    renderHistory();

    expect(await screen.findByText('Running 40%')).toBeInTheDocument();
    expect(await screen.findByText('5.00%', {}, { timeout: 3_000 })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Completed' })).toBeInTheDocument();
    expect(GET).toHaveBeenCalledTimes(2);
  });

  it('sends each filter to the API and keeps it in the URL, starting again from page 1', async () => {
    const user = userEvent.setup();
    GET.mockImplementation(() => answer(200, page([completed], 45)));
    renderHistory('page=2');

    await screen.findByRole('table', { name: 'Your simulations' });
    expect(lastListQuery()).toMatchObject({ page: 2 });

    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    await waitFor(() =>
      expect(lastListQuery()).toEqual({ page: 1, size: 20, sort: 'createdAt', order: 'desc', status: 'failed' }),
    );
    expect(mockUrl.search).toBe('status=failed');

    await user.type(screen.getByLabelText('Ticker'), 'msft');
    await waitFor(() => expect(lastListQuery()).toMatchObject({ status: 'failed', ticker: 'MSFT' }));
    // Debounced: one request for the whole word, not one per key.
    expect(GET.mock.calls.filter(([, init]) => (init?.params?.query as { ticker?: string })?.ticker)).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    await waitFor(() =>
      expect(lastListQuery()).toEqual({
        page: 1,
        size: 20,
        sort: 'createdAt',
        order: 'desc',
        status: 'failed',
        ticker: 'MSFT',
        from: '2026-01-01',
        to: '2026-03-31',
      }),
    );
    expect(mockUrl.search).toBe('status=failed&ticker=MSFT&from=2026-01-01&to=2026-03-31');

    await user.selectOptions(screen.getByLabelText('Per page'), '50');
    await waitFor(() => expect(lastListQuery()).toMatchObject({ size: 50, page: 1 }));
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const user = userEvent.setup();
    GET.mockImplementation(() => answer(200, page([completed])));
    renderHistory();
    await screen.findByRole('table', { name: 'Your simulations' });

    const submitted = screen.getByRole('columnheader', { name: /Submitted/ });
    expect(submitted).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: /CAGR/ }));
    await waitFor(() => expect(lastListQuery()).toMatchObject({ sort: 'cagr', order: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /CAGR/ })).toHaveAttribute('aria-sort', 'descending');
    expect(submitted).toHaveAttribute('aria-sort', 'none');

    await user.click(screen.getByRole('button', { name: /CAGR/ }));
    await waitFor(() => expect(lastListQuery()).toMatchObject({ sort: 'cagr', order: 'asc' }));
    expect(screen.getByRole('columnheader', { name: /CAGR/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(mockUrl.search).toBe('sort=cagr&order=asc');
  });

  it('pages with Previous and Next, showing which rows of how many', async () => {
    const user = userEvent.setup();
    GET.mockImplementation((_path, init) => {
      const pageNumber = (init?.params?.query as { page: number }).page;
      return answer(
        200,
        page([simulation({ id: `5f0c6f1e-0000-4000-8000-00000000010${pageNumber}` })], 45, pageNumber),
      );
    });
    renderHistory();

    expect(await screen.findByText('1–1 of 45')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('21–21 of 45')).toBeInTheDocument();
    expect(mockUrl.search).toBe('page=2');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();

    mockSetSearch('page=3');
    expect(await screen.findByText('41–41 of 45')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('goes to the last page when the one in the URL is past the end', async () => {
    GET.mockImplementation((_path, init) => {
      const pageNumber = (init?.params?.query as { page: number }).page;
      return answer(200, page(pageNumber === 2 ? [completed] : [], 21, pageNumber));
    });
    renderHistory('page=5');

    expect(await screen.findByText('21–21 of 21')).toBeInTheDocument();
    expect(mockUrl.search).toBe('page=2');
  });

  it('says in words why the API refused the filters', async () => {
    const user = userEvent.setup();
    GET.mockImplementation(() =>
      answer(400, {
        error: 'VALIDATION_FAILED',
        message: 'ticker: ticker must be 1–40 letters, digits or ^ . - =',
        details: [],
        status: 400,
        requestId: 'r-1',
      }),
    );
    renderHistory('ticker=%24%24%24');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'These filters are not valid: ticker: ticker must be 1–40 letters, digits or ^ . - =',
    );
    GET.mockImplementation(() => answer(200, page([completed])));
    await user.click(within(alert).getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('table', { name: 'Your simulations' })).toBeInTheDocument();
    expect(lastListQuery()).toEqual({ page: 1, size: 20, sort: 'createdAt', order: 'desc' });
    expect(screen.getByLabelText('Ticker')).toHaveValue('');
  });

  it('offers to try again when the list cannot be loaded', async () => {
    const user = userEvent.setup();
    GET.mockImplementation(() =>
      answer(503, { error: 'UNAVAILABLE', message: 'The database is not answering.', details: [], status: 503 }),
    );
    renderHistory();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your simulations could not be loaded: The database is not answering.',
    );
    GET.mockImplementation(() => answer(200, page([completed])));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: completed.command })).toBeInTheDocument();
  });

  it('asks before deleting, then removes the row and deletes it on the server', async () => {
    const user = userEvent.setup();
    let items = [completed, failed];
    GET.mockImplementation(() => answer(200, page(items)));
    DELETE.mockImplementation(() => {
      items = [failed];
      return answer(204);
    });
    renderHistory();

    await user.click(await screen.findByRole('button', { name: `Delete ${completed.command}` }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this simulation?' });
    expect(dialog).toHaveTextContent(completed.command);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(DELETE).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: `Delete ${completed.command}` }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(DELETE).toHaveBeenCalledWith('/history/{id}', { params: { path: { id: completed.id } } });
    await waitFor(() => expect(screen.queryByRole('link', { name: completed.command })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: failed.command })).toBeInTheDocument();
    expect(await screen.findByText('1–1 of 1')).toBeInTheDocument();
    expect(screen.getByText(`Deleted ${completed.command}.`)).toBeInTheDocument();
    // The row that had the focus is gone: the keyboard stays in the list.
    expect(screen.getByRole('region', { name: 'Simulation list' })).toHaveFocus();
  });

  it('puts the row back and says why when the server does not delete it', async () => {
    const user = userEvent.setup();
    GET.mockImplementation(() => answer(200, page([completed])));
    DELETE.mockImplementation(() =>
      answer(404, { error: 'SIMULATION_NOT_FOUND', message: 'Simulation not found', details: [], status: 404 }),
    );
    renderHistory();

    await user.click(await screen.findByRole('button', { name: `Delete ${completed.command}` }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `${completed.command} was not deleted: Simulation not found`,
    );
    expect(screen.getByRole('link', { name: completed.command })).toBeInTheDocument();
  });

  it('re-runs a simulation and opens the new one', async () => {
    const user = userEvent.setup();
    GET.mockImplementation(() => answer(200, page([completed])));
    POST.mockImplementation(() =>
      answer(202, {
        simulationId: '9d7e3c4b-0000-4000-8000-000000000009',
        taskId: '9d7e3c4b-0000-4000-8000-000000000009',
        status: 'queued',
        canonical: completed.canonical,
      }),
    );
    renderHistory();

    await user.click(await screen.findByRole('button', { name: `Re-run ${completed.command}` }));
    expect(POST).toHaveBeenCalledWith('/history/{id}/rerun', { params: { path: { id: completed.id } } });
    await waitFor(() =>
      expect(mockRouter.push).toHaveBeenCalledWith('/simulations/9d7e3c4b-0000-4000-8000-000000000009'),
    );
  });

  it('compares the completed simulations picked (2 to 10) and opens the comparison', async () => {
    const user = userEvent.setup();
    const second = simulation({
      id: '5f0c6f1e-0000-4000-8000-000000000004',
      command: 'KO-L-100% 2020-01-01 2022-12-28',
    });
    GET.mockImplementation(() => answer(200, page([completed, second, failed])));
    POST.mockImplementation(() =>
      answer(202, { comparisonId: '7a7a7a7a-0000-4000-8000-000000000007', status: 'queued' }),
    );
    renderHistory();

    await user.click(await screen.findByRole('checkbox', { name: `Compare ${completed.command}` }));
    // A failed simulation has nothing to compare.
    expect(screen.queryByRole('checkbox', { name: `Compare ${failed.command}` })).toBeNull();
    expect(screen.getByRole('button', { name: 'Compare 1 selected' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: `Compare ${second.command}` }));
    await user.click(screen.getByRole('button', { name: 'Compare 2 selected' }));
    expect(POST.mock.calls.at(-1) as unknown[]).toEqual([
      '/comparisons',
      { body: { simulationIds: [completed.id, second.id], period: 'common' } },
    ]);
    await waitFor(() =>
      expect(mockRouter.push).toHaveBeenCalledWith('/comparisons/7a7a7a7a-0000-4000-8000-000000000007'),
    );
  });

  it('welcomes a person with no simulations with a link to try an example in the workspace', async () => {
    GET.mockImplementation(() => answer(200, page([])));
    renderHistory();

    expect(await screen.findByRole('heading', { name: 'No simulations yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: EXAMPLE_COMMAND })).toHaveAttribute(
      'href',
      `/?command=${encodeURIComponent(EXAMPLE_COMMAND)}`,
    );
    expect(screen.getByRole('link', { name: 'Open the workspace' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when nothing matches the filters, and clears them on request', async () => {
    const user = userEvent.setup();
    GET.mockImplementation((_path, init) =>
      answer(200, (init?.params?.query as { status?: string }).status ? page([]) : page([completed])),
    );
    renderHistory('status=failed&ticker=KO');

    expect(await screen.findByRole('heading', { name: 'No simulations match these filters' })).toBeInTheDocument();
    expect(screen.getByLabelText('Ticker')).toHaveValue('KO');
    const clearButtons = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clearButtons[clearButtons.length - 1]);

    expect(await screen.findByRole('link', { name: completed.command })).toBeInTheDocument();
    expect(mockUrl.search).toBe('');
    expect(screen.getByLabelText('Status')).toHaveValue('');
    expect(screen.getByLabelText('Ticker')).toHaveValue('');
  });
});
