import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import type { AppConfig, AppRole } from '../../src/config/app-config';

export interface RunningApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

/** Quiet defaults for tests; the dashboard has its own end-to-end tests. */
const TEST_DEFAULTS = { NODE_ENV: 'test', LOG_LEVEL: 'warn', SERVE_DASHBOARD: 'false', HOST: '127.0.0.1', PORT: '0' };

/** Starts the real application (createApp, as main.ts does) on a free port with exactly `env`. */
export async function startApp(env: Record<string, string> = {}, role?: AppRole): Promise<RunningApp> {
  const { app, config } = await createApp({ env: { ...TEST_DEFAULTS, ...env }, role });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, config, url, close: () => app.close() };
}

/** A temporary directory for an embedded SQLite database, removed by the returned cleanup. */
export function temporarySqlitePath(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'portofino-sqlite-'));
  return { path: join(dir, 'portofino.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
