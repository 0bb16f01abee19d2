#!/usr/bin/env node
/**
 * The server as the tests start it in its own process (test/support/server-process.ts, the browser tests): src/
 * transpiled file by file — what `ts-node --transpile-only` did at every start, with the same compiler and
 * tsconfig.json, no type check (`npm test` type-checks once, with tsc) — into dist-test/ once, reused until a
 * source changes. A start then loads JavaScript instead of compiling about 480 files again: several seconds of CPU
 * each, and the suites start dozens of servers. dist-test/ sits beside src/ (as dist/ does) so the paths the server
 * finds from its own place (client/, data/, package.json) are the same. `node scripts/test-server-build.js`
 * builds it and prints the path of main.js.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { dirname, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'src');
const OUT = join(ROOT, 'dist-test');
const KEY_FILE = join(OUT, '.source-key');
const LOCK = `${OUT}.lock`;
const LOCK_STALE_MS = 120_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** tsconfig.json's compiler options and the files it compiles (specs excluded, as `nest build` does). */
function project(ts) {
  const configPath = join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, configPath);
  return { options: parsed.options, files: parsed.fileNames.filter((file) => file.startsWith(SOURCE)).sort() };
}

/** Changes with any compiled source, tsconfig.json or the compiler's version. */
function sourceKey(ts, files) {
  const hash = createHash('sha256').update(`typescript ${ts.version}\n`);
  hash.update(fs.readFileSync(join(ROOT, 'tsconfig.json')));
  for (const file of files) hash.update(`\n${relative(ROOT, file)}\n`).update(fs.readFileSync(file));
  return hash.digest('hex');
}

function build(ts, { options, files }, key) {
  const target = `${OUT}.${process.pid}.tmp`;
  fs.rmSync(target, { recursive: true, force: true });
  const compilerOptions = { ...options, sourceMap: true, inlineSources: false, declaration: false, noEmit: false };
  for (const file of files) {
    const out = join(target, relative(SOURCE, file)).replace(/\.ts$/, '.js');
    const result = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    fs.mkdirSync(dirname(out), { recursive: true });
    fs.writeFileSync(out, result.outputText);
    if (result.sourceMapText) fs.writeFileSync(`${out}.map`, result.sourceMapText);
  }
  fs.writeFileSync(join(target, '.source-key'), key);
  // Swap in whole: a reader sees the old build or the new one, never half of one.
  const old = `${OUT}.${process.pid}.old`;
  if (fs.existsSync(OUT)) fs.renameSync(OUT, old);
  fs.renameSync(target, OUT);
  fs.rmSync(old, { recursive: true, force: true });
}

function current(key) {
  try {
    return fs.readFileSync(KEY_FILE, 'utf8') === key;
  } catch {
    return false;
  }
}

/** Builds dist-test/ if a source changed since (one process at a time) and returns the path of its main.js. */
function ensureTestServerBuild() {
  const ts = require('typescript');
  const compiled = project(ts);
  const key = sourceKey(ts, compiled.files);
  const main = join(OUT, 'main.js');
  if (current(key)) return main;
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > deadline || Date.now() - fs.statSync(LOCK).mtimeMs > LOCK_STALE_MS) {
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      sleep(200);
      if (current(key)) return main;
    }
  }
  try {
    if (!current(key)) build(ts, compiled, key);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
  return main;
}

module.exports = { ensureTestServerBuild };

if (require.main === module) console.log(ensureTestServerBuild());
