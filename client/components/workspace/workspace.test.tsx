import { EditorView } from '@codemirror/view';
import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseCommandOrThrow } from '@engine/command/command.parser';
import { api, type SimulationSummary } from '../../lib/api/client';
import { useLiveProgress, type LiveProgress } from '../../lib/realtime/live-progress';
import type { TickerAvailability, TickerCheck } from '../editor/ticker-check';
import { binarySeries, FakeSeriesSource, inProcessEnvironment } from '../preview/preview-test-support';
import { Workspace } from './workspace';

const push = jest.fn();
const router = { push, replace: jest.fn(), prefetch: jest.fn() };
jest.mock('next/navigation', () => ({
  useRouter: () => router,
  useSearchParams: () => searchParams(),
}));
// What the router says the address's query is (by default, the window's).
let searchParams = () => new URLSearchParams(window.location.search);
// The socket is the live-progress hook's business (tested beside it): here it is fed by hand.
jest.mock('../../lib/realtime/live-progress', () => ({ useLiveProgress: jest.fn(() => null) }));
const liveProgress = jest.mocked(useLiveProgress);
// uPlot needs a canvas: the charts are checked in Chromium; here their text alternatives are.
jest.mock('../charts/uplot-chart', () => ({
  UplotChart: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
  loadUplot: () => Promise.resolve(),
}));

const SEED = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28';
const SIMULATION_ID = '6f1c1b5e-3f1a-4c43-9c55-2b6f0c2b9a10';

/** An openapi-fetch answer: `data` on success, `error` otherwise. */
function answer(status: number, body: unknown): never {
  const response = { ok: status < 400, status } as Response;
  return (status < 400 ? { data: body, response } : { error: body, response }) as never;
}

function summary(overrides: Partial<SimulationSummary>): SimulationSummary {
  const command = overrides.command ?? SEED;
  return {
    id: SIMULATION_ID,
    command,
    canonical: SEED,
    parsedCommand: parseCommandOrThrow(command).command,
    status: 'completed',
    tickers: ['AAPL', 'MSFT'],
    startDate: '2020-01-01',
    endDate: '2022-12-28',
    createdAt: '2026-01-05T10:00:00.000Z',
    startedAt: '2026-01-05T10:00:00.100Z',
    finishedAt: '2026-01-05T10:00:00.400Z',
    failureReason: null,
    progress: { percent: 100, phase: 'done' },
    cagr: 0.1234,
    sharpe: 0.8,
    maxDrawdown: -0.3,
    totalReturn: 0.4,
    ...overrides,
  };
}

let history: SimulationSummary[] = [];
const post = jest.spyOn(api, 'POST');
const get = jest.spyOn(api, 'GET');

beforeAll(() => {
  // jsdom has no layout: CodeMirror measures text through ranges.
  const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const zeroRect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON() {} });
  Range.prototype.getClientRects = emptyRects;
  Range.prototype.getBoundingClientRect = zeroRect;
});

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  previewPrices = new FakeSeriesSource();
  history = [];
  push.mockReset();
  post.mockReset();
  liveProgress.mockReset().mockReturnValue(null);
  get
    .mockReset()
    .mockImplementation(async (path: unknown) =>
      path === '/history' ? answer(200, { items: history, page: 1, size: 5, total: history.length }) : answer(404, {}),
    );
});

afterEach(() => {
  jest.useRealTimers();
});

/** The live preview's prices (none unless a test puts some): its engine runs in process. */
let previewPrices = new FakeSeriesSource();

async function renderWorkspace(checkTickers?: TickerCheck) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const searchTickers = jest.fn(async () => []);
  const previewEnvironment = inProcessEnvironment(previewPrices);
  render(
    <QueryClientProvider client={queryClient}>
      <Workspace searchTickers={searchTickers} checkTickers={checkTickers} previewEnvironment={previewEnvironment} />
    </QueryClientProvider>,
  );
  // The editor loads lazily (as in the browser).
  await screen.findByTestId('command-editor');
  return { searchTickers, previewPorts: previewEnvironment.ports };
}

function editorView(): EditorView {
  const view = EditorView.findFromDOM(screen.getByTestId('command-editor'));
  if (!view) throw new Error('the command editor is not mounted');
  return view;
}

