/**
 * Shared plumbing for the real-services harness: binaries, free ports, log tails, temp dirs,
 * waiting, and the child-process registry that makes sure no service outlives the process that
 * started it (exit/SIGINT/SIGTERM handlers plus a detached watchdog for a hard kill).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Thrown when a service binary is missing; the message says what to install. */
export class MissingBinaryError extends Error {
  constructor(binary: string, install: string, detail = '') {
    super(
      `${binary} not found${detail ? ` (${detail})` : ''}. Install it: ${install}` +
        ' (or point the harness at an existing service with the TEST_* variables, see test/harness/README.md).',
    );
    this.name = 'MissingBinaryError';
  }
}

/** Executable `name` on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Last `lines` lines of a log file ('' if it does not exist). */
export function tail(file: string, lines = 40): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n')
      .trimEnd();
  } catch {
    return '';
  }
}

/** An Error for a service that failed, with the tail of its log. */
export function serviceError(service: string, message: string, logFile?: string): Error {
  const logTail = logFile ? tail(logFile) : '';
  const kept =
    process.env.PORTOFINO_KEEP_SERVICE_DIRS === '1' ? 'kept' : 'removed; PORTOFINO_KEEP_SERVICE_DIRS=1 keeps it';
  const where = logFile ? `\n--- last lines of ${logFile} (${kept}) ---\n${logTail || '(empty)'}\n---` : '';
  return new Error(`${service}: ${message}${where}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const handedOut = new Set<number>();

function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** True when nothing listens on 127.0.0.1:port and we may bind it. */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await close(await listenOn(port));
    return true;
  } catch {
    return false;
  }
}

/**
 * `count` distinct free ports on 127.0.0.1, picked by binding port 0 (all held open together so
 * they differ), never handed out twice by this process, each re-checked free after release.
 */
export async function freePorts(count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const servers: net.Server[] = [];
    const picked: number[] = [];
    try {
      while (picked.length < count) {
        const server = await listenOn(0);
        servers.push(server);
        const port = (server.address() as net.AddressInfo).port;
        if (!handedOut.has(port) && !picked.includes(port)) picked.push(port);
      }
    } finally {
      await Promise.all(servers.map(close));
    }
    const free = await Promise.all(picked.map(isPortFree));
    if (free.every(Boolean)) {
      picked.forEach((p) => handedOut.add(p));
      return picked;
    }
  }
  throw new Error(`could not find ${count} free ports on 127.0.0.1`);
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0];
}

/** Base temp dir for harness runs; parents must be traversable by the postgres user. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export function removeDir(dir: string | undefined): void {
  if (!dir || process.env.PORTOFINO_KEEP_SERVICE_DIRS === '1') return;
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves with the exit code (or signal) of a child, or immediately if it has already exited. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** Signals a child; its whole process group too when it was spawned detached (a group leader). */
function signalChild(child: ChildProcess, signal: NodeJS.Signals, group: boolean): void {
  try {
    if (group && child.pid) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * SIGTERM (or `signal`) the exact child (and its process group when `group`), wait up to `graceMs`,
 * then SIGKILL and wait.
 */
export async function terminate(
  child: ChildProcess,
  graceMs: number,
  signal: NodeJS.Signals = 'SIGTERM',
  group = true,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    if (group) signalChild(child, 'SIGKILL', true); // leftovers in its group, if any
    return;
  }
  const done = exited(child);
  signalChild(child, signal, group);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    done.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    signalChild(child, 'SIGKILL', group);
    await done;
  } else if (group) {
    signalChild(child, 'SIGKILL', true);
  }
}

/** Polls `check` every `intervalMs` until it returns true; fails after `timeoutMs` or if `abort` says why. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  abort: () => string | undefined = () => undefined,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = abort();
    if (why) throw new Error(why);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(intervalMs);
  }
}

/** Runs a command to completion; resolves with its combined output, rejects with it on failure. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; logFile?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const append = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.logFile) fs.appendFileSync(options.logFile, chunk);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          output += `\n(killed after ${options.timeoutMs} ms)`;
        }, options.timeoutMs)
      : undefined;
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`${command}: ${err.message}`), { output }));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          Object.assign(
            new Error(`${[command, ...args].join(' ')} exited with ${code ?? signal}\n${output.trimEnd()}`),
            { output },
          ),
        );
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Process registry: nothing we start may outlive us.
// ---------------------------------------------------------------------------------------------

/** What to do with a registered service if its owner dies without stopping it. */
export interface Reapable {
  /** PIDs to signal. */
  pids: number[];
  /** Signal to send first (SIGTERM; SIGINT for the postmaster = fast shutdown). */
  signal: NodeJS.Signals;
  /** Dirs to remove once the PIDs are gone. */
  dirs: string[];
  /** Signal each PID's whole process group (PIDs are group leaders, spawned detached). */
  group?: boolean;
}

const registry = new Map<string, Reapable>();
let watchdog: ChildProcess | undefined;
let handlersInstalled = false;

function send(message: object): void {
  if (!watchdog?.stdin || watchdog.stdin.destroyed) return;
  try {
    watchdog.stdin.write(JSON.stringify(message) + '\n');
  } catch {
    /* watchdog gone: the exit handlers still cover a normal exit */
  }
}

function startWatchdog(): void {
  if (watchdog && watchdog.exitCode === null && watchdog.stdin && !watchdog.stdin.destroyed) return;
  const script = path.join(__dirname, 'watchdog.js');
  if (!fs.existsSync(script)) return;
  watchdog = spawn(process.execPath, [script], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  watchdog.on('error', () => undefined);
  watchdog.stdin!.on('error', () => undefined);
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void }).unref?.();
}

function killAllNow(): void {
  for (const entry of registry.values()) {
    for (const pid of entry.pids) {
      try {
        process.kill(entry.group ? -pid : pid, entry.signal);
      } catch {
        /* already gone */
      }
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  killAllNow();
  process.removeListener(signal, onSignal);
  // Nobody else handles this signal: keep the default behaviour (terminate) after cleaning up.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as NodeJS.Signals[]) process.on(signal, onSignal);
}

/** Registers a running service so it is killed if this process exits or is killed. */
export function register(id: string, entry: Reapable): void {
  installHandlers();
  startWatchdog();
  registry.set(id, entry);
  send({ op: 'add', id, ...entry });
}

export function unregister(id: string): void {
  registry.delete(id);
  send({ op: 'del', id });
  if (registry.size === 0 && watchdog) {
    // Nothing left to guard: let the watchdog exit.
    watchdog.stdin?.end();
    watchdog = undefined;
  }
}

let counter = 0;
export function nextId(kind: string): string {
  return `${kind}-${process.pid}-${++counter}`;
}
