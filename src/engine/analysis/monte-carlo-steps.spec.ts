import { projectMonteCarlo, projectMonteCarloSteps, validateProjection } from './monte-carlo';
import { AnalysisError } from './analysis.errors';

// 24 months alternating +2 % and −1 %: any history does; the point is that stepping changes nothing.
const history = Float64Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 0.02 : -0.01));
const options = {
  paths: 300,
  years: 3,
  seed: 7,
  method: 'block' as const,
  blockMonths: 6,
  initialValue: 1000,
  cashFlow: { kind: 'amount' as const, amount: -20, period: 'month' as const },
};

describe('projectMonteCarloSteps', () => {
  it('yields each month done, 1 to 12 × years, and returns exactly what projectMonteCarlo returns', () => {
    const steps = projectMonteCarloSteps(history, options);
    const yielded: number[] = [];
    let step = steps.next();
    while (!step.done) {
      yielded.push(step.value);
      step = steps.next();
    }
    expect(yielded).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(step.value).toEqual(projectMonteCarlo(history, options));
  });

  it('validateProjection refuses what the projection would, naming the option', () => {
    expect(() => validateProjection(history, { ...options, blockMonths: 25 })).toThrow(
      new AnalysisError('INVALID_OPTION', 'blockMonths', 'blockMonths must be a whole number from 1 to 24, got 25'),
    );
    expect(() => validateProjection(history, options)).not.toThrow();
  });
});
