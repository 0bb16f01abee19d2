import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { EXIT_INVALID_COMMAND, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE, runSimulate } from './simulate.command';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runSimulate(args, () => loadSamplePrices(), {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('portofino simulate', () => {
  it('prints the canonical command, a summary and the metrics table', () => {
    const { code, out, err } = run('msft-l-50% AAPL-L-50% 2020-01-01 2023-01-01');
    expect(code).toBe(EXIT_OK);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01');
    expect(lines[2]).toBe(
      '100,000.00 invested on 2020-01-02 in MSFT 50% long, AAPL 50% long is worth 160,766.52 on 2022-12-28.',
    );
    expect(lines[3]).toBe('Time-weighted return 60.77% in total, 17.22% a year with 34.23% volatility (Sharpe 0.636).');
    expect(lines[4]).toBe('Worst fall -30.25% from the peak of 2021-12-27 to 2022-12-28, not recovered by the end.');
    expect(out).toMatch(/^Metric\s+Portfolio$/m);
    expect(out).toMatch(/^Total return\s+60\.77%$/m);
    expect(out).toMatch(/^Max drawdown recovery\s+-$/m);
    expect(out).toMatch(/^Sortino\s+0\.917$/m);
  });

  it('adds a benchmark column and the relative metrics', () => {
    const { code, out } = run('KO-L-100% 2010-01-01 2012-12-31 benchmark=^GSPC');
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/^Metric\s+Portfolio\s+\^GSPC$/m);
    expect(out).toMatch(/^ {2}Beta\s+\d\.\d{3}$/m);
    expect(out).toMatch(/^ {2}Up capture\s+\d\.\d{3}$/m);
  });

  it('says first that the prices stop before the asked end, and which period was simulated', () => {
    const { code, out } = run('AAPL-L-100% 2020-01-01 2025-06-30');
    expect(code).toBe(EXIT_OK);
    const lines = out.split('\n');
    expect(lines[2]).toBe(
      'Warning[PERIOD_ENDS_EARLIER]: the prices of AAPL stop on 2022-12-28, before the asked end 2025-06-30: ' +
        'the simulation ends on 2022-12-28.',
    );
    expect(lines[3]).toBe('Simulated 2020-01-02 to 2022-12-28 (asked 2020-01-01 to 2025-06-30).');
  });

  it('says a 1980 start begins with the data in 1990, naming the ticker', () => {
    const { out } = run('KO-L-100% 1980-01-01 1995-12-31', '--json');
    const json = JSON.parse(out);
    expect(json.summary).toMatchObject({ start: '1990-01-02', askedStart: '1980-01-01', depletedOn: null });
    expect(json.warnings).toEqual([
      expect.objectContaining({ code: 'PERIOD_STARTS_LATER', ticker: 'KO', date: '1990-01-02' }),
    ]);
  });

  it('reports a portfolio drained by withdrawals as depleted, with finite numbers', () => {
    const { code, out } = run('WMT-L-100% 1990-01-01 2022-12-28 capital=10000 contribute=-2000/month');
    expect(code).toBe(EXIT_OK);
    const lines = out.split('\n');
    expect(lines[2]).toMatch(
      /^Warning\[DEPLETED\]: the portfolio was depleted on 1990-0\d-\d\d: a withdrawal of 2,000/,
    );
    expect(out).toMatch(/is worth 0\.00 on 2022-12-28/);
    expect(out).toMatch(/^Total return\s+-100\.00%$/m);
    expect(out).toMatch(/^CAGR\s+-100\.00%$/m);
    expect(out).not.toMatch(/n\/a|NaN|Infinity/);
  });

  it('gives the benchmark the same contributions and says it is a price index', () => {
    const { out } = run('KO-L-100% 2010-01-01 2012-12-31 contribute=1000/month benchmark=^GSPC');
    expect(out).toMatch(
      /^\^GSPC with the same cash flows is worth [\d,.]+ on 2012-12-31 \(money-weighted \d+\.\d\d% a year\)\.$/m,
    );
    expect(out).toMatch(
      /^\^GSPC is a price index \(price only, no dividends\); the stocks' prices are total return\.$/m,
    );
  });

  it('prints everything as JSON with --json, undefined numbers as null', () => {
    const { code, out } = run('AAPL-L-50% MSFT-S-50% 2020-01-01 2020-01-10 contribute=100/month', '--json');
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(out);
    expect(json.command).toBe('AAPL-L-50% MSFT-S-50% 2020-01-01 2020-01-10 contribute=100/month');
    expect(json.daily.dates).toEqual([
      '2020-01-02',
      '2020-01-03',
      '2020-01-06',
      '2020-01-07',
      '2020-01-08',
      '2020-01-09',
      '2020-01-10',
    ]);
    expect(json.daily.nav).toHaveLength(7);
    expect(json.daily.weightColumns).toEqual(['AAPL', 'MSFT', 'CASH']);
    expect(json.daily.weights[0]).toEqual([expect.closeTo(0.5, 15), expect.closeTo(-0.5, 15), expect.closeTo(1, 15)]);
    expect(json.trades).toHaveLength(2);
    expect(json.trades[0]).toEqual({
      date: '2020-01-02',
      ticker: 'AAPL',
      shares: 50000 / 73.348,
      price: 73.348,
      value: expect.closeTo(50000, 9),
      fee: 0,
      reason: 'initial',
    });
    expect(json.summary.moneyWeightedReturn).toBeNull();
    expect(
      json.metrics.maxDrawdownRecoveryDate === null || typeof json.metrics.maxDrawdownRecoveryDate === 'string',
    ).toBe(true);
    expect(json.metrics.positiveMonths).toBe(1);
  });

  it('prints compiler-style errors and exits 2 for an invalid command', () => {
    const { code, out, err } = run('AAPL-L-50% MSFT-X-50% 2020-01-01 2023-01-01 rebalnce=monthly');
    expect(code).toBe(EXIT_INVALID_COMMAND);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      'error[SIDE_INVALID]: MSFT-X-50%: side must be L or S (column 12)',
      '  AAPL-L-50% MSFT-X-50% 2020-01-01 2023-01-01 rebalnce=monthly',
      '             ^^^^^^^^^^',
      '  expected: L (long) or S (short)',
      '  hint: write MSFT-L-50% for long or MSFT-S-50% for short',
      'error[OPTION_UNKNOWN]: rebalnce=monthly: unknown option rebalnce (column 45)',
      '  AAPL-L-50% MSFT-X-50% 2020-01-01 2023-01-01 rebalnce=monthly',
      '                                              ^^^^^^^^^^^^^^^^',
      '  expected: one of capital, rebalance, fee, rf, benchmark, contribute, cash, borrow, inflation',
      '  hint: did you mean rebalance=monthly?',
      '2 errors',
    ]);
  });

  it('prints errors as JSON with --json', () => {
    const { code, out } = run('AAPL-L-90% 2020-01-01 2023-01-01', '--json');
    expect(code).toBe(EXIT_INVALID_COMMAND);
    expect(JSON.parse(out).errors.map((error: { code: string }) => error.code)).toEqual(['WEIGHT_SUM']);
  });

  it('exits 3 when the data cannot run the command', () => {
    const { code, err } = run('APPL-L-100% 2020-01-01 2023-01-01');
    expect(code).toBe(EXIT_SIMULATION_FAILED);
    expect(err).toBe('error[UNKNOWN_TICKER]: ticker APPL is not in the price data (did you mean AAPL?)');
  });

  it('prints usage for missing or extra arguments and unknown flags', () => {
    expect(run().code).toBe(EXIT_USAGE);
    expect(run('a', 'b').err).toContain('Usage: portofino simulate "<command>" [--json]');
    expect(run('AAPL-L-100% 2020-01-01 2023-01-01', '--csv').err.split('\n')[0]).toBe('unknown flag --csv');
  });
});
