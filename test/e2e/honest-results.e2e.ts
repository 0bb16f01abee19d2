import { formatPercent } from '../../client/lib/format/numbers';
import { completedSimulation, expect, registerByApi, screenshot, signInWithForm, test } from './fixtures';

test('a period the prices do not cover: the results header says which period was simulated and why', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'truncated');
  const id = await completedSimulation(request, server, person, 'AAPL-L-100% 2020-01-01 2025-06-30');
  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/simulations/${id}`);

  const header = page.locator('header', { has: page.getByRole('heading', { level: 1 }) });
  await expect(header.getByTestId('simulated-period')).toHaveText(
    'Jan 2, 2020 – Dec 28, 2022 (asked Jan 1, 2020 – Jun 30, 2025)',
  );
  const warning = header.getByRole('list', { name: 'Warnings' }).getByRole('note');
  await expect(warning).toHaveCount(1);
  await expect(warning).toBeVisible();
  await expect(warning).toHaveText(
    'Shorter period: The prices of AAPL stop on 2022-12-28, before the asked end 2025-06-30: the simulation ends on 2022-12-28.',
  );
  // Seen before any number: the warning sits above the headline cards.
  const warningBox = await warning.boundingBox();
  const cagrBox = await page.getByTestId('metric-cagr').boundingBox();
  expect(warningBox && cagrBox && warningBox.y < cagrBox.y).toBe(true);
  await screenshot(page, 'results-truncated-period');
});

test('a portfolio drained by withdrawals: the headline says "Depleted on" and no green CAGR', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'depleted');
  const id = await completedSimulation(
    request,
    server,
    person,
    'WMT-L-100% 1990-01-01 2022-12-28 capital=10000 contribute=-2000/month',
  );
  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/simulations/${id}`);

  const headline = page.getByTestId('depleted-headline');
  await expect(headline).toBeVisible();
  await expect(headline).toContainText('Depleted on Jul 2, 1990');
  const cagr = page.getByTestId('metric-cagr');
  await expect(cagr).toHaveText(formatPercent(-1));
  await expect(cagr).toHaveClass(/\bloss\b/);
  await expect(cagr).not.toHaveClass(/\bgain\b/);
  await expect(page.getByTestId('metric-totalReturn')).toHaveText(formatPercent(-1));
  await expect(page.getByTestId('metric-finalValue')).toHaveText('0');
  // The headline comes before the cards.
  const headlineBox = await headline.boundingBox();
  const cagrBox = await cagr.boundingBox();
  expect(headlineBox && cagrBox && headlineBox.y < cagrBox.y).toBe(true);
  await page.waitForTimeout(500); // let the charts draw before the picture
  await screenshot(page, 'results-depleted');
});