/** Replaces the command as a paste would. */
function setCommand(text: string) {
  const view = editorView();
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

const errorList = () => screen.getByRole('alert', { name: 'Command errors' });
const runButton = () => screen.getByRole('button', { name: 'Run backtest' });

describe('Workspace command editor', () => {
  it('labels the editor and starts empty, without errors, with Run backtest disabled', async () => {
    await renderWorkspace();
    expect(screen.getByRole('textbox', { name: 'Portfolio command' })).toBeInTheDocument();
    expect(editorView().state.doc.toString()).toBe('');
    expect(errorList()).toBeEmptyDOMElement();
    expect(runButton()).toBeDisabled();
  });

  it("shows the parser's message and hint for a wrong side, underlines the token and disables Run backtest", async () => {
    await renderWorkspace();
    setCommand('AAPL-X-50% 2020-01-01 2022-12-28');
    expect(runButton()).toBeDisabled();
    const item = await within(errorList()).findByRole('listitem');
    expect(item).toHaveTextContent('AAPL-X-50%: side must be L or S (column 1)');
    expect(item).toHaveTextContent('Write AAPL-L-50% for long or AAPL-S-50% for short');
    const content = screen.getByRole('textbox', { name: 'Portfolio command' });
    expect(content).toHaveAttribute('aria-invalid', 'true');
    expect(content).toHaveAttribute('aria-describedby', errorList().id);
    expect(content.querySelector('.cm-cmd-error')).toHaveTextContent('AAPL-X-50%');
  });

  it('shows a bad date with its hint', async () => {
    await renderWorkspace();
    setCommand('AAPL-L-100% 2020-02-30 2022-12-28');
    const item = await within(errorList()).findByRole('listitem');
    expect(item).toHaveTextContent('2020-02-30: 2020-02-30 is not a calendar date (column 13)');
    expect(item).toHaveTextContent('2020-02 has 29 days');
    expect(runButton()).toBeDisabled();
  });

  it('clears the errors and enables Run backtest once the command is valid', async () => {
    await renderWorkspace();
    setCommand('AAPL-X-50% MSFT-L-50% 2020-01-01 2022-12-28');
    await within(errorList()).findByRole('listitem');
    setCommand(SEED);
    expect(runButton()).toBeEnabled();
    await waitFor(() => expect(errorList()).toBeEmptyDOMElement());
    expect(screen.getByRole('textbox', { name: 'Portfolio command' })).toHaveAttribute('aria-invalid', 'false');
  });

  it('waits for a pause in typing before showing errors', async () => {
    await renderWorkspace();
    jest.useFakeTimers();
    setCommand('AAPL');
    act(() => jest.advanceTimersByTime(100));
    expect(errorList()).toBeEmptyDOMElement();
    act(() => jest.advanceTimersByTime(60));
    expect(
      within(errorList())
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['AAPL: not a position, a date or an option (column 1)', 'Missing start and end dates (column 5)']);
  });

  it('fills the editor from an example button', async () => {
    const user = userEvent.setup();
    await renderWorkspace();
    await user.click(screen.getByRole('button', { name: /^Buy and hold/ }));
    expect(editorView().state.doc.toString()).toBe(SEED);
    expect(runButton()).toBeEnabled();
    for (const name of [/^Long\/short vs S&P 500/, /^Diversified since 1990/]) {
      await user.click(screen.getByRole('button', { name }));
      expect(runButton()).toBeEnabled();
    }
    expect(editorView().state.doc.toString()).toContain('contribute=1000/month');
  });

  it('keeps the draft when the person leaves the workspace and comes back', async () => {
    await renderWorkspace();
    setCommand('AAPL-L-50% MSFT-L-50% 2020-01-01');
    await waitFor(() =>
      expect(sessionStorage.getItem('portofino.workspace.command')).toBe('AAPL-L-50% MSFT-L-50% 2020-01-01'),
    );
    cleanup();
    await renderWorkspace();
    expect(editorView().state.doc.toString()).toBe('AAPL-L-50% MSFT-L-50% 2020-01-01');
    expect(await within(errorList()).findByRole('listitem')).toHaveTextContent('Missing end date');
  });

  it('opens a command given in the address (/?command=…)', async () => {
    window.history.replaceState(null, '', `/?command=${encodeURIComponent('KO-L-100% 2000-01-01 2010-01-01')}`);
    await renderWorkspace();
    expect(editorView().state.doc.toString()).toBe('KO-L-100% 2000-01-01 2010-01-01');
    expect(runButton()).toBeEnabled();
  });

  it('opens the linked command when the address bar still shows the previous page (Edit in workspace)', async () => {
    // A navigation inside the app renders the workspace before the address bar changes.
    window.history.replaceState(null, '', `/simulations/${SIMULATION_ID}`);
    sessionStorage.setItem('portofino.workspace.command', 'AAPL-L-100% 2020-01-01 2020-12-31');
    searchParams = () => new URLSearchParams({ command: 'KO-L-100% 2000-01-01 2010-01-01' });
    try {
      await renderWorkspace();
      expect(editorView().state.doc.toString()).toBe('KO-L-100% 2000-01-01 2010-01-01');
      expect(runButton()).toBeEnabled();
    } finally {
      searchParams = () => new URLSearchParams(window.location.search);
    }
  });

  it('warns under a ticker no configured source can price, naming the sources and the nearest known tickers', async () => {
    const tsla: TickerAvailability = {
      ticker: 'TSLA',
      status: 'unverified',
      message:
        'no configured source can price TSLA right now (tried yahoo: unreachable moments ago (retry in 262 s); ' +
        'sample: does not have TSLA); the offline sample holds 20 tickers: AAPL, AMD, …',
      nearest: [],
    };
    const appl: TickerAvailability = {
      ticker: 'APPL',
      status: 'unknown',
      message: 'no configured source can price APPL',
      nearest: ['AAPL'],
    };
    const known = (ticker: string): TickerAvailability => ({ ticker, status: 'known', message: null, nearest: [] });
    const checkTickers = jest.fn<TickerCheck>(async (tickers) =>
      tickers.map((ticker) => (ticker === 'TSLA' ? tsla : ticker === 'APPL' ? appl : known(ticker))),
    );
    await renderWorkspace(checkTickers);
    setCommand('TSLA-L-50% APPL-L-50% 2020-01-01 2022-12-28 benchmark=^GSPC');
    const items = await within(errorList()).findAllByRole('listitem');
    expect(checkTickers).toHaveBeenCalledWith(['TSLA', 'APPL', '^GSPC'], expect.anything());
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(`TSLA: ${tsla.message}`);
    expect(items[0]).toHaveAttribute('data-severity', 'warning');
    expect(items[0]).toHaveTextContent('Upload your own prices for TSLA under Prices');
    expect(items[1]).toHaveTextContent('APPL: no configured source can price APPL');
    expect(items[1]).toHaveTextContent('Nearest known: AAPL');
    // Underlined as a warning, and the command may still run (a source may be back by then).
    await waitFor(() =>
      expect(screen.getByTestId('command-editor').querySelectorAll('.cm-cmd-warning')).toHaveLength(2),
    );
    expect(screen.getByRole('textbox', { name: 'Portfolio command' })).toHaveAttribute('aria-invalid', 'false');
    expect(runButton()).toBeEnabled();
  });

  it('shows no warning when every ticker can be priced, or when the check fails', async () => {
    const checkTickers = jest.fn<TickerCheck>(async () => []);
    await renderWorkspace(checkTickers);
    setCommand(SEED);
    await waitFor(() => expect(checkTickers).toHaveBeenCalledWith(['AAPL', 'MSFT'], expect.anything()));
    expect(errorList()).toBeEmptyDOMElement();
    expect(runButton()).toBeEnabled();
  });

  it('keeps one portfolio on one line and runs it as before; a blank line does not make a comparison', async () => {
    await renderWorkspace();
    setCommand(`${SEED}\n\n`);
    expect(runButton()).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Compare' })).not.toBeInTheDocument();
    post.mockResolvedValueOnce(answer(202, { simulationId: SIMULATION_ID, status: 'queued' }));
    await userEvent.click(runButton());
    // The line breaks are sent as spaces: the same command, the same columns.
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith('/simulate', expect.objectContaining({ body: { command: `${SEED}  ` } })),
    );
  });
});

