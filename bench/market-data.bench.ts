/**
 * Cached 33-year series through MarketDataService.getPrices (AAPL, sample data, 1990-01-02..2022-12-28):
 * first request (store + cache) once, then the median and p95 of repeated requests served from the cache.
 * Memory cache by default; with --redis=redis://host:port (e.g. from `npm run services`) the Redis cache.
 *
 *   npx ts-node --transpile-only -P tsconfig.json bench/market-data.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { MarketDataService } from '../src/modules/market-data/market-data.service';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'portofino-bench-'));
  const redisUrl = process.argv.find((arg) => arg.startsWith('--redis='))?.slice(8);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    SERVE_DASHBOARD: 'false',
    SQLITE_PATH: join(dir, 'bench.sqlite'),
    MARKET_DATA_PROVIDERS: 'sample',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const { module } = await AppModule.forRoot({ env });
  const app = await NestFactory.createApplicationContext(module, { logger: ['error'] });
  const service = app.get(MarketDataService);
  const range = { start: '1990-01-01', end: '2022-12-31' };
  let started = performance.now();
  const first = await service.getPrices('AAPL', range);
  const firstMs = performance.now() - started;
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    started = performance.now();
    const served = await service.getPrices('AAPL', range);
    samples.push(performance.now() - started);
    if (served.series.dates.length !== first.series.dates.length) throw new Error('series changed');
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.floor(q * (samples.length - 1))].toFixed(3);
  console.log(
    `cache=${redisUrl ? 'redis' : 'memory'} days=${first.series.dates.length} first=${firstMs.toFixed(1)} ms ` +
      `cached: median=${at(0.5)} ms p95=${at(0.95)} ms max=${at(1)} ms (n=${samples.length})`,
  );
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
