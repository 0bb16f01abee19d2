import { SeededRandom } from './seeded-random';
import { projectMonteCarlo, ProjectionOptions } from './monte-carlo';

/**
 * The sustainable withdrawal (closed form over the paths) against brute force: the projection
 * itself run with that withdrawal as its cash flow, on the same seed and so the same resampled
 * months, must succeed (end above 0) in at least 90 % (95 %) of the paths just below the answer
 * and in fewer just above it; and success must never rise with the amount.
 */
describe('highest sustainable withdrawal against brute force', () => {
  // A volatile 5-year history with a drift, from a fixed generator.
  const random = new SeededRandom(11);
  const history = Float64Array.from({ length: 60 }, () => 0.006 + (random.nextUint32() / 2 ** 32 - 0.5) * 0.2);

  describe.each([
    ['yearly, fixed', { period: 'year' as const, inflationIndexed: false }, 'monthly' as const],
    ['monthly, indexed to 3 % inflation', { period: 'month' as const, inflationIndexed: true }, 'block' as const],
    ['quarterly, fixed', { period: 'quarter' as const, inflationIndexed: false }, 'block' as const],
  ])('%s', (_label, search, method) => {
    const options: ProjectionOptions = {
      paths: 300,
      years: 8,
      seed: 99,
      method,
      blockMonths: 3,
      initialValue: 100_000,
      inflationRate: 0.03,
      withdrawalSearch: search,
    };
    const answer = projectMonteCarlo(history, options).sustainableWithdrawal;
    const successWith = (amount: number) =>
      projectMonteCarlo(history, {
        ...options,
        cashFlow: { kind: 'amount', amount: -amount, period: search.period, inflationIndexed: search.inflationIndexed },
      }).probabilityPositive;

    it('succeeds in at least 90 % of paths just below the 90 % answer, and fewer just above', () => {
      expect(answer).toMatchObject(search);
      expect(answer.success90).toBeGreaterThan(0);
      expect(successWith(answer.success90 * (1 - 1e-9))).toBeGreaterThanOrEqual(0.9);
      expect(successWith(answer.success90 * (1 + 1e-9))).toBeLessThan(0.9);
    });

    it('does the same at 95 %, a smaller amount', () => {
      expect(answer.success95).toBeLessThan(answer.success90);
      expect(successWith(answer.success95 * (1 - 1e-9))).toBeGreaterThanOrEqual(0.95);
      expect(successWith(answer.success95 * (1 + 1e-9))).toBeLessThan(0.95);
    });

    it('never succeeds more often with a larger withdrawal', () => {
      const rates = Array.from({ length: 8 }, (_, k) => successWith((answer.success90 * 2 * k) / 7));
      for (let k = 1; k < rates.length; k++) expect(rates[k]).toBeLessThanOrEqual(rates[k - 1]);
      expect(rates[0]).toBe(1);
    });
  });
});