describe('Workspace with several lines (a comparison)', () => {
  const THREE = [
    'Tech: AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28',
    'KO-L-100% 2012-01-01 2022-12-28',
    'Staples: KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 rebalance=monthly',
  ].join('\n');
  const compareButton = () => screen.getByRole('button', { name: 'Compare' });

  it("locates each line's errors on its own line and offers Compare only once every line parses", async () => {
    await renderWorkspace();
    setCommand('Tech: AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28\nKO-X-100% 2012-01-01 2022-12-28');
    expect(screen.queryByRole('button', { name: 'Run backtest' })).not.toBeInTheDocument();
    expect(compareButton()).toBeDisabled();
    const item = await within(errorList()).findByRole('listitem');
    expect(item).toHaveTextContent('Line 2: KO-X-100%: side must be L or S (column 1)');
    const content = screen.getByRole('textbox', { name: 'Portfolio command' });
    // Underlined on the second line, where the token is.
    const marked = content.querySelectorAll('.cm-line')[1].querySelector('.cm-cmd-error');
    expect(marked).toHaveTextContent('KO-X-100%');
    expect(content.querySelectorAll('.cm-line')[0].querySelector('.cm-cmd-error')).toBeNull();
    setCommand(THREE);
    await waitFor(() => expect(compareButton()).toBeEnabled());
    await waitFor(() => expect(errorList()).toBeEmptyDOMElement());
  });

  it('starts a comparison of every line (names kept, the period chosen) and opens its page', async () => {
    await renderWorkspace();
    setCommand(THREE);
    await waitFor(() => expect(compareButton()).toBeEnabled());
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Period/ }), 'own');
    post.mockResolvedValueOnce(
      answer(202, { comparisonId: '7a7a7a7a-0000-4000-8000-000000000007', taskId: 't', status: 'queued' }),
    );
    await userEvent.click(compareButton());
    await waitFor(() => expect(push).toHaveBeenCalledWith('/comparisons/7a7a7a7a-0000-4000-8000-000000000007'));
    expect(post).toHaveBeenCalledWith('/comparisons', {
      body: {
        members: [
          { name: 'Tech', command: 'AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28' },
          { command: 'KO-L-100% 2012-01-01 2022-12-28' },
          { name: 'Staples', command: 'KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 rebalance=monthly' },
        ],
        period: 'own',
      },
    });
  });

  it("puts the server's 422 errors (member index, column in its command) on that member's line", async () => {
    await renderWorkspace();
    setCommand(THREE);
    await waitFor(() => expect(compareButton()).toBeEnabled());
    post.mockResolvedValueOnce(
      answer(422, {
        status: 422,
        error: 'INVALID_COMPARISON',
        message: 'The comparison is invalid',
        requestId: 'r',
        details: [
          {
            member: 2,
            line: null,
            code: 'UNKNOWN_OPTION',
            token: 'rebalance=monthly',
            column: 42,
            expected: 'a known option',
            message: 'member 3: rebalance=monthly is refused here (column 42)',
            hint: 'remove it',
          },
        ],
      }),
    );
    await userEvent.click(compareButton());
    const item = await within(errorList()).findByRole('listitem');
    expect(item).toHaveTextContent('Member 3: rebalance=monthly is refused here (column 42)');
    const lines = screen.getByRole('textbox', { name: 'Portfolio command' }).querySelectorAll('.cm-line');
    expect(lines[2].querySelector('.cm-cmd-error')).toHaveTextContent('rebalance=monthly');
    expect(compareButton()).toBeDisabled();
    expect(push).not.toHaveBeenCalled();
  });

  it('opens several lines given in the address (/?command=… with line breaks)', async () => {
    window.history.replaceState(null, '', `/?command=${encodeURIComponent(THREE)}`);
    await renderWorkspace();
    expect(editorView().state.doc.toString()).toBe(THREE);
    expect(editorView().state.doc.lines).toBe(3);
    await waitFor(() => expect(compareButton()).toBeEnabled());
  });

  it('starts a new line with Shift+Enter; Enter compares', async () => {
    await renderWorkspace();
    const content = screen.getByRole('textbox', { name: 'Portfolio command' });
    await userEvent.click(content);
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(editorView().state.doc.toString()).toBe('\n');
    expect(post).not.toHaveBeenCalled();
  });

  it('previews every line side by side on the common period before anything is submitted', async () => {
    previewPrices.serverSeries.set('KO', binarySeries('KO', [50, 55, 60, 66], 'sample', '2024-01-02'));
    previewPrices.serverSeries.set('PEP', binarySeries('PEP', [100, 100, 90], 'sample', '2024-01-03'));
    await renderWorkspace();
    setCommand('Cola: KO-L-100% 2024-01-02 2024-01-05\nPEP-L-100% 2024-01-02 2024-01-05');
    const preview = await screen.findByTestId('multi-line-preview');
    await waitFor(() => expect(preview).toHaveAttribute('data-state', 'current'));
    // PEP's prices start on 2024-01-03 and end on 2024-01-05: KO is run again from the 3rd, on the same days.
    expect(within(preview).getByRole('status')).toHaveTextContent(
      'every portfolio is simulated from 2024-01-03 (the latest start, set by Portfolio 2) to 2024-01-05',
    );
    const table = within(preview).getByRole('table', { name: 'Metrics side by side' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Metric', 'Cola', 'Portfolio 2']);
    // KO 55 → 66: +20.00%; PEP 100 → 90: −10.00%. Cola is best.
    const total = within(within(table).getByRole('rowheader', { name: 'Total return' }).closest('tr') as HTMLElement);
    const cells = total.getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('+20.00%');
    expect(cells[0]).toHaveAttribute('data-best', 'true');
    expect(cells[1]).toHaveTextContent('−10.00%');
    expect(within(preview).getByRole('img', { name: 'Value of Cola, Portfolio 2 over 3 days' })).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });
});

