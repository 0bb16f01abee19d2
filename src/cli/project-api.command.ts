import type { ProjectionInputs, ProjectionOutputs } from '../modules/projection/projection.types';
import { formatProjection, PROJECT_USAGE, type ProjectArgs } from './project.command';
import { stringifyJson } from './result-json.serializer';
import { EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE, type CliOutput } from './simulate.command';

export const SIMULATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API's address and the user's token when no flag names them (the CLI's entry point reads the environment). */
export interface ApiDefaults {
  apiUrl?: string;
  token?: string;
}

/** How the command talks to the server and waits: injectable so a test can make time pass. */
export interface ApiClient {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** How often GET /projections/{id} is asked, and for how long at most. */
  pollMs: number;
  timeoutMs: number;
}

const DEFAULT_CLIENT: ApiClient = {
  fetch: (...args) => fetch(...args),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  pollMs: 500,
  timeoutMs: 300_000,
};

/** GET /projections/{id}: the fields the command reads. */
interface ProjectionJson {
  projectionId: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: { phase: string | null; percent: number };
  failureReason: string | null;
  inputs: ProjectionInputs;
  outputs: ProjectionOutputs | null;
}

/** A server answer that is not the expected one, said as the API's error shape says it. */
class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request body: only the options given (the server fills in its defaults and stores them). */
export function projectionBody(args: ProjectArgs): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (args.given.has('paths')) body.paths = args.paths;
  if (args.given.has('years')) body.years = args.years;
  if (args.given.has('seed')) body.seed = args.seed;
  if (args.given.has('method')) body.method = args.method;
  if (args.given.has('block')) body.blockMonths = args.blockMonths;
  if (args.given.has('flow')) body.cashFlow = args.cashFlow;
  if (args.given.has('inflation')) body.inflationRate = args.inflationRate;
  if (args.given.has('target')) body.targetValue = args.targetValue;
  return body;
}

/**
 * `portofino project <simulation id>`: asks the server for a projection of one of the user's completed simulations
 * (POST /history/{id}/projections), follows it (GET /projections/{id}) until it is done, and prints it as the
 * local mode does (or the API's JSON with --json). The exit code.
 */
export async function runProjectApi(
  args: ProjectArgs,
  defaults: ApiDefaults,
  io: CliOutput,
  client: ApiClient = DEFAULT_CLIENT,
): Promise<number> {
  const base = (args.apiUrl ?? defaults.apiUrl ?? '').replace(/\/+$/, '');
  const token = args.token ?? defaults.token;
  if (!base || !/^https?:\/\//.test(base)) {
    io.err(`give the server's address: --api http://host:port (or PORTOFINO_API_URL)\n\n${PROJECT_USAGE}`);
    return EXIT_USAGE;
  }
  if (!token) {
    io.err(
      `give your access token: --token <token> (or PORTOFINO_TOKEN; POST /auth/login gives one)\n\n${PROJECT_USAGE}`,
    );
    return EXIT_USAGE;
  }
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await client.fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiCallError(
        0,
        `the server at ${base} did not answer (${cause?.code ?? cause?.message ?? String(error)})`,
      );
    }
    const json = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    if (!response.ok) {
      throw new ApiCallError(
        response.status,
        `${method} ${path} answered ${response.status}${json?.error ? ` ${json.error}` : ''}: ${json?.message ?? response.statusText}`,
      );
    }
    return json as T;
  };

  try {
    const accepted = await call<{ projectionId: string }>(
      'POST',
      `/history/${encodeURIComponent(args.command)}/projections`,
      projectionBody(args),
    );
    const started = Date.now();
    let projection = await call<ProjectionJson>('GET', `/projections/${accepted.projectionId}`);
    let lastPhase: string | null = null;
    while (projection.status === 'queued' || projection.status === 'running') {
      if (Date.now() - started > client.timeoutMs) {
        io.err(
          `projection ${accepted.projectionId} is still ${projection.status} after ${client.timeoutMs / 1000} s; ` +
            `GET /projections/${accepted.projectionId} later`,
        );
        return EXIT_SIMULATION_FAILED;
      }
      if (!args.json && projection.progress.phase && projection.progress.phase !== lastPhase) {
        lastPhase = projection.progress.phase;
        io.err(`${projection.progress.percent}% ${lastPhase}`);
      }
      await client.sleep(client.pollMs);
      projection = await call<ProjectionJson>('GET', `/projections/${accepted.projectionId}`);
    }
    if (projection.status === 'failed' || !projection.outputs) {
      io.err(`error[PROJECTION_FAILED]: ${projection.failureReason ?? 'the projection failed'}`);
      return EXIT_SIMULATION_FAILED;
    }
    if (args.json) {
      io.out(stringifyJson(projection));
      return EXIT_OK;
    }
    const { inputs, outputs } = projection;
    io.out(
      formatProjection(`Projection ${projection.projectionId} of simulation ${args.command}`, {
        ...outputs,
        seed: inputs.seed,
        method: inputs.method,
        blockMonths: inputs.blockMonths,
        initialValue: inputs.initialValue,
        targetValue: inputs.targetValue,
      }),
    );
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof ApiCallError)) throw error;
    io.err(`error: ${error.message}`);
    return error.status === 400 || error.status === 401 ? EXIT_USAGE : EXIT_SIMULATION_FAILED;
  }
}
