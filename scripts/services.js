#!/usr/bin/env node
'use strict';
/**
 * `npm run services [-- postgres redis kafka]`: starts throwaway PostgreSQL, Redis and Kafka for
 * local development (the same code as the integration-test harness, test/harness/), prints the
 * lines to paste into .env, and stops everything on Ctrl-C. Data lives in a temp dir and is
 * removed on exit. No Docker needed: see test/harness/README.md for what must be installed.
 */
const path = require('node:path');
const fs = require('node:fs');
const { URL } = require('node:url');
const { setInterval } = require('node:timers');

function loadHarness() {
  const harness = path.join(__dirname, '..', 'test', 'harness');
  // A compiled copy (services.js beside services.ts) wins; otherwise transpile on the fly.
  if (fs.existsSync(path.join(harness, 'services.js'))) return require(path.join(harness, 'services.js'));
  try {
    require('ts-node').register({
      transpileOnly: true,
      skipProject: true, // the app's tsconfig is irrelevant here
      compilerOptions: { module: 'commonjs', moduleResolution: 'bundler', target: 'es2022', esModuleInterop: true },
    });
  } catch {
    // No ts-node: a minimal hook on the TypeScript compiler itself.
    let ts;
    try {
      ts = require('typescript');
    } catch {
      console.error('services: needs the dev dependencies (ts-node or typescript): run `npm install` first.');
      process.exit(1);
    }
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const { outputText } = ts.transpileModule(source, {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(outputText, filename);
    };
  }
  return require(path.join(harness, 'services.ts'));
}

async function main() {
  const { startServices, ALL_SERVICES } = loadHarness();
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log('usage: npm run services [-- postgres redis kafka]   (default: all three)');
    return;
  }
  const unknown = args.filter((a) => !ALL_SERVICES.includes(a));
  if (unknown.length) {
    console.error(`services: unknown service(s) ${unknown.join(', ')}; choose from ${ALL_SERVICES.join(', ')}`);
    process.exit(2);
  }
  const only = args.length ? args : ALL_SERVICES;

  console.error(`services: starting ${only.join(', ')} ...`);
  const t0 = Date.now();
  let services;
  try {
    services = await startServices({ only, useExternal: false });
  } catch (err) {
    console.error(`services: ${err.message}`);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.error(`\nservices: ${signal}, stopping ...`);
    await services.stop();
    console.error('services: stopped, temp data removed');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  let databaseUrl = services.databaseUrl;
  if (databaseUrl) {
    // A database of its own named like the app, rather than the maintenance database.
    const { Client } = require('pg');
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('CREATE DATABASE portofino');
    await client.end();
    const url = new URL(databaseUrl);
    url.pathname = '/portofino';
    databaseUrl = url.toString();
  }

  const times = Object.entries(services.info)
    .map(([name, i]) => `${name} ${(i.startMs / 1000).toFixed(1)} s`)
    .join(', ');
  console.error(`services: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${times}); data in ${services.dir}`);
  console.error('services: paste into .env (Ctrl-C stops the services and throws the data away):\n');
  if (databaseUrl) console.log(`DATABASE_URL=${databaseUrl}`);
  if (services.redisUrl) console.log(`REDIS_URL=${services.redisUrl}`);
  if (services.kafkaBrokers) console.log(`KAFKA_BROKERS=${services.kafkaBrokers.join(',')}`);
  const reuse = [
    services.databaseUrl && `TEST_DATABASE_URL=${services.databaseUrl}`,
    services.redisUrl && `TEST_REDIS_URL=${services.redisUrl}`,
    services.kafkaBrokers && `TEST_KAFKA_BROKERS=${services.kafkaBrokers.join(',')}`,
  ].filter(Boolean);
  console.error(`\n# integration tests can reuse them: ${reuse.join(' ')} npm run test:integration`);
  for (const [name, i] of Object.entries(services.info)) console.error(`# ${name} log: ${i.logFile}`);

  // Keep the process alive until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((err) => {
  console.error(`services: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