describe('Workspace live preview', () => {
  it('previews the command as typed, without submitting, and follows every change', async () => {
    previewPrices.serverSeries.set('KO', binarySeries('KO', [50, 55, 60], 'sample', '2024-01-02'));
    previewPrices.serverSeries.set('PEP', binarySeries('PEP', [100, 100, 90], 'sample', '2024-01-02'));
    await renderWorkspace();
    expect(screen.queryByTestId('live-preview')).not.toBeInTheDocument();
    setCommand('KO-L-50% PEP-L-50% 2024-01-02 2024-01-04');
    const preview = await screen.findByTestId('live-preview');
    // 1,000 KO at 50 and 500 PEP at 100; on the last day 1,000 × 60 + 500 × 90 = 105,000.
    await waitFor(() => expect(within(preview).getByTestId('metric-finalValue')).toHaveTextContent('105,000'));
    // 1,600 KO and 200 PEP: 1,600 × 60 + 200 × 90 = 114,000.
    setCommand('KO-L-80% PEP-L-20% 2024-01-02 2024-01-04');
    await waitFor(() => expect(within(preview).getByTestId('metric-finalValue')).toHaveTextContent('114,000'));
    expect(preview).toHaveAttribute('data-command', 'KO-L-80% PEP-L-20% 2024-01-02 2024-01-04');
    // A slider per position; nothing was submitted.
    expect(within(preview).getByRole('slider', { name: /KO/ })).toHaveValue('80');
    expect(post).not.toHaveBeenCalled();
  });

  it('sends each edit of the editor to the worker once, as it is typed, before the page renders it', async () => {
    previewPrices.serverSeries.set('KO', binarySeries('KO', [50, 55, 60], 'sample', '2024-01-02'));
    previewPrices.serverSeries.set('PEP', binarySeries('PEP', [100, 100, 90], 'sample', '2024-01-02'));
    const { previewPorts } = await renderWorkspace();
    setCommand('KO-L-50% PEP-L-50% 2024-01-02 2024-01-04 capital=1000');
    const preview = await screen.findByTestId('live-preview');
    await waitFor(() => expect(within(preview).getByTestId('metric-finalValue')).toHaveTextContent('1,050'));
    const [port] = previewPorts;
    const runsBefore = port.runs().length;
    const view = editorView();
    // The editor's change reaches the worker inside the editor's own update, before React renders the new text.
    let sentDuringEdit: string[] = [];
    let shownDuringEdit: string | null = null;
    act(() => {
      view.dispatch({ changes: { from: view.state.doc.length, insert: '0' } });
      sentDuringEdit = port
        .runs()
        .slice(runsBefore)
        .flatMap((run) => run.lines.map((line) => line.command));
      shownDuringEdit = preview.getAttribute('data-command');
    });
    expect(sentDuringEdit).toEqual(['KO-L-50% PEP-L-50% 2024-01-02 2024-01-04 capital=10000']);
    expect(shownDuringEdit).toBe('KO-L-50% PEP-L-50% 2024-01-02 2024-01-04 capital=1000');
    await waitFor(() => expect(within(preview).getByTestId('metric-finalValue')).toHaveTextContent('10,500'));
    // The render that followed did not ask again: one run for the one edit.
    expect(
      port
        .runs()
        .slice(runsBefore)
        .map((run) => run.lines[0].command),
    ).toEqual(['KO-L-50% PEP-L-50% 2024-01-02 2024-01-04 capital=10000']);
  });

  it('moves the weights with a slider: the command is rewritten and the preview runs again', async () => {
    previewPrices.serverSeries.set('KO', binarySeries('KO', [50, 55, 60], 'sample', '2024-01-02'));
    previewPrices.serverSeries.set('PEP', binarySeries('PEP', [100, 100, 90], 'sample', '2024-01-02'));
    await renderWorkspace();
    setCommand('KO-L-50% PEP-L-50% 2024-01-02 2024-01-04 rebalance=none');
    const preview = await screen.findByTestId('live-preview');
    await waitFor(() => expect(within(preview).getByTestId('metric-finalValue')).toHaveTextContent('105,000'));
    // A drag (jsdom does not move range inputs with arrow keys; Chromium does, in test/e2e/preview.e2e.ts).
    fireEvent.change(within(preview).getByRole('slider', { name: /KO/ }), { target: { value: '49' } });
    // KO 49 %, PEP 51 %: 980 × 60 + 510 × 90 = 104,700.
    await waitFor(() =>
      expect(editorView().state.doc.toString()).toBe('KO-L-49% PEP-L-51% 2024-01-02 2024-01-04 rebalance=none'),
    );
    await waitFor(() => expect(within(preview).getByTestId('metric-finalValue')).toHaveTextContent('104,700'));
  });
});

