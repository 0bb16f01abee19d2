import { parseCommandOrThrow } from '../engine/command/command.parser';
import { projectMonteCarlo } from '../engine/analysis/monte-carlo';
import { projectionHistoryOf } from '../engine/analysis/projection-history';
import { simulatePortfolio } from '../engine/simulation/portfolio.simulator';
import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { runCli } from './cli';
import { parseProjectArgs } from './project.command';
import { EXIT_OK, EXIT_USAGE } from './simulate.command';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['project', ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const COMMAND = 'AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28';

describe('portofino project', () => {
  it('projects the backtest with the engine, the same seed giving the same answer', async () => {
    const args = [COMMAND, '--paths', '500', '--years', '10', '--seed', '7', '--flow', '-4%/year', '--json'];
    const first = await run(...args);
    expect(first.code).toBe(EXIT_OK);
    expect((await run(...args)).out).toBe(first.out);
    const json = JSON.parse(first.out);
    const history = projectionHistoryOf(simulatePortfolio(parseCommandOrThrow(COMMAND).command, loadSamplePrices()));
    const expected = projectMonteCarlo(history.returns, {
      paths: 500,
      years: 10,
      seed: 7,
      method: 'monthly',
      initialValue: history.initialValue,
      cashFlow: { kind: 'percent', rate: -0.04, period: 'year' },
      inflationRate: 0,
    });
    expect(json.finalValue.percentiles).toEqual(Array.from(expected.finalValue.percentiles));
    expect(json.probabilityPositive).toBe(expected.probabilityPositive);
    expect(json.valueBands).toHaveLength(7);
  });

  it('says it in words', async () => {
    const { code, out } = await run(COMMAND, '--paths', '200', '--years', '5', '--method', 'block', '--block', '6');
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(
      /^200 paths × 5 years from [\d,.]+, blocks of 6 months from \d+ complete months \(seed 1\)\.$/m,
    );
    expect(out).toMatch(/^In \d+ of 200 paths the money lasted 5 years\.$/m);
    expect(out).toMatch(/^Final value( +[\d,.]+){7}$/m);
  });

  it('names a wrong flag or value, and an option the engine refuses', async () => {
    expect(parseProjectArgs([COMMAND, '--flow', '4000'])).toBe(
      '--flow must look like -4000/year or -4%/month, got "4000"',
    );
    expect(parseProjectArgs([COMMAND, '--method', 'daily'])).toBe('--method must be monthly or block, got "daily"');
    expect(parseProjectArgs([COMMAND, '--speed', '2'])).toBe('unknown flag --speed');
    const refused = await run(COMMAND, '--paths', '20000');
    expect(refused.code).toBe(EXIT_USAGE);
    expect(refused.err).toMatch(/^error\[INVALID_OPTION\]: paths must be a whole number from 1 to 10000, got 20000/);
  });
});
