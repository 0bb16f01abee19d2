/**
 * A throwaway Redis server on a free port of 127.0.0.1, no persistence, ready when it answers PONG.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  MissingBinaryError,
  freePort,
  makeTempDir,
  nextId,
  register,
  removeDir,
  serviceError,
  terminate,
  unregister,
  waitFor,
  which,
} from './util';

export interface RedisHandle {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  dir: string;
  logFile: string;
  /** PID of redis-server (a new one after resume()). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Stops the server and keeps its port; having no persistence, it comes back empty. */
  halt(): Promise<void>;
  /** Starts a halted server again, on the same port (empty). */
  resume(): Promise<void>;
}

export interface StartRedisOptions {
  parentDir?: string;
  timeoutMs?: number;
}

/** Sends a raw PING; true when the server answers +PONG. */
export function pingRedis(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export async function startRedis(options: StartRedisOptions = {}): Promise<RedisHandle> {
  const bin = which('redis-server');
  if (!bin) throw new MissingBinaryError('redis-server', 'apt-get install -y redis-server', 'not on PATH');
  const ownDir = options.parentDir
    ? fs.mkdtempSync(path.join(options.parentDir, 'redis-'))
    : makeTempDir('portofino-redis-');
  const logFile = path.join(ownDir, 'redis.log');
  const timeoutMs = options.timeoutMs ?? 30_000;

  /** Spawns redis-server on `port` and waits for PONG; throws (the process stopped) if it does not answer. */
  const launch = async (port: number, id: string): Promise<ChildProcess> => {
    const log = fs.openSync(logFile, 'a');
    const child = spawn(
      bin,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--dir',
        ownDir,
      ],
      { cwd: ownDir, stdio: ['ignore', log, log], detached: true },
    );
    fs.closeSync(log);
    child.unref();
    let spawnError: Error | undefined;
    child.once('error', (err) => (spawnError = err));
    if (child.pid) register(id, { pids: [child.pid], signal: 'SIGTERM', dirs: [ownDir], group: true });
    try {
      await waitFor(
        () => pingRedis(port),
        timeoutMs,
        () =>
          spawnError
            ? `could not start ${bin}: ${spawnError.message}`
            : child.exitCode !== null || child.signalCode !== null
              ? `redis-server exited with ${child.exitCode ?? child.signalCode} before answering PING`
              : undefined,
      );
      return child;
    } catch (err) {
      await terminate(child, 5_000);
      throw err;
    }
  };

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    fs.writeFileSync(logFile, '');
    const id = nextId('redis');
    let child: ChildProcess;
    try {
      child = await launch(port, id);
    } catch (err) {
      unregister(id);
      const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      if (attempt < 3 && /address already in use/i.test(text)) continue;
      const error = serviceError('Redis', (err as Error).message, logFile);
      removeDir(ownDir);
      throw error;
    }

    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopped ??= (async () => {
        await terminate(child, 10_000);
        unregister(id);
        removeDir(ownDir);
      })());
    // No persistence: a halted Redis comes back empty, as after a restart or a failover without a replica.
    const halt = () => terminate(child, 10_000);
    const resume = async (): Promise<void> => {
      child = await launch(port, id);
    };
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      dir: ownDir,
      logFile,
      get pid() {
        return child.pid!;
      },
      stop,
      halt,
      resume,
    };
  }
}
