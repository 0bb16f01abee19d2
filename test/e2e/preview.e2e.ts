import type { Page } from '@playwright/test';
import { expect, registerByApi, screenshot, signInWithForm, test } from './fixtures';

const TYPED = 'AAPL-L-60% MSFT-L-40% 2020-01-01 2022-12-28';
const EXTENDED = `${TYPED} rebalance=monthly`;
/** The headline figures both the preview and the results page show. */
const FIGURES = ['cagr', 'totalReturn', 'finalValue', 'sharpe', 'sortino', 'calmar', 'maxDrawdown', 'volatility'];

async function figures(page: Page, scope: string): Promise<Record<string, string>> {
  const shown: Record<string, string> = {};
  for (const id of FIGURES) {
    shown[id] = (await page.locator(scope).getByTestId(`metric-${id}`).textContent()) ?? '';
  }
  return shown;
}

test('the preview follows the command as it is typed, in the browser, and the submitted run shows the same figures', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'preview');
  await signInWithForm(page, server, person.email);
  const simulations: string[] = [];
  const prices: { url: string; status: number; ifNoneMatch: string | null }[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/simulate') simulations.push(sent.url());
  });
  page.on('response', (answer) => {
    if (/\/assets\/[^/]+\/prices\?format=binary/.test(answer.url()))
      prices.push({
        url: answer.url(),
        status: answer.status(),
        ifNoneMatch: answer.request().headers()['if-none-match'] ?? null,
      });
  });

  // Type the command one character at a time: no preview until it first parses.
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await editor.click();
  const preview = page.getByTestId('live-preview');
  await page.keyboard.type(TYPED.slice(0, -1), { delay: 15 });
  await expect(preview).toHaveCount(0);
  await page.keyboard.type(TYPED.slice(-1));
  await expect(preview).toHaveAttribute('data-state', 'current', { timeout: 30_000 });
  await expect(preview).toHaveAttribute('data-command', TYPED);
  await expect(preview.getByText(/^As typed, computed in your browser/)).toBeVisible();
  // Both series came from the server, once each, in the binary form.
  expect(prices.map((one) => one.url.match(/assets\/([^/]+)\//)?.[1]).sort()).toEqual(['AAPL', 'MSFT']);
  const first = await figures(page, '[data-testid="live-preview"]');
  expect(first.cagr).toMatch(/%$/);

  // Keep typing: while the option is half written the last result stays (stale), then the new one shows.
  for (const character of ' rebalance=monthly') {
    await page.keyboard.type(character);
  }
  await expect(preview).toHaveAttribute('data-command', EXTENDED);
  await expect(preview).toHaveAttribute('data-state', 'current');
  const rebalanced = await figures(page, '[data-testid="live-preview"]');
  expect(rebalanced.finalValue).not.toBe(first.finalValue);

  // A weight slider rewrites the command and the preview runs again.
  const slider = preview.getByRole('slider', { name: /AAPL/ });
  await expect(slider).toHaveValue('60');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(editor).toHaveText('AAPL-L-61% MSFT-L-39% 2020-01-01 2022-12-28 rebalance=monthly');
  await expect(preview).toHaveAttribute(
    'data-command',
    'AAPL-L-61% MSFT-L-39% 2020-01-01 2022-12-28 rebalance=monthly',
  );
  await expect(preview).toHaveAttribute('data-state', 'current');
  await page.keyboard.press('ArrowLeft');
  await expect(preview).toHaveAttribute('data-command', EXTENDED);
  await expect(preview).toHaveAttribute('data-state', 'current');
  const shown = await figures(page, '[data-testid="live-preview"]');
  expect(shown).toEqual(rebalanced);
  await screenshot(page, 'live-preview');
  // Nothing was submitted while typing and dragging.
  expect(simulations).toEqual([]);

  // Run it on the server: the results page shows the very same figures.
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await page.waitForURL(/\/app\/simulations\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByTestId('metric-cagr')).toBeVisible();
  expect(await figures(page, 'main')).toEqual(shown);
  expect(simulations).toHaveLength(1);

  // Back in the workspace after a reload: the series come from IndexedDB, only revalidated (304), not downloaded.
  prices.length = 0;
  await page.goto(`${server.app}/?command=${encodeURIComponent(EXTENDED)}`);
  await expect(preview).toHaveAttribute('data-state', 'current', { timeout: 30_000 });
  expect(await figures(page, '[data-testid="live-preview"]')).toEqual(shown);
  await expect.poll(() => prices.length).toBe(2);
  expect(prices.map((one) => [one.status, one.ifNoneMatch !== null])).toEqual([
    [304, true],
    [304, true],
  ]);
});
