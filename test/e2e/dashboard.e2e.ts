import { readFileSync } from 'node:fs';
import { formatPercent, formatRatio } from '../../client/lib/format/numbers';
import { expect, PASSWORD, registerByApi, screenshot, signInWithForm, test, uniqueEmail } from './fixtures';

const SEED_COMMAND = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28';

interface Detail {
  status: string;
  metrics: { portfolio: { cagr: number; sharpe: number; maxDrawdown: number } } | null;
}

test('a person registers, backtests the seed portfolio, finds it in history, downloads its report and signs out', async ({
  page,
  server,
  request,
}) => {
  const email = uniqueEmail('e2e');

  // Register through the form: it signs in and lands on the workspace.
  await page.goto(`${server.app}/register`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Sign out and back in with the form.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/app\/sign-in/);
  await signInWithForm(page, server, email);
  await expect(page).toHaveURL(new RegExp(`${server.app}/?$`));

  // Type the seed's command and run it: progress shows, then the results page opens.
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await editor.click();
  await page.keyboard.type(SEED_COMMAND);
  // The errors region stays in the page (so new errors are announced); it lists none.
  await expect(page.getByRole('alert', { name: 'Command errors' }).getByRole('listitem')).toHaveCount(0);
  await screenshot(page, 'workspace');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
  await page.waitForURL(/\/app\/simulations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const simulationId = page.url().split('/').pop() as string;

  // The page shows exactly what the API returns.
  const api = await request.post(`${server.url}/auth/login`, { data: { email, password: PASSWORD } });
  const { accessToken } = (await api.json()) as { accessToken: string };
  const detail = (await (
    await request.get(`${server.url}/history/${simulationId}`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as Detail;
  expect(detail.status).toBe('completed');
  const metrics = detail.metrics?.portfolio;
  if (!metrics) throw new Error('the completed simulation has no metrics');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('AAPL-L-50%');
  await expect(page.getByTestId('metric-cagr')).toHaveText(formatPercent(metrics.cagr));
  await expect(page.getByTestId('metric-sharpe')).toHaveText(formatRatio(metrics.sharpe));
  await expect(page.getByTestId('metric-maxDrawdown')).toHaveText(formatPercent(metrics.maxDrawdown));
  await expect(page.getByRole('table', { name: 'All metrics' })).toBeVisible();
  await page.waitForTimeout(500); // let the charts draw before the picture
  await screenshot(page, 'results');

  // History lists it; opening it from there leads to the same stable URL.
  await page.getByRole('link', { name: 'History' }).click();
  const table = page.getByRole('table', { name: 'Your simulations' });
  await expect(table).toBeVisible();
  const link = table.getByRole('link', { name: SEED_COMMAND });
  await expect(link).toBeVisible();
  await expect(table).toContainText(formatPercent(metrics.cagr));
  await screenshot(page, 'history');
  await link.click();
  await expect(page).toHaveURL(`${server.app}/simulations/${simulationId}`);
  await expect(page.getByTestId('metric-cagr')).toHaveText(formatPercent(metrics.cagr));

  // Download its XLSX report: progress from the /reports socket, then the file.
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Download XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // an XLSX is a ZIP
  expect(file.length).toBeGreaterThan(10_000);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/app\/sign-in/);
  await page.goto(`${server.app}/history`);
  await expect(page).toHaveURL(/\/app\/sign-in\?next=/);
});

test('an invalid command shows the parser error inline and submits nothing', async ({ page, server, request }) => {
  const person = await registerByApi(request, server, 'invalid');
  const submitted: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/simulate') submitted.push(sent.url());
  });
  await signInWithForm(page, server, person.email);
  await page.getByRole('textbox', { name: 'Portfolio command' }).click();
  await page.keyboard.type('AAPL-X-50% 2020-01-01 2022-12-28');
  const errors = page.getByRole('alert', { name: 'Command errors' });
  await expect(errors).toBeVisible();
  await expect(errors).toContainText('X');
  await expect(page.getByRole('button', { name: 'Run backtest' })).toBeDisabled();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(submitted).toEqual([]);
});

test("another person's simulation URL shows not found", async ({ page, server, request }) => {
  const owner = await registerByApi(request, server, 'owner');
  const accepted = await request.post(`${server.url}/simulate`, {
    headers: { authorization: `Bearer ${owner.accessToken}` },
    data: { command: SEED_COMMAND },
  });
  expect(accepted.status()).toBe(202);
  const { simulationId } = (await accepted.json()) as { simulationId: string };

  const stranger = await registerByApi(request, server, 'stranger');
  await signInWithForm(page, server, stranger.email);
  await page.goto(`${server.app}/simulations/${simulationId}`);
  await expect(page.getByRole('heading', { name: 'Simulation not found' })).toBeVisible();
  await expect(page.getByTestId('metric-cagr')).toHaveCount(0);
});
