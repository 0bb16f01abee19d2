import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api, type Schemas, type SimulationDetail } from '../../lib/api/client';
import { formatPercent, formatRatio } from '../../lib/format/numbers';
import { apiAnswer } from '../../test-support/api-answer';
import withBenchmarkJson from './fixtures/completed-with-benchmark.json';
import customWindowJson from './fixtures/completed-with-benchmark-analysis-21.json';
import { SimulationResults } from './simulation-results';

jest.mock('../../lib/api/client', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/client')>('../../lib/api/client');
  return { ...actual, api: { GET: jest.fn(), POST: jest.fn(), DELETE: jest.fn() } };
});
jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }), usePathname: () => '/simulations/x' }));
jest.mock('../../lib/realtime/live-progress', () => {
  const actual = jest.requireActual<typeof import('../../lib/realtime/live-progress')>(
    '../../lib/realtime/live-progress',
  );
  return { ...actual, useLiveProgress: () => null };
});
// uPlot needs a canvas: the charts are drawn in Chromium (Playwright); here their text alternatives are checked.
jest.mock('../charts/uplot-chart', () => ({
  UplotChart: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
  loadUplot: () => Promise.resolve(),
}));

// Full results pages in jsdom on a shared, loaded machine: role queries over a large tree take seconds.
jest.setTimeout(30_000);

type Call = (
  path: string,
  init?: { params?: { path?: { id: string }; query?: Record<string, unknown> } },
) => Promise<unknown>;
const GET = api.GET as unknown as jest.MockedFunction<Call>;

// A real answer of GET /history/{id} (its rolling and drawdownEpisodes computed by the server's presenter), and of
// GET /history/{id}/analysis?rollingWindow=21 for the same simulation.
const completed = withBenchmarkJson as unknown as SimulationDetail;
const customWindow = customWindowJson as unknown as Schemas['SimulationAnalysisDto'];
const lastDay = completed.series!.dates[completed.series!.dates.length - 1];

function renderResults() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SimulationResults id={completed.id} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  GET.mockReset();
  GET.mockImplementation((path) => apiAnswer(200, path === '/history/{id}/analysis' ? customWindow : completed));
});

describe('drawdown episodes on the results page', () => {
  it('lists the episodes deepest first; choosing one shades it on the value and drawdown charts', async () => {
    renderResults();
    const table = await screen.findByRole('table', { name: 'Drawdown episodes' });
    const episodes = completed.drawdownEpisodes!;
    expect(
      screen.getByText(`The ${episodes.episodes.length} deepest of ${episodes.totalEpisodes} drawdown episodes.`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(episodes.episodes.length);
    // The deepest: −9.09 % from 2022-01-03 to 2022-03-14, not recovered by 2022-03-31.
    expect(rows[0]).toHaveTextContent(
      `1${'2022-01-03'}2022-03-14not recovered${formatPercent(episodes.episodes[0].depth)}`,
    );

    const value = screen.getByRole('img', { name: /^Portfolio value/ });
    const drawdown = screen.getByRole('img', { name: /^Drawdown/ });
    expect(value.closest('section')).not.toHaveAttribute('data-highlight');

    await userEvent.click(
      screen.getByRole('button', { name: `Episode 1: ${formatPercent(episodes.episodes[0].depth)} from 2022-01-03` }),
    );
    expect(value.closest('section')).toHaveAttribute('data-highlight', `2022-01-03..${lastDay}`);
    expect(drawdown.closest('section')).toHaveAttribute('data-highlight', `2022-01-03..${lastDay}`);
    expect(screen.getByRole('img', { name: /^Drawdown/ })).toHaveAccessibleName(
      `Drawdown from the running peak, deepest −9.09% on 2022-03-14; shaded: episode 1, −9.09% from 2022-01-03 to the end (not recovered)`,
    );
    expect(rows[0]).toHaveAttribute('aria-selected', 'true');

    // A recovered one shades from its peak to its recovery; choosing it again clears the shade.
    const second = episodes.episodes[1];
    const secondButton = screen.getByRole('button', {
      name: `Episode 2: ${formatPercent(second.depth)} from ${second.peakDate}`,
    });
    await userEvent.click(secondButton);
    expect(value.closest('section')).toHaveAttribute('data-highlight', `${second.peakDate}..${second.recoveryDate}`);
    await userEvent.click(secondButton);
    expect(value.closest('section')).not.toHaveAttribute('data-highlight');
  });
});

describe('rolling metrics on the results page', () => {
  it('says when the run is shorter than the window, then draws a custom window asked of the API', async () => {
    renderResults();
    // 104 daily returns: no 12-month (252-day) window.
    expect(
      await screen.findByText('No 12 months window: the simulation has fewer than 252 daily returns.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '12 months' })).toBeChecked();

    const months = screen.getByLabelText('Custom (months)');
    await userEvent.clear(months);
    await userEvent.type(months, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(GET).toHaveBeenCalledWith(
        '/history/{id}/analysis',
        expect.objectContaining({ params: { path: { id: completed.id }, query: { rollingWindow: 21 } } }),
      ),
    );
    const portfolio = customWindow.rolling.portfolio.return;
    const benchmark = customWindow.rolling.benchmark!.return;
    const firstDay = completed.series!.dates[21];
    expect(await screen.findByRole('img', { name: /^Rolling 1 month return/ })).toHaveAccessibleName(
      `Rolling 1 month return from ${firstDay} to ${lastDay}, last ${formatPercent(portfolio[portfolio.length - 1])}; ^GSPC ${formatPercent(benchmark[benchmark.length - 1])}`,
    );

    // Beta against the benchmark: one line, the portfolio's.
    await userEvent.click(screen.getByRole('radio', { name: 'Beta' }));
    const beta = customWindow.rolling.portfolio.beta!;
    expect(screen.getByRole('img', { name: /^Rolling 1 month beta/ })).toHaveAccessibleName(
      `Rolling 1 month beta from ${firstDay} to ${lastDay}, last ${formatRatio(beta[beta.length - 1])}`,
    );
  });

  it('refuses a custom window that is not a whole number of months from 1 to 600', async () => {
    renderResults();
    const months = await screen.findByLabelText('Custom (months)');
    await userEvent.clear(months);
    await userEvent.type(months, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A whole number of months from 1 to 600.');
    expect(GET).not.toHaveBeenCalledWith('/history/{id}/analysis', expect.anything());
  });
});
