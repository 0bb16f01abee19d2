import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import {
  ParallelBatchRunner,
  prepareStudyPlan,
  runStudy,
  SimulationError,
  StudyError,
  STUDY_OBJECTIVES,
  validateStudySpec,
  type PriceMatrix,
  type StudyMethod,
  type StudyPortfolio,
} from '../engine';
import { parseStudyOptions } from '../modules/study/study.options';
import { storedStudyResult, type StoredStudyResult, type StudyRequest } from '../modules/study/study.types';
import { formatValue } from './metrics-table.formatter';
import { stringifyJson } from './result-json.serializer';
import { EXIT_INVALID_COMMAND, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE, type CliOutput } from './simulate.command';

export const OPTIMISE_USAGE = `Usage: portofino optimise TICKER TICKER … --start YYYY-MM-DD --end YYYY-MM-DD [options] [--json]

  Searches the weights of 2 to 50 tickers: backtests every candidate portfolio on daily prices with the
  options of a command and prints the best portfolio per objective (each as a command), the reference
  portfolios and the efficient frontier (docs/studies.md).
  --candidates N      sampled portfolios (default 10000)      --method random|dirichlet|grid|both
  --seed N            the same seed gives the same study       --concentration A   Dirichlet α
  --grid-step P       grid step in percent                     --top N             portfolios kept per objective
  --shorts            allow short weights                      --max-holdings K    at most K holdings
  --max-drawdown P    maxCagr: no deeper drawdown than P %      --target-cagr P     minDrawdown: CAGR of at least P %
  --rebalance V --fee V --rf V --contribute V --capital V --benchmark T   as in a command (rebalance=monthly …)
  --api URL --token T submit the study to a PortoFino server (its workers run it) instead of on this machine
  --json              the whole result as JSON

Example: portofino optimise AAPL KO XOM JNJ --start 2010-01-01 --end 2022-12-28 --candidates 20000 --rebalance monthly`;

const VALUE_FLAGS = [
  'start',
  'end',
  'candidates',
  'method',
  'seed',
  'concentration',
  'grid-step',
  'top',
  'max-holdings',
  'max-drawdown',
  'target-cagr',
  'rebalance',
  'fee',
  'rf',
  'contribute',
  'capital',
  'benchmark',
  'api',
  'token',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The arguments as a study request, or a usage error. */
// eslint-disable-next-line complexity -- above the limit when it was set (issue 16): split it when it next changes
export function parseOptimiseArgs(
  args: readonly string[],
):
  | { ok: true; request: StudyRequest; json: boolean; api?: { url: string; token: string } }
  | { ok: false; error: string } {
  const values = new Map<ValueFlag, string>();
  const tickers: string[] = [];
  let json = false;
  let shorts = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--shorts') shorts = true;
    else if (arg.startsWith('--')) {
      const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!(VALUE_FLAGS as readonly string[]).includes(flag)) return { ok: false, error: `unknown flag --${flag}` };
      const value = inline ?? args[++i];
      if (value === undefined) return { ok: false, error: `--${flag} needs a value` };
      values.set(flag as ValueFlag, value);
    } else tickers.push(arg);
  }
  const start = values.get('start');
  const end = values.get('end');
  if (!start || !end) return { ok: false, error: '--start and --end are required' };
  const numberOf = (flag: ValueFlag): number | undefined => (values.has(flag) ? Number(values.get(flag)) : undefined);
  const method = (values.get('method') ?? 'random') as StudyMethod;
  const options = Object.fromEntries(
    (['capital', 'rebalance', 'fee', 'rf', 'benchmark', 'contribute'] as const).flatMap((name) =>
      values.has(name) ? [[name, values.get(name)!]] : [],
    ),
  );
  const maxHoldings = numberOf('max-holdings');
  const maxDrawdownPercent = numberOf('max-drawdown');
  const targetCagrPercent = numberOf('target-cagr');
  const request: StudyRequest = {
    tickers,
    start,
    end,
    method,
    ...(method === 'grid' ? {} : { candidates: numberOf('candidates') ?? 10_000 }),
    ...(values.has('seed') ? { seed: numberOf('seed') } : {}),
    ...(values.has('concentration') ? { concentration: numberOf('concentration') } : {}),
    ...(values.has('grid-step') ? { gridStepPercent: numberOf('grid-step') } : {}),
    ...(values.has('top') ? { topN: numberOf('top') } : {}),
    ...(shorts || maxHoldings !== undefined
      ? {
          constraints: {
            ...(shorts ? { allowShorts: true } : {}),
            ...(maxHoldings !== undefined ? { maxHoldings } : {}),
          },
        }
      : {}),
    ...(maxDrawdownPercent !== undefined || targetCagrPercent !== undefined
      ? { objectives: { maxDrawdownPercent, targetCagrPercent } }
      : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
  const url = values.get('api');
  const token = values.get('token');
  if ((url === undefined) !== (token === undefined)) return { ok: false, error: '--api and --token go together' };
  return { ok: true, request, json, ...(url && token ? { api: { url: url.replace(/\/+$/, ''), token } } : {}) };
}

/**
 * `portofino optimise`: the study on this machine (the engine's runStudy on worker threads, on the given prices:
 * the same result a server gives for the same seed), or submitted to a server with --api; prints; the exit code.
 */
export async function runOptimise(
  args: readonly string[],
  prices: () => PriceMatrix,
  io: CliOutput,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  const parsed = parseOptimiseArgs(args);
  if (!parsed.ok) {
    io.err(`${parsed.error}\n\n${OPTIMISE_USAGE}`);
    return EXIT_USAGE;
  }
  const outcome = parsed.api
    ? await viaApi(parsed.request, parsed.api, fetchImpl)
    : await locally(parsed.request, prices);
  if (!outcome.ok) {
    if (parsed.json) io.out(stringifyJson({ errors: outcome.problems }));
    else
      io.err(
        outcome.problems.map((problem) => `error[${problem.code}] ${problem.field}: ${problem.message}`).join('\n'),
      );
    return outcome.exitCode;
  }
  io.out(parsed.json ? stringifyJson(outcome.result) : formatStudy(outcome.result));
  return EXIT_OK;
}

type Problem = { field: string; code: string; message: string };
type Outcome = { ok: true; result: StoredStudyResult } | { ok: false; problems: Problem[]; exitCode: number };

async function locally(request: StudyRequest, prices: () => PriceMatrix): Promise<Outcome> {
  const options = parseStudyOptions(request.options);
  if (!options.ok) return { ok: false, problems: options.problems, exitCode: EXIT_INVALID_COMMAND };
  const { options: _ignored, ...spec } = request;
  let runner: ParallelBatchRunner | undefined;
  try {
    const study = validateStudySpec({ ...spec, method: request.method ?? 'random', options: options.options });
    const plan = prepareStudyPlan(study, prices());
    runner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), availableParallelism());
    return { ok: true, result: storedStudyResult(await runStudy(plan, { runner })) };
  } catch (error) {
    if (error instanceof StudyError)
      return { ok: false, problems: [...error.problems], exitCode: EXIT_INVALID_COMMAND };
    if (error instanceof SimulationError) {
      return {
        ok: false,
        problems: error.problems.map((p) => ({ field: p.ticker ?? 'tickers', code: p.code, message: p.message })),
        exitCode: EXIT_SIMULATION_FAILED,
      };
    }
    throw error;
  } finally {
    await runner?.close();
  }
}

