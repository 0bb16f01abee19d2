import { parseCommandOrThrow } from '../engine/command/command.parser';
import { simulatePortfolio } from '../engine/simulation/portfolio.simulator';
import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { runCli } from './cli';
import { runCompare } from './compare.command';
import { EXIT_INVALID_COMMAND, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE } from './simulate.command';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCompare(args, () => loadSamplePrices(), {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('portofino compare', () => {
  it('prints the common period, the metrics side by side with the best of each row marked, and the correlations', () => {
    const { code, out, err } = run(
      'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
      'Cola: KO-L-100% 2019-06-01 2022-06-30 rebalance=monthly',
    );
    expect(err).toBe('');
    expect(code).toBe(EXIT_OK);
    const lines = out.split('\n');
    // AAPL/MSFT can run 2020-01-02..2022-12-28, KO 2019-06-03..2022-06-30: the common period is the later start
    // and the earlier end.
    expect(lines[0]).toBe(
      'Period: every portfolio is simulated from 2020-01-02 (the latest start, set by Portfolio 1) to 2022-06-30 ' +
        '(the earliest end, set by Cola)',
    );
    expect(out).toMatch(/^Metric\s+Portfolio 1\s+Cola$/m);
    expect(out).toMatch(/^Period\s+2020-01-02\.\.2022-06-30\s+2020-01-02\.\.2022-06-30$/m);
    // Each column is the single run on the common period (portofino simulate gives the same numbers).
    const single = simulatePortfolio(
      parseCommandOrThrow('AAPL-L-50% MSFT-L-50% 2020-01-02 2022-06-30').command,
      loadSamplePrices(),
    );
    const cola = simulatePortfolio(
      parseCommandOrThrow('KO-L-100% 2020-01-02 2022-06-30 rebalance=monthly').command,
      loadSamplePrices(),
    );
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    expect(out).toMatch(
      new RegExp(`^Total return\\s+${pct(single.metrics.totalReturn)} \\*\\s+${pct(cola.metrics.totalReturn)}$`, 'm'),
    );
    expect(out).toMatch(/^Total return\s+74\.48% \*\s+23\.87%$/m);
    // Lower is better for volatility: KO's is marked.
    expect(out).toMatch(/^Volatility \(ann\.\)\s+34\.30%\s+25\.78% \*$/m);
    // Skew has no better side: nothing marked.
    expect(out).toMatch(/^Skew\s+-0\.169\s+-0\.684$/m);
    expect(out).toMatch(/^Daily returns over 628 days:$/m);
    expect(out).toMatch(/^Cola\s+0\.524\s+1\.000$/m);
  });

  it('--json prints the whole comparison', () => {
    const { code, out } = run('AAPL-L-100% 2020-01-01 2020-12-31', 'B: MSFT-L-100% 2020-01-01 2020-12-31', '--json');
    expect(code).toBe(EXIT_OK);
    const parsed = JSON.parse(out) as { members: { name: string }[]; period: { start: string; end: string } };
    expect(parsed.members.map((m) => m.name)).toEqual(['Portfolio 1', 'B']);
    expect(parsed.period).toMatchObject({ start: '2020-01-02', end: '2020-12-31' });
  });

  it('locates an invalid member and exits 2; no common period exits 3', () => {
    const invalid = run('AAPL-L-100% 2020-01-01 2020-12-31', 'MSFT-X-100% 2020-01-01 2020-12-31');
    expect(invalid.code).toBe(EXIT_INVALID_COMMAND);
    expect(invalid.err).toMatch(/^error\[SIDE_INVALID\]: member 2: .*\(column 1\)$/);
    const apart = run('AAPL-L-100% 2000-01-01 2000-12-31', 'MSFT-L-100% 2005-01-01 2005-12-31');
    expect(apart.code).toBe(EXIT_SIMULATION_FAILED);
    expect(apart.err).toMatch(/^error\[NO_COMMON_PERIOD\]: no period is common to every portfolio/);
    expect(run('AAPL-L-100% 2020-01-01 2020-12-31').code).toBe(EXIT_INVALID_COMMAND);
  });

  it('is a subcommand of portofino, with its help', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    expect(await runCli(['compare', '--help'], io)).toBe(EXIT_OK);
    expect(out.join('\n')).toMatch(/^Usage: portofino compare/);
    expect(await runCli(['compare', 'AAPL-L-100% 2020-01-01 2020-12-31', '--csv'], io)).toBe(EXIT_USAGE);
  });
});
