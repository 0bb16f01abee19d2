import type { APIRequestContext, Page } from '@playwright/test';
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

const LINES = [
  'Tech: AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28',
  'Cola: KO-L-100% 2012-01-01 2022-12-28',
  'Staples: KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 rebalance=quarterly',
];
const NAMES = ['Tech', 'Cola', 'Staples'];

interface ComparisonAnswer {
  status: string;
  result: {
    period: { start: string; end: string };
    best: { metric: string; members: number[] }[];
  } | null;
}

async function comparisonOf(
  request: APIRequestContext,
  server: EmbeddedServer,
  person: Person,
  id: string,
): Promise<ComparisonAnswer> {
  const answer = await request.get(`${server.url}/comparisons/${id}`, {
    headers: { authorization: `Bearer ${person.accessToken}` },
  });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as ComparisonAnswer;
}

/** The cells of one row of the metrics table (one per member). */
const rowCells = (page: Page, scope: string, label: string) =>
  page
    .locator(scope)
    .getByRole('table', { name: 'Metrics side by side' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');

test('three lines typed in the editor preview side by side, compare live, and the comparison is shared, opened signed out and revoked', async ({
  page,
  server,
  request,
  browser,
}) => {
  const person = await registerByApi(request, server, 'comparer');
  await signInWithForm(page, server, person.email);
  const simulations: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/simulate') simulations.push(sent.url());
  });

  // Three lines, typed one character at a time (Shift+Enter starts the next line).
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await editor.click();
  for (const [index, line] of LINES.entries()) {
    if (index > 0) {
      await page.keyboard.press('Escape'); // a completion list left open by the last token
      await page.keyboard.press('Shift+Enter');
    }
    await page.keyboard.type(line, { delay: 5 });
  }
  await expect(editor.locator('.cm-line')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Run backtest' })).toHaveCount(0);
  const compare = page.getByRole('button', { name: 'Compare', exact: true });
  await expect(compare).toBeEnabled();

  // The preview: every line on the common period (set by Cola's start), side by side, nothing submitted.
  const preview = page.getByTestId('multi-line-preview');
  await expect(preview).toHaveAttribute('data-state', 'current', { timeout: 60_000 });
  await expect(preview.getByRole('status')).toContainText('from 2012-01-03 (the latest start, set by Cola)');
  await expect(preview.getByRole('table', { name: 'Metrics side by side' }).getByRole('columnheader')).toHaveText([
    'Metric',
    ...NAMES,
  ]);
  await expect(preview.getByRole('img', { name: /^Value of Tech, Cola, Staples over \d+ days$/ })).toBeAttached();
  const previewed = await rowCells(page, '[data-testid="multi-line-preview"]', 'CAGR').allTextContents();
  expect(simulations).toEqual([]);
  await screenshot(page, 'comparison-preview');

  // Compare: the comparison page follows it live until it completes.
  await compare.click();
  await expect(page).toHaveURL(/\/app\/comparisons\/[0-9a-f-]{36}$/);
  const comparisonId = page.url().split('/').pop() as string;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tech vs Cola vs Staples');
  const table = page.getByRole('table', { name: 'Metrics side by side' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  const detail = await comparisonOf(request, server, person, comparisonId);
  expect(detail.status).toBe('completed');
  expect(detail.result?.period).toMatchObject({ start: '2012-01-03', end: '2022-12-28' });

  // The best member of each ranked row is marked, as the API ranks them.
  for (const [metric, label] of [
    ['cagr', 'CAGR'],
    ['sharpe', 'Sharpe ratio'],
    ['maxDrawdown', 'Max drawdown'],
    ['volatility', 'Volatility'],
  ] as const) {
    const best = detail.result?.best.find((one) => one.metric === metric);
    expect(best).toBeDefined();
    const cells = await rowCells(page, 'body', label).all();
    const marks = await Promise.all(cells.map(async (cell) => (await cell.getAttribute('data-best')) === 'true'));
    expect(marks).toEqual(NAMES.map((_, member) => best?.members.includes(member) ?? false));
  }
  // The preview showed the comparison's own figures (the same engine, on the same common period).
  expect(await rowCells(page, 'body', 'CAGR').allTextContents()).toEqual(previewed);
  await expect(
    page.getByRole('img', { name: /^Annual returns 2012–2022, one bar per portfolio each year: Tech best/ }),
  ).toBeVisible();
  await page.waitForTimeout(300); // let the charts draw before the picture
  await screenshot(page, 'comparison');

  // Share it: a visitor with no session, in a fresh browser context, sees the comparison.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const linkField = page.getByRole('textbox', { name: 'Share link' });
  await expect(linkField).toHaveValue(new RegExp(`^${server.url}/app/shared/[A-Za-z0-9_-]{43}$`));
  const sharedUrl = await linkField.inputValue();
  const token = sharedUrl.split('/').pop() as string;
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto(sharedUrl);
    await expect(visitor.getByRole('region', { name: 'Shared snapshot' })).toBeVisible();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Tech vs Cola vs Staples');
    await expect(visitor.getByRole('table', { name: 'Metrics side by side' })).toBeVisible();
    await expect(visitor.getByRole('img', { name: /^Annual returns 2012–2022/ })).toBeVisible();
    await expect(visitor.locator('body')).not.toContainText(person.email);

    // The owner revokes the link: the visitor's next look is the not-found page.
    await page.getByRole('button', { name: 'Shared links' }).click();
    const links = page.getByRole('region', { name: 'Shared links' });
    await links.getByRole('button', { name: `Revoke the link ending in ${token.slice(-4)}` }).click();
    await expect(links.getByRole('listitem')).toHaveCount(0);
    await visitor.goto(sharedUrl);
    await expect(visitor.getByRole('heading', { name: 'This shared link does not exist' })).toBeVisible();
    await expect(visitor.getByRole('table', { name: 'Metrics side by side' })).toHaveCount(0);
    expect((await request.get(`${server.url}/shared/${token}`)).status()).toBe(404);
  } finally {
    await visitorContext.close();
  }
});

test('two simulations picked in History are compared and open on the comparison page', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'history-comparer');
  const commands = ['KO-L-100% 2015-01-02 2019-12-31', 'PEP-L-100% 2016-01-04 2019-12-31'];
  for (const command of commands) await completedSimulation(request, server, person, command);
  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/history`);
  for (const command of commands) await page.getByRole('checkbox', { name: `Compare ${command}` }).check();
  await page.getByRole('button', { name: 'Compare 2 selected' }).click();
  await expect(page).toHaveURL(/\/app\/comparisons\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('table', { name: 'Metrics side by side' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Metrics side by side' }).getByRole('columnheader')).toHaveText([
    'Metric',
    'Portfolio 1',
    'Portfolio 2',
  ]);
  // The common period starts where the later one does.
  await expect(page.getByText(/^every portfolio is simulated from 2016-01-04/)).toBeVisible();
  const detail = await comparisonOf(request, server, person, page.url().split('/').pop() as string);
  expect(detail.result?.period).toMatchObject({ start: '2016-01-04', end: '2019-12-31' });
});
