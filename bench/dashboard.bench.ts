/**
 * Dashboard benchmark, in Debian's Chromium against the real server in embedded mode (the dashboard must be built:
 * `npm run build:client`, which `npm test`/`npm start` do):
 *  - time to interactive of a results page holding 33 years of daily data (20 assets, 1990–2022, monthly
 *    rebalancing, benchmark ^GSPC): from navigation start until the metrics and every chart are drawn and the main
 *    thread had its last long task (> 50 ms), median of BENCH_RUNS warm loads plus the first, cold one;
 *  - the workspace route's first-load JS: every script the signed-in workspace (/app) loads with an empty cache
 *    until the network is idle, gzip-compressed, summed (the live preview's code and its engine worker load later,
 *    once a command parses), and the part of it loaded before the first paint; the same for the other pages;
 *  - the live preview of the same command (issue 20): from a keystroke in the editor (and an arrow key on a weight
 *    slider) until the preview shows the new command's result, as the page sees it (the DOM updated) and until the
 *    next frame is painted, median, p90 and p95 of BENCH_KEYS keystrokes; the worker's own time; the time to the
 *    first preview with the prices from the network (cold) and from IndexedDB (reload); the page's JS heap before
 *    and after typing (BENCH_KEYS=250: after 500 keystrokes).
 *   npm run bench:dashboard   (BENCH_RUNS=7, BENCH_KEYS=40; BENCH_TRACE=1 adds where the page's main thread spent
 *   its time per editor key, from a Chromium performance trace; BENCH_PROFILE=1 its JavaScript by function)
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/playwright.config';
import { startEmbeddedServer } from '../test/support/embedded-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TICKERS = 'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'.split(' ');
const COMMAND = `${TICKERS.map((ticker) => `${ticker}-L-5%`).join(' ')} 1990-01-02 2022-12-28 rebalance=monthly benchmark=^GSPC`;
const PASSWORD = 'correct horse battery staple 7';
/** Charts on a results page (uPlot canvases) that must be drawn before the page counts as interactive. */
const CHARTS = Number(process.env.BENCH_CHARTS ?? 4);

const KEYS = Number(process.env.BENCH_KEYS ?? 40);
/** BENCH_PROFILE=1: a CPU profile of the page while the editor keys are typed, its top functions printed. */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** BENCH_TRACE=1: a Chromium performance trace while the editor keys are typed, the main thread's time by kind. */
const TRACE = process.env.BENCH_TRACE === '1';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the work cost whatever else the machine ran. */
  tdur?: number;
  args?: { name?: string };
}

/**
 * The renderer main thread's time in the trace, by the kind of work (self time of each trace event: a FunctionCall's
 * own JavaScript without the layout it forced, which counts as Layout), per key: wall time, and CPU time (less
 * sensitive to the machine's load).
 */
function mainThreadBreakdown(trace: { traceEvents: TraceEvent[] }, keys: number): string {
  const events = trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(thread)) continue;
    const list = byThread.get(thread) ?? [];
    list.push(event);
    byThread.set(thread, list);
  }
  const self = new Map<string, { wall: number; cpu: number }>();
  const add = (name: string, wall: number, cpu: number) => {
    const sum = self.get(name) ?? { wall: 0, cpu: 0 };
    self.set(name, { wall: sum.wall + wall, cpu: sum.cpu + cpu });
  };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const open: { end: number; name: string }[] = [];
    for (const event of list) {
      const end = event.ts + (event.dur ?? 0);
      while (open.length > 0 && open[open.length - 1].end <= event.ts) open.pop();
      const parent = open[open.length - 1];
      if (parent) add(parent.name, -(event.dur ?? 0), -(event.tdur ?? 0));
      add(event.name, event.dur ?? 0, event.tdur ?? 0);
      open.push({ end, name: event.name });
    }
  }
  const sums = [...self.values()];
  const wall = sums.reduce((sum, one) => sum + one.wall, 0);
  const cpu = sums.reduce((sum, one) => sum + one.cpu, 0);
  const perKey = (us: number) => (us / 1000 / keys).toFixed(2).padStart(7);
  return (
    [...self.entries()]
      .sort((a, b) => b[1].wall - a[1].wall)
      .slice(0, 16)
      .map(
        ([name, sum]) =>
          `    ${perKey(sum.wall)} ms a key (CPU ${perKey(sum.cpu)}) ${((100 * sum.wall) / wall).toFixed(1).padStart(5)} %  ${name}`,
      )
      .join('\n') + `\n    ${perKey(wall)} ms a key (CPU ${perKey(cpu)}) in all (${keys} keys)`
  );
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

