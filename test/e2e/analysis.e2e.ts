import type { APIRequestContext } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPercent } from '../../client/lib/format/numbers';
import { CHROMIUM, CHROMIUM_ARGS } from './playwright.config';
import { chromium } from '@playwright/test';
import {
  completedSimulation,
  expect,
  registerByApi,
  screenshot,
  signInWithForm,
  test,
  type EmbeddedServer,
  type Person,
} from './fixtures';

const COMMAND = 'AAPL-L-50% MSFT-L-50% 2012-01-01 2022-12-28 benchmark=^GSPC';

interface Analysis {
  rolling: { window: number; firstDate: string | null; count: number; portfolio: { return: (number | null)[] } };
  drawdownEpisodes: {
    episodes: { peakDate: string; troughDate: string; recoveryDate: string | null; depth: number }[];
  };
}

/** Submits the command through the API and waits for it to complete; returns its id. */
const simulated = (request: APIRequestContext, server: EmbeddedServer, person: Person): Promise<string> =>
  completedSimulation(request, server, person, COMMAND);

async function analysisOf(
  request: APIRequestContext,
  server: EmbeddedServer,
  person: Person,
  id: string,
  window: number,
) {
  const response = await request.get(`${server.url}/history/${id}/analysis?rollingWindow=${window}`, {
    headers: { authorization: `Bearer ${person.accessToken}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Analysis;
}

const lastOf = (values: (number | null)[]) => [...values].reverse().find((value) => value !== null) ?? null;

test('rolling metrics: switching the window asks the API for it and redraws the chart with the benchmark beside it', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'rolling');
  const id = await simulated(request, server, person);
  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/simulations/${id}`);

  const twelve = await analysisOf(request, server, person, id, 252);
  const rolling = page.getByRole('region', { name: 'Rolling metrics' });
  await expect(rolling.getByRole('heading', { name: 'Rolling 12 months return vs ^GSPC' })).toBeVisible();
  const chart = rolling.locator('[data-chart-state]');
  await expect(chart).toHaveAttribute('data-chart-state', 'drawn');
  await expect(rolling.getByRole('img')).toHaveAttribute(
    'aria-label',
    new RegExp(
      `^Rolling 12 months return from ${twelve.rolling.firstDate} to 2022-12-28, last ${escape(formatPercent(lastOf(twelve.rolling.portfolio.return)))}; \\^GSPC `,
    ),
  );
  const before = await chart.locator('canvas').screenshot();

  const asked = page.waitForResponse((response) =>
    response.url().includes(`/history/${id}/analysis?rollingWindow=756`),
  );
  await rolling.getByRole('radio', { name: '36 months' }).check();
  expect((await asked).status()).toBe(200);
  const thirtySix = await analysisOf(request, server, person, id, 756);
  await expect(rolling.getByRole('heading', { name: 'Rolling 36 months return vs ^GSPC' })).toBeVisible();
  await expect(rolling.getByRole('img')).toHaveAttribute(
    'aria-label',
    new RegExp(
      `^Rolling 36 months return from ${thirtySix.rolling.firstDate} to 2022-12-28, last ${escape(formatPercent(lastOf(thirtySix.rolling.portfolio.return)))}`,
    ),
  );
  await expect(chart).toHaveAttribute('data-chart-state', 'drawn');
  expect((await chart.locator('canvas').screenshot()).equals(before)).toBe(false);
  await screenshot(page, 'rolling-36-months');
});

test('drawdown episodes: choosing one shades it on the value and drawdown charts', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'episodes');
  const id = await simulated(request, server, person);
  const { drawdownEpisodes } = await analysisOf(request, server, person, id, 252);
  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/simulations/${id}`);

  const table = page.getByRole('table', { name: 'Drawdown episodes' });
  await expect(table.getByRole('row')).toHaveCount(1 + drawdownEpisodes.episodes.length);
  const value = page.getByRole('heading', { name: 'Portfolio value vs ^GSPC' }).locator('xpath=ancestor::section[1]');
  const drawdown = page.getByRole('heading', { name: 'Drawdown', exact: true }).locator('xpath=ancestor::section[1]');
  await expect(value.locator('[data-chart-state]')).toHaveAttribute('data-chart-state', 'drawn');
  await expect(drawdown.locator('[data-chart-state]')).toHaveAttribute('data-chart-state', 'drawn');
  const valueBefore = await value.locator('canvas').screenshot();
  const drawdownBefore = await drawdown.locator('canvas').screenshot();

  // The second deepest (recovered in this run): shaded from its peak to its recovery on both charts.
  const episode = drawdownEpisodes.episodes[1];
  expect(episode.recoveryDate).not.toBeNull();
  await table
    .getByRole('button', { name: `Episode 2: ${formatPercent(episode.depth)} from ${episode.peakDate}` })
    .click();
  const range = `${episode.peakDate}..${episode.recoveryDate}`;
  await expect(value).toHaveAttribute('data-highlight', range);
  await expect(drawdown).toHaveAttribute('data-highlight', range);
  await expect(table.getByRole('row').nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(drawdown.getByRole('img')).toHaveAttribute(
    'aria-label',
    new RegExp(`shaded: episode 2, .* from ${episode.peakDate} to ${episode.recoveryDate}$`),
  );
  await expect(value.locator('[data-chart-state]')).toHaveAttribute('data-chart-state', 'drawn');
  // The canvases changed: the shade is drawn, not only announced.
  await expect.poll(async () => (await value.locator('canvas').screenshot()).equals(valueBefore)).toBe(false);
  await expect.poll(async () => (await drawdown.locator('canvas').screenshot()).equals(drawdownBefore)).toBe(false);
  await screenshot(page, 'drawdown-episode-highlighted');

  // Choosing it again clears the shade.
  await table
    .getByRole('button', { name: `Episode 2: ${formatPercent(episode.depth)} from ${episode.peakDate}` })
    .click();
  await expect(value).not.toHaveAttribute('data-highlight', /./);
});

test('the tearsheet downloads and opens in Chromium with no network, every chart drawn', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'tearsheet');
  const id = await simulated(request, server, person);
  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/simulations/${id}`);

  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Download tearsheet' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^portofino-aapl-l-50pct-msft-l-50pct-.*-tearsheet\.html$/);
  // Saved under its own name (.html), as a person's browser saves it: file:// pages are typed by their extension.
  const path = join(mkdtempSync(join(tmpdir(), 'portofino-tearsheet-')), download.suggestedFilename());
  await download.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded portofino-' })).toBeVisible();
  const html = readFileSync(path, 'utf8');
  expect(html).toContain(COMMAND);

  // A separate browser, offline, that records every request the file would make.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ offline: true });
    const requested: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('file://')) requested.push(request.url());
    });
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file://') ? route.continue() : route.abort(),
    );
    const offline = await context.newPage();
    const problems: string[] = [];
    offline.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    offline.on('pageerror', (error) => problems.push(error.message));
    await offline.goto(`file://${path}`);
    await expect(offline.getByRole('heading', { level: 1, name: 'PortoFino tearsheet' })).toBeVisible();
    await expect(offline.getByRole('heading', { name: 'Drawdown episodes' })).toBeVisible();
    await expect(offline.getByRole('heading', { name: 'Monthly returns' })).toBeVisible();
    // Value, drawdown and 6/12/36 months × return, volatility, Sharpe, beta: each an SVG with a size on screen.
    const charts = offline.locator('svg[role="img"]');
    await expect(charts).toHaveCount(14);
    for (let index = 0; index < 14; index++) {
      expect((await charts.nth(index).boundingBox())?.height ?? 0).toBeGreaterThan(100);
    }
    expect(requested).toEqual([]);
    expect(problems).toEqual([]);
    // It prints: a PDF of several pages comes out.
    const pdf = await offline.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  } finally {
    await browser.close();
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
