import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { studyApi } from '../../lib/api/studies';
import { apiAnswer } from '../../test-support/api-answer';
import { StudyForm } from './study-form';

jest.mock('../../lib/api/studies', () => {
  const actual = jest.requireActual<typeof import('../../lib/api/studies')>('../../lib/api/studies');
  return { ...actual, studyApi: { GET: jest.fn(), POST: jest.fn(), DELETE: jest.fn() } };
});

const mockRouter = { push: jest.fn(), replace: jest.fn() };
jest.mock('next/navigation', () => ({ useRouter: () => mockRouter }));

type Call = (path: string, init?: object) => Promise<unknown>;
const POST = studyApi.POST as unknown as jest.MockedFunction<Call>;
const STUDY = '0f8fad5b-d9cb-469f-a165-70867728950e';

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <StudyForm />
    </QueryClientProvider>,
  );
}

describe('StudyForm', () => {
  beforeEach(() => {
    POST.mockReset();
    mockRouter.push.mockReset();
  });

  it('posts what the person typed and opens the new study', async () => {
    POST.mockReturnValue(apiAnswer(202, { studyId: STUDY, status: 'queued', candidateCount: 2000, chunkCount: 1 }));
    const user = userEvent.setup();
    renderForm();
    expect(screen.getByLabelText('Candidates')).toHaveValue(10000);
    await user.type(screen.getByLabelText('Tickers'), 'aapl msft ko xom');
    expect(screen.getByRole('list', { name: 'Universe' })).toHaveTextContent('AAPLMSFTKOXOM');
    await user.clear(screen.getByLabelText('Candidates'));
    await user.type(screen.getByLabelText('Candidates'), '2000');
    await user.type(screen.getByLabelText('Seed (optional)'), '7');
    await user.click(screen.getByLabelText('Allow shorts'));
    await user.type(screen.getByLabelText('Max holdings'), '3');
    await user.type(screen.getByLabelText('KO maximum weight (%)'), '40');
    await user.type(screen.getByLabelText('Drawdown limit (%)'), '30');
    await user.selectOptions(screen.getByLabelText('Rebalancing'), 'quarterly');
    await user.type(screen.getByLabelText('Fee (%)'), '0.2');
    await user.click(screen.getByRole('button', { name: 'Start study' }));

    expect(POST).toHaveBeenCalledWith('/studies', {
      body: {
        tickers: ['AAPL', 'MSFT', 'KO', 'XOM'],
        start: '2010-01-01',
        end: '2022-12-28',
        method: 'random',
        candidates: 2000,
        seed: 7,
        constraints: { allowShorts: true, maxHoldings: 3, bounds: { KO: { maxPercent: 40 } } },
        objectives: { maxDrawdownPercent: 30 },
        options: { rebalance: 'quarterly', fee: '0.2%' },
      },
    });
    expect(mockRouter.push).toHaveBeenCalledWith(`/studies/${STUDY}`);
  });

  it('shows each problem of a 422 under its field, and the others above the button', async () => {
    POST.mockReturnValue(
      apiAnswer(422, {
        status: 422,
        error: 'VALIDATION_FAILED',
        message: 'The study is not valid.',
        requestId: 'r-1',
        details: [
          { field: 'tickers', code: 'INVALID_FIELD', message: 'tickers must hold 2 to 50 tickers' },
          { field: 'constraints.bounds.KO.minPercent', code: 'INVALID_FIELD', message: 'KO: minPercent -5% is short' },
          { field: 'constraints', code: 'INFEASIBLE_CONSTRAINTS', message: 'No portfolio satisfies the bounds.' },
        ],
      }),
    );
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText('Tickers'), 'KO');
    await user.type(screen.getByLabelText('KO minimum weight (%)'), '-5');
    await user.click(screen.getByRole('button', { name: 'Start study' }));

    const tickers = await screen.findByLabelText('Tickers');
    expect(tickers).toHaveAttribute('aria-invalid', 'true');
    expect(tickers).toHaveAccessibleDescription(
      '2 to 50, separated by spaces or commas tickers must hold 2 to 50 tickers',
    );
    expect(screen.getByLabelText('KO minimum weight (%)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('KO: minPercent -5% is short')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The study is not valid. No portfolio satisfies the bounds.');
    expect(screen.getByLabelText('Candidates')).not.toHaveAttribute('aria-invalid');
    expect(mockRouter.push).not.toHaveBeenCalled();
  });

  it('shows only the fields of the chosen method', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.queryByLabelText('Grid step (%)')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Method'), 'grid');
    expect(screen.getByLabelText('Grid step (%)')).toHaveValue(5);
    expect(screen.queryByLabelText('Candidates')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Concentration')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Method'), 'dirichlet');
    expect(screen.getByLabelText('Concentration')).toBeInTheDocument();
  });
});
