#!/usr/bin/env node
/**
 * `npm start`: installs what is missing, builds what is stale, then serves API + dashboard on one port
 * (default 8000) with embedded defaults: SQLite, in-process queue and events, bundled sample prices.
 * Arguments pass through, e.g. `npm start -- --role=worker`.
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { root, ensureDependencies, ensureServerBuild, ensureClientBuild } = require('./ensure-ready');

ensureDependencies();
ensureServerBuild();
ensureClientBuild();

const server = spawn(process.execPath, [join(root, 'dist', 'main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', LOG_FORMAT: 'pretty', NEXT_TELEMETRY_DISABLED: '1', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
