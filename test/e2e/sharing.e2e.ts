import { readFileSync } from 'node:fs';
import { formatPercent } from '../../client/lib/format/numbers';
import { completedSimulation, expect, registerByApi, screenshot, signInWithForm, test } from './fixtures';

const COMMAND = 'KO-L-60% PEP-L-40% 2015-01-02 2019-12-31 rebalance=quarterly';

test('the owner shares a result, a signed-out visitor sees it read-only, the owner revokes it and it is gone', async ({
  page,
  server,
  request,
  browser,
}) => {
  const owner = await registerByApi(request, server, 'sharer');
  const headers = { authorization: `Bearer ${owner.accessToken}` };
  const simulationId = await completedSimulation(request, server, owner, COMMAND);
  const detail = (await (await request.get(`${server.url}/history/${simulationId}`, { headers })).json()) as {
    metrics: { portfolio: { cagr: number } };
  };

  // The owner: "Copy link" creates the link and shows it.
  await signInWithForm(page, server, owner.email);
  await page.goto(`${server.app}/simulations/${simulationId}`);
  await expect(page.getByTestId('metric-cagr')).toHaveText(formatPercent(detail.metrics.portfolio.cagr));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const linkField = page.getByRole('textbox', { name: 'Share link' });
  await expect(linkField).toHaveValue(new RegExp(`^${server.url}/app/shared/[A-Za-z0-9_-]{43}$`));
  const sharedUrl = await linkField.inputValue();
  const token = sharedUrl.split('/').pop() as string;
  await page.getByRole('button', { name: 'Shared links' }).click();
  const links = page.getByRole('region', { name: 'Shared links' });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(links).toContainText(`…${token.slice(-4)}`);

  // A visitor with no session, in a fresh browser context: the result, read-only, marked as a snapshot, noindex.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto(sharedUrl);
    await expect(visitor.getByRole('region', { name: 'Shared snapshot' })).toContainText('Shared snapshot');
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(COMMAND);
    await expect(visitor.getByTestId('metric-cagr')).toHaveText(formatPercent(detail.metrics.portfolio.cagr));
    await expect(visitor.getByRole('table', { name: 'All metrics' })).toBeVisible();
    await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    // Nothing to change or delete, nothing of the owner's.
    for (const name of ['Re-run', 'Delete', 'Copy link', 'Shared links', 'Sign out']) {
      await expect(visitor.getByRole('button', { name })).toHaveCount(0);
    }
    await expect(visitor.locator('body')).not.toContainText(owner.email);
    await visitor.waitForTimeout(500); // let the charts draw before the picture
    await screenshot(visitor, 'shared-result');

    // The workbook downloads signed out.
    const downloading = visitor.waitForEvent('download', { timeout: 60_000 });
    await visitor.getByRole('button', { name: 'Download XLSX' }).click();
    const file = readFileSync(await (await downloading).path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');

    // "Open in my workspace": sign-in first, then the command is in the visitor's own editor.
    const visitorAccount = await registerByApi(request, server, 'visitor');
    await visitor.getByRole('link', { name: 'Open in my workspace' }).click();
    await expect(visitor).toHaveURL(/\/app\/sign-in\?next=/);
    await visitor.getByLabel('Email').fill(visitorAccount.email);
    await visitor.getByLabel('Password').fill('correct horse battery staple 7');
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await expect(visitor.getByRole('textbox', { name: 'Portfolio command' })).toHaveText(COMMAND);

    // The owner revokes the link: the visitor's next look is a 404 page.
    await links.getByRole('button', { name: `Revoke the link ending in ${token.slice(-4)}` }).click();
    await expect(links.getByRole('listitem')).toHaveCount(0);
    await expect(links).toContainText('No active link');
    await visitor.goto(sharedUrl);
    await expect(visitor.getByRole('heading', { name: 'This shared link does not exist' })).toBeVisible();
    await expect(visitor.getByTestId('metric-cagr')).toHaveCount(0);
    expect((await request.get(`${server.url}/shared/${token}`)).status()).toBe(404);
  } finally {
    await visitorContext.close();
  }
});

test('a shared result shows the rolling chart (another window from the link) and the episodes, and downloads its tearsheet', async ({
  browser,
  server,
  request,
}) => {
  const owner = await registerByApi(request, server, 'analysis-sharer');
  const command = 'AAPL-L-50% MSFT-L-50% 2012-01-03 2022-12-28 benchmark=^GSPC';
  const simulationId = await completedSimulation(request, server, owner, command);
  const headers = { authorization: `Bearer ${owner.accessToken}` };
  const link = await request.post(`${server.url}/history/${simulationId}/share`, { headers });
  expect(link.status()).toBe(201);
  const { token } = (await link.json()) as { token: string };

  const context = await browser.newContext();
  const visitor = await context.newPage();
  try {
    await visitor.goto(`${server.app}/shared/${token}`);
    const rolling = visitor.getByRole('region', { name: 'Rolling metrics' });
    await expect(rolling.getByRole('heading', { name: 'Rolling 12 months return vs ^GSPC' })).toBeVisible();
    await expect(visitor.getByRole('table', { name: 'Drawdown episodes' }).getByRole('row').nth(1)).toBeVisible();

    // Another window: asked of the share link, signed out.
    const asked = visitor.waitForResponse((response) =>
      response.url().includes(`/shared/${token}/analysis?rollingWindow=756`),
    );
    await rolling.getByRole('radio', { name: '36 months' }).check();
    expect((await asked).status()).toBe(200);
    await expect(rolling.getByRole('heading', { name: 'Rolling 36 months return vs ^GSPC' })).toBeVisible();
    await expect(rolling.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^Rolling 36 months return from \d{4}-\d{2}-\d{2}/,
    );

    // The tearsheet, signed out: the result, nothing of the owner.
    const downloading = visitor.waitForEvent('download', { timeout: 60_000 });
    await visitor.getByRole('button', { name: 'Download tearsheet' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^portofino-aapl-l-50pct-msft-l-50pct-.*-tearsheet\.html$/);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('AAPL-L-50% MSFT-L-50%');
    expect(html).toContain('shared snapshot');
    expect(html).not.toContain(simulationId);
    expect(html).not.toContain(owner.email);
    await expect(visitor.getByRole('status').filter({ hasText: 'Downloaded portofino-' })).toBeVisible();
    await screenshot(visitor, 'shared-result-analysis');
  } finally {
    await context.close();
  }
});