describe('Workspace submission', () => {
  it('submits with Enter once, with an idempotency key, then follows progress and opens the results', async () => {
    const user = userEvent.setup();
    let resolvePost: (value: never) => void = () => {};
    post.mockImplementation(() => new Promise((resolve) => (resolvePost = resolve)));
    await renderWorkspace();
    setCommand(SEED);
    await user.click(screen.getByRole('textbox', { name: 'Portfolio command' }));
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    await user.click(runButton());
    expect(post).toHaveBeenCalledTimes(1);
    const [path, init] = post.mock.calls[0] as unknown as [
      string,
      { body: unknown; params: { header: Record<string, string> } },
    ];
    expect(path).toBe('/simulate');
    expect(init.body).toEqual({ command: SEED });
    expect(init.params.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);

    const running: LiveProgress = { status: 'running', phase: 'fetching prices 1/2', percent: 30, failureReason: null };
    liveProgress.mockImplementation((_kind, id) => (id === SIMULATION_ID ? running : null));
    await act(async () =>
      resolvePost(
        answer(202, { simulationId: SIMULATION_ID, taskId: SIMULATION_ID, status: 'queued', canonical: SEED }),
      ),
    );
    const bar = await screen.findByRole('progressbar', { name: 'Simulation progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '30');
    expect(screen.getByText('Fetching prices 1/2')).toBeInTheDocument();
    expect(runButton()).toBeDisabled();
    expect(liveProgress).toHaveBeenCalledWith('simulation', SIMULATION_ID);

    liveProgress.mockImplementation(() => ({ status: 'completed', phase: 'done', percent: 100, failureReason: null }));
    setCommand(`${SEED} `); // any render picks up the new live state
    await waitFor(() => expect(push).toHaveBeenCalledWith(`/simulations/${SIMULATION_ID}`));
    expect(push).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('progressbar', { name: 'Simulation progress' })).toHaveAttribute('aria-valuenow', '100');
  });

  it('shows why a simulation failed and lets the person fix the command and run again', async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(
      answer(202, { simulationId: SIMULATION_ID, taskId: SIMULATION_ID, status: 'queued', canonical: SEED }),
    );
    liveProgress.mockReturnValue({
      status: 'failed',
      phase: null,
      percent: 100,
      failureReason: 'MSFT has no prices before 1990-01-02',
    });
    await renderWorkspace();
    setCommand(SEED);
    await user.click(runButton());
    const failure = await screen.findByText('MSFT has no prices before 1990-01-02', { exact: false });
    expect(failure.closest('[role="alert"]')).toHaveTextContent(
      'The backtest failed: MSFT has no prices before 1990-01-02',
    );
    expect(screen.getByRole('progressbar', { name: 'Simulation progress' })).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(push).not.toHaveBeenCalled();
    await waitFor(() => expect(runButton()).toBeEnabled());
    const second = post.mock.calls.length;
    await user.click(runButton());
    expect(post).toHaveBeenCalledTimes(second + 1);
    // A new submission, so a new key.
    const keys = post.mock.calls.map(
      (call) => (call[1] as { params: { header: Record<string, string> } }).params.header['Idempotency-Key'],
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("shows the server's 422 parser errors in the same list", async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(
      answer(422, {
        status: 422,
        error: 'INVALID_COMMAND',
        message: 'the command has 1 error',
        requestId: 'r1',
        details: [
          {
            code: 'DATE_ORDER',
            token: '2022-12-28',
            column: 34,
            expected: 'an end date after 2023-01-01',
            hint: 'swap them: 2022-12-28 2023-01-01',
            message: '2022-12-28: the end date is not after the start date 2023-01-01 (column 34)',
          },
        ],
      }),
    );
    await renderWorkspace();
    setCommand(SEED);
    await user.click(runButton());
    const item = await within(errorList()).findByRole('listitem');
    expect(item).toHaveTextContent('2022-12-28: the end date is not after the start date 2023-01-01 (column 34)');
    expect(item).toHaveTextContent('Swap them: 2022-12-28 2023-01-01');
    expect(runButton()).toBeDisabled();
    setCommand('AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-27');
    await waitFor(() => expect(errorList()).toBeEmptyDOMElement());
    expect(runButton()).toBeEnabled();
  });

  it('reuses the idempotency key when retrying after a server error, and says what went wrong', async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(
      answer(503, {
        status: 503,
        error: 'UNAVAILABLE',
        message: 'The queue is not reachable.',
        requestId: 'r2',
        details: [],
      }),
    );
    await renderWorkspace();
    setCommand(SEED);
    await user.click(runButton());
    expect(
      await screen.findByText('The backtest could not be started: The queue is not reachable.'),
    ).toBeInTheDocument();
    await user.click(runButton());
    expect(post).toHaveBeenCalledTimes(2);
    const keys = post.mock.calls.map(
      (call) => (call[1] as { params: { header: Record<string, string> } }).params.header['Idempotency-Key'],
    );
    expect(keys[0]).toBe(keys[1]);
  });
});

describe('Recent simulations', () => {
  it('says so when there are none yet', async () => {
    await renderWorkspace();
    expect(await screen.findByText(/No simulations yet/)).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/history', { params: { query: { size: 5 } } });
  });

  it('links the latest simulations to their results', async () => {
    history = [
      summary({}),
      summary({ id: 'a7c1', command: 'KO-L-100% 2000-01-01 2010-01-01', status: 'failed', cagr: null }),
    ];
    await renderWorkspace();
    const section = screen.getByRole('region', { name: 'Recent simulations' });
    const first = await within(section).findByRole('link', { name: SEED });
    expect(first).toHaveAttribute('href', `/simulations/${SIMULATION_ID}`);
    expect(within(section).getByRole('link', { name: 'KO-L-100% 2000-01-01 2010-01-01' })).toHaveAttribute(
      'href',
      '/simulations/a7c1',
    );
    const items = within(section).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Completed');
    expect(items[0]).toHaveTextContent('CAGR +12.34%');
    expect(items[1]).toHaveTextContent('Failed');
    expect(items[1]).not.toHaveTextContent('CAGR');
  });
});