async function viaApi(
  request: StudyRequest,
  api: { url: string; token: string },
  fetchImpl: typeof fetch,
): Promise<Outcome> {
  const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' };
  const accepted = await fetchImpl(`${api.url}/studies`, { method: 'POST', headers, body: JSON.stringify(request) });
  const body = (await accepted.json()) as { studyId?: string; error?: string; message?: string; details?: Problem[] };
  if (accepted.status !== 202 || !body.studyId) {
    const problems =
      Array.isArray(body.details) && body.details.length > 0 && 'field' in (body.details[0] ?? {})
        ? body.details
        : [{ field: 'request', code: body.error ?? String(accepted.status), message: body.message ?? 'refused' }];
    return { ok: false, problems, exitCode: accepted.status === 422 ? EXIT_INVALID_COMMAND : EXIT_SIMULATION_FAILED };
  }
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const response = await fetchImpl(`${api.url}/studies/${body.studyId}`, { headers });
    const detail = (await response.json()) as {
      status: string;
      failureReason: string | null;
      result: StoredStudyResult | null;
    };
    if (detail.status === 'completed' && detail.result) return { ok: true, result: detail.result };
    if (detail.status === 'failed' || response.status >= 400) {
      return {
        ok: false,
        problems: [
          { field: 'study', code: 'STUDY_FAILED', message: detail.failureReason ?? `HTTP ${response.status}` },
        ],
        exitCode: EXIT_SIMULATION_FAILED,
      };
    }
  }
}

const OBJECTIVE_LABELS: Record<(typeof STUDY_OBJECTIVES)[number], string> = {
  maxSharpe: 'Max Sharpe',
  minVolatility: 'Min volatility',
  maxCagr: 'Max CAGR',
  minDrawdown: 'Min drawdown',
};

/** Best per objective and references as a table, then the frontier in about ten points. */
export function formatStudy(result: StoredStudyResult): string {
  const row = (label: string, portfolio: StudyPortfolio | null): string[] =>
    portfolio
      ? [
          label,
          formatValue(portfolio.summary.cagr, 'percent'),
          formatValue(portfolio.summary.volatility, 'percent'),
          formatValue(portfolio.summary.sharpe, 'ratio'),
          formatValue(portfolio.summary.maxDrawdown, 'percent'),
          portfolio.command,
        ]
      : [label, '-', '-', '-', '-', 'no candidate qualifies'];
  const rows = [
    ['Portfolio', 'CAGR', 'Volatility', 'Sharpe', 'Max DD', 'Command'],
    ...STUDY_OBJECTIVES.map((objective) => row(OBJECTIVE_LABELS[objective], result.best[objective])),
    ...(result.references
      ? [
          row('Equal weight', result.references.equalWeight),
          row('Inverse volatility', result.references.inverseVolatility),
          row('Risk parity', result.references.riskParity),
        ]
      : []),
  ];
  const frontier = result.frontier;
  const step = Math.max(1, Math.ceil(frontier.length / 10));
  const points = frontier.filter((_, index) => index % step === 0 || index === frontier.length - 1);
  const frontierRows = [
    ['Volatility', 'CAGR', 'Sharpe', 'Command'],
    ...points.map((portfolio) => [
      formatValue(portfolio.summary.volatility, 'percent'),
      formatValue(portfolio.summary.cagr, 'percent'),
      formatValue(portfolio.summary.sharpe, 'ratio'),
      portfolio.command,
    ]),
  ];
  return [
    `${result.tickers.join(' ')}: ${result.firstDate}..${result.lastDate} (${result.days} days), ${result.valid} valid candidates`,
    '',
    table(rows),
    '',
    `Efficient frontier: ${frontier.length} points (volatility against CAGR)`,
    table(frontierRows),
  ].join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows
    .map((cells) =>
      cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '),
    )
    .join('\n');
}
