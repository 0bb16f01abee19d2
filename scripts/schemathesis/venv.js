#!/usr/bin/env node
/**
 * The pinned Schemathesis of the test suite (requirements.txt), in a Python virtual environment of its own under
 * ${PORTOFINO_CACHE:-~/.cache/portofino}/schemathesis-<hash of requirements.txt>: made once (about 20 s, from
 * PyPI), reused until requirements.txt changes. Python is a test tool here, never a runtime dependency.
 * `node scripts/schemathesis/venv.js` makes it and prints the path of the `schemathesis` command.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');

const REQUIREMENTS = join(__dirname, 'requirements.txt');
const LOCK_WAIT_MS = 180_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function run(command, args, hint) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n` +
        `${result.stdout ?? ''}${result.stderr ?? ''}${hint ? `\n${hint}` : ''}`,
    );
  }
}

/** Makes the environment if it is missing (one process at a time) and returns the schemathesis executable. */
function ensureSchemathesis() {
  const hash = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex').slice(0, 12);
  const cache = process.env.PORTOFINO_CACHE || join(homedir(), '.cache', 'portofino');
  const dir = join(cache, `schemathesis-${hash}`);
  const executable = join(dir, 'bin', 'schemathesis');
  const complete = join(dir, '.complete');
  if (existsSync(complete)) return executable;
  mkdirSync(cache, { recursive: true });
  // A virtual environment cannot be moved once made (its scripts name their own path): a lock, not a rename.
  const lock = `${dir}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(complete)) return executable;
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long: remove it if no test is running`);
      sleep(250);
    }
  }
  try {
    if (existsSync(complete)) return executable;
    rmSync(dir, { recursive: true, force: true });
    run(
      'python3',
      ['-m', 'venv', dir],
      'Python 3 with venv is needed for the OpenAPI conformance test: apt-get install -y python3-venv',
    );
    run(join(dir, 'bin', 'pip'), [
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-input',
      '-r',
      REQUIREMENTS,
    ]);
    writeFileSync(complete, `${new Date().toISOString()}\n`);
    return executable;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureSchemathesis };

if (require.main === module) {
  const started = Date.now();
  const executable = ensureSchemathesis();
  console.log(`${executable} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