/** The 15 functions the profile saw most often on top of the stack, with their share of the samples. */
function topFunctions(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const name = frame
      ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`
      : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // The same by script (minified names say little; a chunk says which library it is).
  const byScript = new Map<string, number>();
  for (const [name, ms] of self) {
    const script = name.split(' ')[1]?.split(':')[0] || name;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const lines = (entries: Map<string, number>, count: number) =>
    [...entries.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([name, ms]) => `    ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`,
      )
      .join('\n');
  return `${lines(self, 15)}\n  by script:\n${lines(byScript, 10)}`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * share)];
const p90 = (values: number[]) => percentile(values, 0.9);
const p95 = (values: number[]) => percentile(values, 0.95);
const PREVIEW = '[data-testid="live-preview"]';

/**
 * Page-side probes (strings: this file is type-checked without the DOM library): the time of each keydown, and for
 * each result the preview shows, when its DOM changed and when the frame after it was painted.
 */
const PREVIEW_PROBE = `(() => {
  window.__keyAt = 0;
  window.__shown = [];
  document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, true);
  const preview = document.querySelector('${PREVIEW}');
  new MutationObserver(() => {
    if (preview.getAttribute('data-state') !== 'current') return;
    const seen = performance.now();
    const entry = { command: preview.getAttribute('data-command'), computeMs: Number(preview.getAttribute('data-compute-ms')),
      key: window.__keyAt, seen, painted: 0 };
    window.__shown.push(entry);
    requestAnimationFrame(() => setTimeout(() => { entry.painted = performance.now(); }, 0));
  }).observe(preview, { attributes: true, attributeFilter: ['data-command', 'data-state', 'data-compute-ms'] });
  return true;
})()`;

interface Shown {
  command: string;
  computeMs: number;
  key: number;
  seen: number;
  painted: number;
}

/** Presses `key` and waits until the preview shows a result for a command other than `previous`, painted. */
async function previewAfterKey(page: Page, key: string, previous: string): Promise<Shown> {
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    `(() => { const hit = window.__shown.find((s) => s.key === window.__keyAt && s.command !== ${JSON.stringify(previous)} && s.painted > 0);
      return hit ? JSON.stringify(hit) : false; })()`,
    undefined,
    // Not every frame: the probe keeps its own times, and polling would add to the main thread's work measured.
    { polling: 100, timeout: 30_000 },
  );
  return JSON.parse((await handle.jsonValue()) as string) as Shown;
}

interface KeyFigures {
  seen: number[];
  painted: number[];
  computeMs: number[];
  /** The page's main thread busy in all, for every key (CPU it used, whatever else the machine runs). */
  mainThreadMs: number;
}

/** The page's main thread: seconds it has been busy with tasks (script, style, layout, paint) so far. */
async function mainThreadBusy(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

async function measureKeys(page: Page, cdp: CDPSession, keys: string[]): Promise<KeyFigures> {
  const figures: KeyFigures = { seen: [], painted: [], computeMs: [], mainThreadMs: 0 };
  const busyBefore = await mainThreadBusy(cdp);
  let previous = (await page.locator(PREVIEW).getAttribute('data-command')) ?? '';
  for (const key of keys) {
    const shown = await previewAfterKey(page, key, previous);
    figures.seen.push(shown.seen - shown.key);
    figures.painted.push(shown.painted - shown.key);
    figures.computeMs.push(shown.computeMs);
    previous = shown.command;
  }
  figures.mainThreadMs = ((await mainThreadBusy(cdp)) - busyBefore) * 1000;
  return figures;
}

const describeKeys = (figures: KeyFigures) =>
  `DOM updated median ${median(figures.seen).toFixed(1)} ms (p90 ${p90(figures.seen).toFixed(1)}, p95 ` +
  `${p95(figures.seen).toFixed(1)}), painted median ${median(figures.painted).toFixed(1)} ms (p90 ` +
  `${p90(figures.painted).toFixed(1)}, p95 ${p95(figures.painted).toFixed(1)}, max ` +
  `${Math.max(...figures.painted).toFixed(1)}); worker median ${median(figures.computeMs).toFixed(1)} ms; main ` +
  `thread busy ${(figures.mainThreadMs / figures.seen.length).toFixed(1)} ms a key`;

/** Milliseconds from navigation start until the preview shows the linked command's result. */
async function firstPreview(page: Page, url: string, command: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    `(() => { const p = document.querySelector('${PREVIEW}');
      return p && p.getAttribute('data-state') === 'current' && p.getAttribute('data-command') === ${JSON.stringify(command)}
        ? performance.now() : false; })()`,
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function signIn(page: Page, app: string, email: string): Promise<void> {
  await page.goto(`${app}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Milliseconds from navigation start until metrics and charts are drawn and the last long task has ended. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // Page-side code as strings: this file is type-checked without the DOM library.
  const readyAt = await page.waitForFunction(
    `document.querySelector('[data-testid="metric-cagr"]') && document.querySelectorAll('canvas').length >= ${CHARTS}
      ? performance.now() : false`,
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ready = (await readyAt.jsonValue()) as number;
  await page.waitForTimeout(1_000); // long tasks still running at "ready" are counted when they end
  const lastLongTaskEnd = (await page.evaluate('Math.max(0, ...(window.__longTasks ?? []))')) as number;
  return Math.max(ready, lastLongTaskEnd);
}

