import { expect, registerByApi, screenshot, signInWithForm, test } from './fixtures';

interface Portfolio {
  command: string;
  weights: number[];
  summary: { cagr: number | null; volatility: number | null; sharpe: number | null; maxDrawdown: number | null };
}

interface Study {
  status: string;
  candidateCount: number;
  progress: { chunksDone: number; chunksTotal: number; candidatesEvaluated: number };
  result: { tickers: string[]; best: { maxSharpe: Portfolio | null } } | null;
}

/** As the dashboard writes a fraction (lib/format/numbers.ts): 0.1234 → "12.34%", negatives with a minus sign. */
const percent = (value: number | null) => `${((value ?? 0) * 100).toFixed(2)}%`.replace('-', '−');

test('a person starts a study, follows it to the end, reads its scatter and best portfolios, and opens the best Sharpe in the workspace', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'studier');
  const headers = { authorization: `Bearer ${person.accessToken}` };
  await signInWithForm(page, server, person.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studies' }).click();
  await expect(page).toHaveURL(`${server.app}/studies`);
  await expect(page.getByRole('heading', { level: 1, name: 'Studies' })).toBeVisible();
  const form = page.getByRole('region', { name: 'New study' });

  // One ticker is not a universe: the server's 422 lands under the Tickers field.
  await form.getByLabel('Tickers').fill('KO');
  await form.getByRole('button', { name: 'Start study' }).click();
  await expect(form.getByLabel('Tickers')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toBeVisible();

  // Four sample stocks, 2,000 uniform candidates, monthly rebalancing.
  await form.getByLabel('Tickers').fill('ko pep xom jnj');
  await expect(form.getByRole('list', { name: 'Universe' }).getByRole('listitem')).toHaveText([
    'KO',
    'PEP',
    'XOM',
    'JNJ',
  ]);
  await form.getByLabel('Start').fill('2015-01-02');
  await form.getByLabel('End').fill('2019-12-31');
  await expect(form.getByLabel('Candidates')).toHaveValue('10000');
  await form.getByLabel('Candidates').fill('2000');
  await form.getByLabel('Seed (optional)').fill('7');
  await form.getByLabel('Rebalancing').selectOption('monthly');
  const posted = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/studies' && response.request().method() === 'POST',
  );
  await form.getByRole('button', { name: 'Start study' }).click();
  const accepted = await posted;
  expect(accepted.status()).toBe(202);
  const { studyId, candidateCount } = (await accepted.json()) as { studyId: string; candidateCount: number };
  expect(candidateCount).toBe(2000);
  await expect(page).toHaveURL(`${server.app}/studies/${studyId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Study: KO PEP XOM JNJ');

  // Progress until completed: then the results replace the bar.
  const scatterHeading = page.getByRole('heading', { name: 'Risk and return' });
  await expect(scatterHeading).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('progressbar', { name: 'Study progress' })).toHaveCount(0);
  const study = (await (await request.get(`${server.url}/studies/${studyId}`, { headers })).json()) as Study;
  expect(study.status).toBe('completed');
  expect(study.progress.chunksDone).toBe(study.progress.chunksTotal);
  expect(study.progress.candidatesEvaluated).toBe(2000);

  // The scatter of every candidate, described in words, and interactive: hovering finds candidates.
  const chart = page.getByRole('img', { name: /^Risk and return of 2,000 candidates/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /efficient frontier of \d+ portfolios; best Sharpe/);
  const box = (await chart.boundingBox())!;
  const tooltip = page.getByRole('status').filter({ hasText: /^Candidate \d+/ });
  let hovered = false;
  for (let row = 1; row <= 6 && !hovered; row++) {
    for (let column = 1; column <= 8 && !hovered; column++) {
      await page.mouse.move(box.x + 64 + ((box.width - 80) * column) / 9, box.y + 16 + ((box.height - 60) * row) / 7);
      hovered = (await tooltip.count()) > 0;
    }
  }
  expect(hovered).toBe(true);
  await expect(tooltip).toContainText('Sharpe');

  // The best per objective, with the figures the API reports.
  const best = study.result!.best.maxSharpe!;
  const table = page.getByRole('table', { name: 'Best portfolios' });
  const row = table.getByRole('row', { name: /^Max Sharpe/ });
  await expect(row).toContainText(percent(best.summary.cagr));
  await expect(row).toContainText(percent(best.summary.volatility));
  await expect(row).toContainText((best.summary.sharpe ?? 0).toFixed(2).replace('-', '−'));
  await expect(table.getByRole('row', { name: /^Equal weight/ })).toContainText('KO 25.00%');
  await screenshot(page, 'study');

  // The workbook downloads under the server's name.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download XLSX' }).click();
  const workbook = await downloading;
  expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(workbook.suggestedFilename());

  // Open the best Sharpe portfolio in the workspace: its command is in the editor, ready to run.
  await row.getByRole('link', { name: 'Open Max Sharpe in workspace' }).click();
  await expect(page).toHaveURL(new RegExp(`/app/?\\?command=`));
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await expect(editor).toHaveText(best.command);
  await expect(page.getByRole('button', { name: 'Run backtest' })).toBeEnabled();

  // And the study is in the person's list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studies' }).click();
  const list = page.getByRole('region', { name: 'Your studies' });
  await expect(list.getByRole('row', { name: /KO PEP XOM JNJ/ })).toContainText('Completed');
});
