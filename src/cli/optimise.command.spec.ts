import { prepareStudyPlan, runStudy, validateStudySpec } from '../engine';
import { storedStudyResult } from '../modules/study/study.types';
import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { runCli } from './cli';
import { runOptimise } from './optimise.command';
import { EXIT_INVALID_COMMAND, EXIT_OK, EXIT_USAGE } from './simulate.command';

async function run(args: string[], fetchImpl?: typeof fetch) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOptimise(
    args,
    () => loadSamplePrices(),
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    fetchImpl,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ARGS = [
  'AAPL',
  'KO',
  'XOM',
  '--start',
  '2020-01-01',
  '--end',
  '2020-12-31',
  '--candidates',
  '300',
  '--seed',
  '5',
];

/** The same study through the engine in one run: what the command must print. */
async function expected() {
  const study = validateStudySpec({
    tickers: ['AAPL', 'KO', 'XOM'],
    start: '2020-01-01',
    end: '2020-12-31',
    method: 'random',
    candidates: 300,
    seed: 5,
    options: { rebalance: { kind: 'periodic', frequency: 'monthly' } },
  });
  return storedStudyResult(await runStudy(prepareStudyPlan(study, loadSamplePrices()), { chunkSize: 64 }));
}

describe('portofino optimise', () => {
  it('runs the study here and prints the best per objective, the references and the frontier', async () => {
    const { code, out, err } = await run([...ARGS, '--rebalance', 'monthly']);
    expect(err).toBe('');
    expect(code).toBe(EXIT_OK);
    const result = await expected();
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      `AAPL KO XOM: 2020-01-02..2020-12-31 (${result.days} days), ${result.valid} valid candidates`,
    );
    expect(lines[2]).toMatch(/^Portfolio\s+CAGR\s+Volatility\s+Sharpe\s+Max DD\s+Command$/);
    expect(lines[3]).toMatch(/^Max Sharpe\s/);
    expect(lines[3].endsWith(result.best.maxSharpe!.command)).toBe(true);
    expect(out).toContain(`Efficient frontier: ${result.frontier.length} points (volatility against CAGR)`);
    expect(out).toContain(result.references!.riskParity!.command);
  });

  it('prints the whole result as JSON, equal to a single run of the engine', async () => {
    const { code, out } = await run([...ARGS, '--rebalance=monthly', '--json']);
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(await expected())));
  });

  it('refuses a value a command refuses with the parser’s message, and bad arguments with the usage', async () => {
    const refused = await run([...ARGS, '--rebalance', 'montly']);
    expect(refused.code).toBe(EXIT_INVALID_COMMAND);
    expect(refused.err).toContain('error[INVALID_COMMAND] options.rebalance:');
    expect(refused.err).toContain('did you mean rebalance=monthly?');
    const usage = await run(['AAPL', 'KO', '--start', '2020-01-01']);
    expect(usage.code).toBe(EXIT_USAGE);
    expect(usage.err).toMatch(/^--start and --end are required\n\nUsage: portofino optimise/);
    const io = { out: () => undefined, err: () => undefined };
    expect(await runCli(['optimise', '--help'], io)).toBe(EXIT_OK);
  });

  it('with --api, submits the study to the server and prints what it returns', async () => {
    const result = await expected();
    const calls: string[] = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url} ${init?.body ?? ''}`);
      const json = url.endsWith('/studies')
        ? { studyId: 's1', status: 'queued', candidateCount: 300, chunkCount: 1 }
        : { status: 'completed', failureReason: null, result };
      return new Response(JSON.stringify(json), { status: url.endsWith('/studies') ? 202 : 200 });
    }) as typeof fetch;
    const { code, out } = await run([...ARGS, '--api', 'http://server/', '--token', 't', '--json'], fetchImpl);
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(result)));
    expect(calls[0]).toBe(
      'POST http://server/studies {"tickers":["AAPL","KO","XOM"],"start":"2020-01-01","end":"2020-12-31","method":"random","candidates":300,"seed":5}',
    );
    expect(calls[1]).toBe('GET http://server/studies/s1 ');
  });
});