/** Pages measured beside the workspace (the results page too, with the bench's simulation). */
const OTHER_PAGES = ['/history', '/studies', '/prices', '/account'];

interface FirstLoadJs {
  /** Every script the page loaded until the network was idle, gzipped. */
  kb: number;
  scripts: number;
  /** Those whose download ended before the first contentful paint. */
  beforePaintKb: number;
}

/**
 * The scripts a page loads with an empty cache, signed in, until the network is idle (after `ready`): gzipped,
 * summed, and the part of them that was there before the first paint. Nothing is clicked or focused.
 */
async function firstLoadJs(
  browser: Browser,
  app: string,
  email: string,
  path: string,
  ready?: (page: Page) => Promise<void>,
): Promise<FirstLoadJs> {
  const fresh = await browser.newContext();
  try {
    const signInPage = await fresh.newPage();
    await signIn(signInPage, app, email);
    await signInPage.close();
    const page = await fresh.newPage();
    const cdp = await fresh.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.set(
          response.url(),
          response.body().then(
            (body) => gzipSync(body).length,
            () => 0,
          ),
        );
    });
    await page.goto(`${app}${path}`, { waitUntil: 'networkidle' });
    await ready?.(page);
    await page.waitForLoadState('networkidle');
    const sizes = new Map<string, number>();
    for (const [url, size] of scripts) sizes.set(url, await size);
    // Page-side code as a string: this file is type-checked without the DOM library.
    const beforePaint = (await page.evaluate(`(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const end = paint ? paint.startTime : Infinity;
      return performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= end).map((entry) => entry.name);
    })()`)) as string[];
    const kb = (urls: Iterable<string>) => [...urls].reduce((sum, url) => sum + (sizes.get(url) ?? 0), 0) / 1024;
    return { kb: kb(sizes.keys()), scripts: sizes.size, beforePaintKb: kb(new Set(beforePaint)) };
  } finally {
    await fresh.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(__dirname, '..', 'client', '.next', 'BUILD_ID')))
    throw new Error('the dashboard is not built: run `npm run build:client` first');
  const server = await startEmbeddedServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const { app } = server;
    const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await fetch(`${server.url}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const authorization = `Bearer ${accessToken}`;
    const accepted = await fetch(`${server.url}/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ command: COMMAND }),
    });
    const { simulationId } = (await accepted.json()) as { simulationId: string };
    let days = 0;
    for (let waited = 0; ; waited += 100) {
      const detail = (await (
        await fetch(`${server.url}/history/${simulationId}`, { headers: { authorization } })
      ).json()) as { status: string; series: { dates: string[] } | null; failureReason: string | null };
      if (detail.status === 'completed') {
        days = detail.series?.dates.length ?? 0;
        break;
      }
      if (detail.status === 'failed' || waited > 60_000)
        throw new Error(`the simulation did not complete: ${detail.failureReason ?? detail.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Time to interactive of the results page.
    // bypassCSP: the page-side probes below are strings, which the dashboard's CSP (no eval) would refuse.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await context.addInitScript({
      content: `window.__longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.startTime + e.duration)))
          .observe({ type: 'longtask', buffered: true });`,
    });
    const page = await context.newPage();
    await signIn(page, app, email);
    const resultsUrl = `${app}/simulations/${simulationId}`;
    const cold = await timeToInteractive(page, resultsUrl);
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run += 1) warm.push(await timeToInteractive(page, resultsUrl));
    await context.close();

    // First-load JS of the workspace route and of the other pages, each with an empty cache.
    const workspaceJs = await firstLoadJs(browser, app, email, '/', async (page) => {
      await page.getByRole('textbox', { name: 'Portfolio command' }).waitFor();
    });
    const otherPages: [string, FirstLoadJs][] = [];
    for (const path of OTHER_PAGES) otherPages.push([path, await firstLoadJs(browser, app, email, path)]);
    otherPages.push([
      '/simulations/[id]',
      await firstLoadJs(browser, app, email, `/simulations/${simulationId}`, async (page) => {
        await page.locator('[data-testid="metric-cagr"]').waitFor();
      }),
    ]);

    // The live preview of the same command, typed: capital=100000 at the end, so Backspace and "0" alternate
    // between two valid commands (each a full simulation with every metric).
    const typed = `${COMMAND} capital=100000`;
    const live = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const livePage = await live.newPage();
    await signIn(livePage, app, email);
    const linked = `${app}/?command=${encodeURIComponent(typed)}`;
    const coldPreview = await firstPreview(livePage, linked, typed);
    const reloadedPreview = await firstPreview(livePage, linked, typed);
    await livePage.evaluate(PREVIEW_PROBE);
    const cdpLive = await live.newCDPSession(livePage);
    await cdpLive.send('Performance.enable');
    await cdpLive.send('HeapProfiler.collectGarbage');
    const heapBefore = ((await cdpLive.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    await livePage.locator('.cm-content').click();
    await livePage.keyboard.press('Control+End'); // the document's end (End stops at the wrapped line's)
    if (PROFILE) await cdpLive.send('Profiler.enable').then(() => cdpLive.send('Profiler.start'));
    if (TRACE)
      await browser.startTracing(livePage, { categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing'] });
    const editorKeys = await measureKeys(
      livePage,
      cdpLive,
      Array.from({ length: KEYS }, (_, index) => (index % 2 === 0 ? 'Backspace' : '0')),
    );
    const profile = PROFILE ? ((await cdpLive.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
    const trace = TRACE
      ? (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] })
      : null;
    await livePage.locator(PREVIEW).getByRole('slider').first().focus();
    const sliderKeys = await measureKeys(
      livePage,
      cdpLive,
      Array.from({ length: KEYS }, (_, index) => (index % 2 === 0 ? 'ArrowRight' : 'ArrowLeft')),
    );
    await cdpLive.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdpLive.send('Runtime.getHeapUsage')) as { usedSize: number };
    await live.close();

    console.log(
      `results page, ${days} days × ${TICKERS.length} assets + benchmark (${COMMAND.length}-character command):`,
    );
    console.log(
      `  time to interactive: cold ${cold.toFixed(0)} ms, warm median ${median(warm).toFixed(0)} ms (${RUNS} runs: ${warm.map((v) => v.toFixed(0)).join(', ')}) — goal ≤ 1000 ms`,
    );
    console.log(
      `workspace route first-load JS: ${workspaceJs.kb.toFixed(1)} KB gzipped in ${workspaceJs.scripts} scripts ` +
        `(${workspaceJs.beforePaintKb.toFixed(1)} KB of it before the first paint) — goal ≤ 250 KB`,
    );
    console.log(
      `other pages' first-load JS (KB gzipped, all / before the first paint): ` +
        otherPages.map(([path, js]) => `${path} ${js.kb.toFixed(1)} / ${js.beforePaintKb.toFixed(1)}`).join(', '),
    );
    console.log(`live preview of the same command (${TICKERS.length} assets + benchmark, ${days} days):`);
    console.log(
      `  keystroke in the editor → updated preview (${KEYS} keys): ${describeKeys(editorKeys)} — goal ≤ 50 ms`,
    );
    console.log(`  arrow key on a weight slider → updated preview (${KEYS} keys): ${describeKeys(sliderKeys)}`);
    console.log(
      `  first preview after navigation: ${coldPreview.toFixed(0)} ms with the prices from the network, ` +
        `${reloadedPreview.toFixed(0)} ms from IndexedDB after a reload`,
    );
    if (profile) {
      // Saved too, for Chromium's DevTools (Performance → Load profile), or to map through source maps.
      mkdirSync('test-results', { recursive: true });
      writeFileSync(join('test-results', 'dashboard-typing.cpuprofile'), JSON.stringify(profile));
      console.log(`  main thread while typing, by self time (BENCH_PROFILE):\n${topFunctions(profile)}`);
    }
    if (trace)
      console.log(`  main thread while typing, by kind of work (BENCH_TRACE):\n${mainThreadBreakdown(trace, KEYS)}`);
    console.log(
      `  page JS heap (after GC): ${(heapBefore / 1024 / 1024).toFixed(1)} MB before typing, ` +
        `${(usedSize / 1024 / 1024).toFixed(1)} MB after ${2 * KEYS} keystrokes and previews`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
