/**
 * A throwaway PostgreSQL server: fresh initdb in a temp dir, free port on 127.0.0.1, fsync off.
 * As root, initdb and pg_ctl run as the `postgres` user (initdb refuses root); otherwise as the
 * current user.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  MissingBinaryError,
  freePort,
  isRoot,
  makeTempDir,
  nextId,
  register,
  removeDir,
  run,
  serviceError,
  unregister,
  which,
} from './util';

export interface PostgresHandle {
  /** postgres://postgres@127.0.0.1:<port>/postgres (superuser, trust auth). */
  url: string;
  port: number;
  /** Temp dir holding data/, the socket and postgres.log; removed by stop(). */
  dir: string;
  logFile: string;
  /** Postmaster PID (a new one after resume()). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: clients are disconnected) and keeps its data, port and directory. */
  halt(): Promise<void>;
  /** Starts a halted server again, on the same port with the same data. */
  resume(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Parent dir for the server's temp dir (default: a new dir under the OS temp dir). */
  parentDir?: string;
  /** Milliseconds to wait for the server to accept connections (default 60 s). */
  timeoutMs?: number;
}

const INSTALL = 'apt-get install -y postgresql';

/** initdb and pg_ctl from the highest /usr/lib/postgresql/<v>/bin, else from PATH. */
export function findPostgresBinaries(): { initdb: string; pgCtl: string; binDir: string } {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = fs
      .readdirSync(root)
      .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => parseFloat(b) - parseFloat(a));
  } catch {
    /* no Debian layout */
  }
  if (versions.length > 0) {
    const binDir = path.join(root, versions[0], 'bin');
    return { initdb: path.join(binDir, 'initdb'), pgCtl: path.join(binDir, 'pg_ctl'), binDir };
  }
  const initdb = which('initdb');
  const pgCtl = which('pg_ctl');
  if (!initdb || !pgCtl) {
    throw new MissingBinaryError(
      'PostgreSQL server binary initdb',
      INSTALL,
      'looked in /usr/lib/postgresql/*/bin and on PATH',
    );
  }
  return { initdb, pgCtl, binDir: path.dirname(initdb) };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new MissingBinaryError(
      "system user 'postgres' (needed because initdb refuses to run as root)",
      `${INSTALL} (it creates the user)`,
    );
  }
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresHandle> {
  const { initdb, pgCtl } = findPostgresBinaries();
  const asRoot = isRoot();
  const runuser = asRoot ? which('runuser') : undefined;
  if (asRoot && !runuser) throw new MissingBinaryError('runuser', 'apt-get install -y util-linux');
  const as = (bin: string, args: string[]): [string, string[]] =>
    asRoot ? [runuser!, ['-u', 'postgres', '--', bin, ...args]] : [bin, args];

  const dir = options.parentDir
    ? fs.mkdtempSync(path.join(options.parentDir, 'postgres-'))
    : fs.mkdtempSync(path.join(makeTempDir('portofino-pg-'), 'postgres-'));
  const ownDir = options.parentDir ? dir : path.dirname(dir);
  fs.chmodSync(dir, 0o755);
  if (asRoot) {
    const { uid, gid } = postgresUser();
    fs.chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const initLog = path.join(dir, 'initdb.log');
  const timeoutMs = options.timeoutMs ?? 60_000;

  const fail = (message: string, log = logFile): Error => {
    const err = serviceError('PostgreSQL', message, log);
    removeDir(ownDir);
    return err;
  };

  if (asRoot) {
    try {
      execFileSync(runuser!, ['-u', 'postgres', '--', 'test', '-w', dir], { stdio: 'ignore' });
    } catch {
      throw fail(
        `the postgres user cannot write ${dir}: every parent dir must be traversable (chmod o+x), or set TMPDIR to such a dir`,
      );
    }
  }

  try {
    const [cmd, args] = as(initdb, [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    await run(cmd, args, { cwd: dir, logFile: initLog, timeoutMs: 120_000 });
  } catch (err) {
    throw fail(`initdb failed: ${(err as Error).message.split('\n')[0]}`, initLog);
  }

  let port = 0;
  let serverOptions = '';
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    serverOptions = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories='${dir}'`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const [cmd, args] = as(pgCtl, [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      String(Math.ceil(timeoutMs / 1000)),
      '-o',
      serverOptions,
      'start',
    ]);
    try {
      await run(cmd, args, { cwd: dir, timeoutMs: timeoutMs + 10_000 });
      break;
    } catch (err) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      if (attempt < 3 && /could not bind|already in use/i.test(log)) continue;
      throw fail(`pg_ctl start failed: ${(err as Error).message.split('\n').slice(-3).join(' | ')}`);
    }
  }

  const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let pid = postmasterPid();
  const id = nextId('postgres');
  // SIGINT to the postmaster = fast shutdown.
  register(id, { pids: [pid], signal: 'SIGINT', dirs: [ownDir] });

  const halt = async (): Promise<void> => {
    const [cmd, args] = as(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
    await run(cmd, args, { cwd: dir, timeoutMs: 40_000 });
  };
  const resume = async (): Promise<void> => {
    const [cmd, args] = as(pgCtl, [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      String(Math.ceil(timeoutMs / 1000)),
      '-o',
      serverOptions,
      'start',
    ]);
    await run(cmd, args, { cwd: dir, timeoutMs: timeoutMs + 10_000 });
    pid = postmasterPid();
    register(id, { pids: [pid], signal: 'SIGINT', dirs: [ownDir] });
  };

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      const [cmd, args] = as(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
      try {
        await run(cmd, args, { cwd: dir, timeoutMs: 40_000 });
      } catch {
        try {
          process.kill(pid, 'SIGQUIT');
        } catch {
          /* already gone */
        }
      }
      unregister(id);
      removeDir(ownDir);
    })());

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    logFile,
    get pid() {
      return pid;
    },
    stop,
    halt,
    resume,
  };
}
