/**
 * Shared by `npm start` and `npm test`: on a fresh clone, install dependencies (offline-friendly settings
 * for this project's machines) and build whatever is older than its sources. Plain Node, no dependencies.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time under `path` (files only), skipping build outputs. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === '.next' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function installEnv() {
  // Native modules (better-sqlite3, argon2) compile against the system's Node headers instead of downloading them.
  const env = { SCARF_ANALYTICS: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  return env;
}

function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && newestMtime(marker) >= newestMtime(lock)) return;
  console.log('Installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund'], installEnv());
}

function ensureServerBuild() {
  const built = newestMtime(join(root, 'dist', 'main.js'));
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'package.json')));
  if (built >= sources) return;
  console.log('Building the server (nest build)…');
  run('npm', ['run', '--silent', 'build:server']);
}

/** Whether the dashboard's build is missing or older than its sources (the client and the engine it imports). */
function clientBuildStale() {
  const built = newestMtime(join(root, 'client', '.next', 'BUILD_ID'));
  const sources = Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'src', 'engine')));
  return built < sources;
}

function ensureClientBuild() {
  if (!clientBuildStale()) return;
  console.log('Building the dashboard (next build)…');
  run('npm', ['run', '--silent', 'build:client'], { NEXT_TELEMETRY_DISABLED: '1' });
}

module.exports = { root, run, ensureDependencies, ensureServerBuild, ensureClientBuild, clientBuildStale };
