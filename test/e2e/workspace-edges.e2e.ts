import { completedSimulation, expect, PASSWORD, registerByApi, screenshot, signInWithForm, test } from './fixtures';

const COMMAND = 'KO-L-60% PEP-L-40% 2015-01-02 2019-12-31 rebalance=quarterly';

test('"Edit in workspace" opens the command in the editor (it opened an empty one until a reload)', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'edit');
  await signInWithForm(page, server, person.email);
  const simulationId = await completedSimulation(request, server, person, COMMAND);

  // Reach the results page by navigating inside the app, as a person does, then follow the link.
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('table', { name: 'Your simulations' }).getByRole('link', { name: COMMAND }).click();
  await expect(page).toHaveURL(`${server.app}/simulations/${simulationId}`);
  await page.getByRole('link', { name: 'Edit in workspace' }).click();
  await expect(page).toHaveURL(new RegExp(`/app/?\\?command=`));
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await expect(editor).toHaveText(COMMAND);
  await expect(page.getByRole('button', { name: 'Run backtest' })).toBeEnabled();

  // Back on the results page and to the workspace again: still the command (no stale draft wins).
  await page.goBack();
  await expect(page).toHaveURL(`${server.app}/simulations/${simulationId}`);
  await page.getByRole('link', { name: 'Edit in workspace' }).click();
  await expect(editor).toHaveText(COMMAND);
});

test('a CSV dropped on Prices is previewed, every bad line named, stored, then backtested from the workspace', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'upload');
  await signInWithForm(page, server, person.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Prices' }).click();
  await expect(page).toHaveURL(`${server.app}/prices`);

  // Drag and drop a semicolon-separated file with a bad line: the preview names it and nothing can be stored.
  const drop = async (name: string, text: string) => {
    // Page-side code as a string: this file is type-checked without the DOM library.
    const transfer = await page.evaluateHandle(
      `(() => { const data = new DataTransfer(); data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/csv' })); return data; })()`,
    );
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('MYFUND.csv', 'Date;Close\n2021-01-04;100,5\n0000-01-05;101\n2021-01-06;1e-320\n');
  const bad = page.getByRole('list', { name: 'Bad lines' });
  await expect(bad.getByRole('listitem')).toHaveText([
    'Line 3: date 0000-01-05 is before 1600-01-01: not a plausible trading day',
    'Line 4: Close 1e-320 is not a plausible price (between 1e-9 and 1e+12)',
  ]);
  await expect(page.getByRole('button', { name: 'Upload prices' })).toBeDisabled();

  // Yahoo's export, dropped: previewed row by row, stored under the ticker from its name.
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  for (let day = Date.UTC(2021, 0, 4), price = 100; lines.length <= 260; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    price *= lines.length % 3 === 0 ? 0.995 : 1.004;
    const close = price.toFixed(2);
    lines.push(`${new Date(day).toISOString().slice(0, 10)},${close},${close},${close},${close},${close},1000`);
  }
  await drop('MYFUND.csv', `${lines.join('\n')}\n`);
  await expect(page.getByRole('list', { name: 'Bad lines' })).toHaveCount(0);
  const preview = page.getByLabel('Preview');
  await expect(preview).toContainText('260 good rows from 2021-01-04');
  await expect(page.getByRole('table', { name: 'Parsed rows' }).getByRole('row')).toHaveCount(1 + 5 + 1 + 5);
  await expect(page.getByRole('textbox', { name: 'Ticker' })).toHaveValue('MYFUND');
  await screenshot(page, 'prices-preview');
  await page.getByRole('button', { name: 'Upload prices' }).click();
  await expect(page.getByRole('status')).toContainText('Stored 260 rows of MYFUND');

  // Backtest it: the link opens the workspace with a command over the uploaded range, and the run completes.
  await page.getByRole('link', { name: 'Backtest MYFUND in the workspace' }).click();
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await expect(editor).toHaveText(/^MYFUND-L-100% 2021-01-04 /);
  await expect(page.getByRole('alert', { name: 'Command errors' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await page.waitForURL(/\/app\/simulations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId('metric-cagr')).toBeVisible();
});

test('the editor warns under a ticker no configured source can price, naming the sample tickers', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'warn');
  await signInWithForm(page, server, person.email);
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await editor.click();
  await page.keyboard.type('TSLA-L-50% APPL-L-50% 2020-01-02 2021-12-31');
  const items = page.getByRole('alert', { name: 'Command errors' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(
    'TSLA: no configured source can price TSLA (tried sample: does not have TSLA); the offline sample holds 20 tickers: AAPL, AMD',
  );
  await expect(items.nth(1)).toContainText('Nearest known: AAPL');
  await expect(page.getByRole('button', { name: 'Run backtest' })).toBeEnabled();
  await screenshot(page, 'ticker-warning');
});

test('deleting the account from the Account page removes it and everything it held', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'leaving');
  await signInWithForm(page, server, person.email);
  const simulationId = await completedSimulation(request, server, person, COMMAND);

  await page.getByRole('banner').getByRole('link', { name: person.email }).click();
  await expect(page).toHaveURL(`${server.app}/account`);
  await expect(page.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible();
  const remove = page.getByRole('button', { name: 'Delete my account' });
  await page.getByLabel('Password').fill(PASSWORD);
  await expect(remove).toBeDisabled();
  await page.getByLabel('Type “delete” to confirm').fill('delete');
  await remove.click();

  await expect(page).toHaveURL(new RegExp(`/app/sign-in\\?deleted=1`));
  await expect(page.getByRole('status')).toHaveText('Your account and everything it held were deleted.');
  // Gone on the server: the old token is refused and the password no longer signs in.
  const headers = { authorization: `Bearer ${person.accessToken}` };
  expect((await request.get(`${server.url}/history/${simulationId}`, { headers })).status()).toBe(401);
  const signIn = await request.post(`${server.url}/auth/login`, { data: { email: person.email, password: PASSWORD } });
  expect(signIn.status()).toBe(401);
});
