'use strict';
/**
 * Detached watchdog for the test-services harness (spawned by test/harness/util.ts).
 *
 * Its stdin is a pipe from the process that started the services. That process sends JSON lines:
 *   {"op":"add","id":"...","pids":[123],"signal":"SIGTERM","dirs":["/tmp/..."],"group":true}
 *   {"op":"del","id":"..."}
 * When the pipe closes (the owner exited, normally or killed with SIGKILL), every service still
 * registered is signalled, given 20 s to exit, then SIGKILLed, and its dirs are removed.
 * Plain JavaScript so it runs with no transpiler.
 */
const fs = require('node:fs');
const { setTimeout } = require('node:timers');

const entries = new Map();
let buffer = '';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* gone */
  }
}

async function reap() {
  const all = [...entries.values()];
  if (all.length === 0) process.exit(0);
  for (const e of all) for (const pid of e.pids) signal(e.group ? -pid : pid, e.signal || 'SIGTERM');
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline && all.some((e) => e.pids.some((pid) => alive(e.group ? -pid : pid)))) {
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const e of all)
    for (const pid of e.pids) if (alive(e.group ? -pid : pid)) signal(e.group ? -pid : pid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  if (process.env.PORTOFINO_KEEP_SERVICE_DIRS !== '1') {
    for (const e of all) {
      for (const dir of e.dirs || []) {
        try {
          fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          /* best effort */
        }
      }
    }
  }
  process.exit(0);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, nl);
    buffer = buffer.slice(nl + 1);
    try {
      const msg = JSON.parse(line);
      if (msg.op === 'add') entries.set(msg.id, msg);
      else if (msg.op === 'del') entries.delete(msg.id);
    } catch {
      /* ignore malformed line */
    }
  }
});
process.stdin.on('end', reap);
process.stdin.on('error', reap);
// The owner may send SIGHUP/SIGINT to its group; we live in our own session, but be safe.
process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);
