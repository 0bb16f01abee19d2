/**
 * Bench-only preload (node -r): measures how long this process's main thread (its event loop) is held by
 * synchronous work. perf_hooks' monitorEventLoopDelay gives the delay distribution; a 5 ms timer chain records
 * every stall, a timer that fired more than STALL_MS late (the longest synchronous slice that held it). On SIGUSR2
 * it writes what it saw since the previous SIGUSR2 as JSON to BENCH_EVENT_LOOP_FILE and starts again, so the
 * bench can bracket a measured window. Nothing here runs unless a bench starts the server with
 * `-r bench/support/event-loop-probe.cjs`.
 */
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const { setTimeout } = require('node:timers');

const TICK_MS = 5;
const STALL_MS = 10;
const file = process.env.BENCH_EVENT_LOOP_FILE;

const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
histogram.enable();
let stalls = [];
let window = 0;

let expected = performance.now() + TICK_MS;
const tick = () => {
  const now = performance.now();
  const late = now - expected;
  if (late > STALL_MS) stalls.push(late);
  expected = now + TICK_MS;
  setTimeout(tick, TICK_MS).unref();
};
setTimeout(tick, TICK_MS).unref();

process.on('SIGUSR2', () => {
  window++;
  const ms = (ns) => ns / 1e6;
  const report = {
    window,
    delayMs: {
      mean: ms(histogram.mean),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
    },
    stallsOver10Ms: stalls.length,
    stallsOver25Ms: stalls.filter((late) => late > 25).length,
    stallsOver50Ms: stalls.filter((late) => late > 50).length,
    longestStallMs: stalls.reduce((a, b) => Math.max(a, b), 0),
    stalledMs: stalls.reduce((a, b) => a + b, 0),
  };
  histogram.reset();
  stalls = [];
  if (file) writeFileSync(file, JSON.stringify(report));
});
