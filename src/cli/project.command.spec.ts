import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { parseCommandOrThrow } from '../engine/command/command.parser';
import { projectMonteCarlo } from '../engine/analysis/monte-carlo';
import { projectionHistoryOf } from '../engine/analysis/projection-history';
import { simulatePortfolio } from '../engine/simulation/portfolio.simulator';
import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { runCli } from './cli';
import { projectionBody } from './project-api.command';
import { bandYears, parseProjectArgs } from './project.command';
import { EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE } from './simulate.command';

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

  it('prints the bands by year, the horizon last', async () => {
    const { out } = await run(COMMAND, '--paths', '200', '--years', '7', '--seed', '3');
    expect(out).toMatch(/^Value by year +p5 +p10 +p25 +p50 +p75 +p90 +p95$/m);
    expect(out.match(/^year \d+( +[\d,.]+){7}$/gm)?.map((line) => line.split(/ +/)[1])).toEqual(['2', '4', '6', '7']);
    expect(bandYears(30)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(bandYears(1)).toEqual([1]);
  });

  it('reads --withdraw as a negative flow, and refuses it with --flow or a sign', () => {
    const parsed = parseProjectArgs([COMMAND, '--withdraw', '4000/year', '--indexed']);
    expect(typeof parsed !== 'string' && parsed.cashFlow).toEqual({
      kind: 'amount',
      amount: -4000,
      period: 'year',
      inflationIndexed: true,
    });
    expect(typeof parsed !== 'string' && [...parsed.given].sort()).toEqual(['flow', 'indexed', 'withdraw']);
    expect(parseProjectArgs([COMMAND, '--withdraw', '-4%/year'])).toBe(
      '--withdraw must look like 4000/year or 4%/month (a positive amount), got "-4%/year"',
    );
    expect(parseProjectArgs([COMMAND, '--withdraw', '4%/year', '--flow', '-1%/year'])).toBe(
      'give --flow or --withdraw, not both',
    );
  });

  describe('with a simulation id (on a server)', () => {
    const ID = '4f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';

    it('asks for the server’s address and a token', async () => {
      const noUrl = await run(ID);
      expect(noUrl.code).toBe(EXIT_USAGE);
      expect(noUrl.err).toMatch(/^give the server's address: --api http:\/\/host:port \(or PORTOFINO_API_URL\)/);
      const noToken = await run(ID, '--api', 'http://127.0.0.1:9');
      expect(noToken.code).toBe(EXIT_USAGE);
      expect(noToken.err).toMatch(/^give your access token: --token <token>/);
    });

    it('says so when the server does not answer', async () => {
      // A port that was free a moment ago: nothing listens on it.
      const server = createServer().listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      server.close();
      await once(server, 'close');
      const { code, err } = await run(ID, '--api', `http://127.0.0.1:${port}`, '--token', 'abc');
      expect(code).toBe(EXIT_SIMULATION_FAILED);
      expect(err).toBe(`error: the server at http://127.0.0.1:${port} did not answer (ECONNREFUSED)`);
    });

    it('sends only the options given: the server keeps its own defaults', () => {
      const parsed = parseProjectArgs([ID, '--years', '20', '--withdraw', '4%/year', '--seed', '0']);
      expect(typeof parsed !== 'string' && projectionBody(parsed)).toEqual({
        years: 20,
        seed: 0,
        cashFlow: { kind: 'percent', rate: -0.04, period: 'year' },
      });
    });
  });
});
