import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from './server-process';

export interface EmbeddedServer {
  url: string;
  /** The dashboard's root, e.g. http://127.0.0.1:1234/app */
  app: string;
  stop(): Promise<void>;
}

/**
 * The real server (src/main.ts) as `npm start` runs it — SQLite, in-process queue and events, sample prices, the
 * dashboard — in a throw-away directory. For the browser tests and the dashboard benchmark.
 */
export async function startEmbeddedServer(): Promise<EmbeddedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'portofino-embedded-'));
  try {
    const server = await startServerProcess(
      {
        SQLITE_PATH: join(dir, 'portofino.sqlite'),
        JWT_SECRET_FILE: join(dir, 'jwt-secret'),
        REPORTS_DIR: join(dir, 'reports'),
        MARKET_DATA_PROVIDERS: 'sample',
        AUTH_THROTTLE_LIMIT: '1000',
        SERVE_DASHBOARD: 'true',
        LOG_LEVEL: 'warn',
      },
      [],
      // A start took 60 s on the shared 2 cores under load (load average 25); 5 s of CPU.
      { timeoutMs: 150_000 },
    );
    return {
      url: server.url,
      app: `${server.url}/app`,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
