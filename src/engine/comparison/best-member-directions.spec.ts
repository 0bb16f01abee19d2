import { bestMembers, METRIC_DIRECTIONS } from './best-member';

describe('the best member of each metric, by its direction', () => {
  // A: CAGR 0.08, volatility 0.15, max drawdown −0.30, Sharpe 0.6
  // B: CAGR 0.10, volatility 0.20, max drawdown −0.45, Sharpe 0.6 (a tie with A)
  // C: CAGR null (not computed), volatility 0.12, max drawdown −0.20, Sharpe NaN (left out)
  const result = bestMembers([
    { cagr: 0.08, volatility: 0.15, maxDrawdown: -0.3, sharpe: 0.6 },
    { cagr: 0.1, volatility: 0.2, maxDrawdown: -0.45, sharpe: 0.6 },
    { cagr: null, volatility: 0.12, maxDrawdown: -0.2, sharpe: Number.NaN },
  ]);
  const of = (metric: string) => result.find((one) => one.metric === metric);

  it('takes the highest CAGR (B), the lowest volatility (C) and the shallowest drawdown (C, −0.20 > −0.45)', () => {
    expect(of('cagr')).toEqual({ metric: 'cagr', direction: 'higher', members: [1], value: 0.1 });
    expect(of('volatility')).toEqual({ metric: 'volatility', direction: 'lower', members: [2], value: 0.12 });
    expect(of('maxDrawdown')).toEqual({ metric: 'maxDrawdown', direction: 'higher', members: [2], value: -0.2 });
  });

  it('lists every member tied on the best value, and skips values that are not finite', () => {
    expect(of('sharpe')).toEqual({ metric: 'sharpe', direction: 'higher', members: [0, 1], value: 0.6 });
  });

  it('leaves out metrics no member has, and ranks only metrics that have a better side', () => {
    expect(result.map((one) => one.metric)).toEqual(['cagr', 'volatility', 'sharpe', 'maxDrawdown']);
    expect(Object.keys(METRIC_DIRECTIONS)).not.toContain('skew');
    expect(Object.keys(METRIC_DIRECTIONS)).not.toContain('tradingDays');
  });
});
