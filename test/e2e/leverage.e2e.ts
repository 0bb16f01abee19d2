import type { APIRequestContext } from '@playwright/test';
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

type Detail = {
  status: string;
  summary: { notes: { code: string; ticker: string | null; message: string }[] } | null;
};

const LEVERAGED = 'KO?L=2&E=0.95-L-150% CASH-S-50% 2010-01-04 2015-12-31 cash=1% borrow=4%';

async function detailOf(request: APIRequestContext, server: EmbeddedServer, person: Person, id: string) {
  const headers = { authorization: `Bearer ${person.accessToken}` };
  return (await (await request.get(`${server.url}/history/${id}`, { headers })).json()) as Detail;
}

/** The notes as the page shows them: "Title: Sentence." for each note of the API's answer. */
async function expectNotes(page: import('@playwright/test').Page, detail: Detail, titles: string[]) {
  const notes = page.getByRole('list', { name: 'Notes' }).getByRole('note');
  const expected = detail.summary!.notes.map((note, index) => {
    const message = /^[a-z]/.test(note.message)
      ? note.message.charAt(0).toUpperCase() + note.message.slice(1)
      : note.message;
    return `${titles[index]}: ${message}${message.endsWith('.') ? '' : '.'}`;
  });
  await expect(notes).toHaveText(expected);
}

test('a leveraged run typed in the editor: modifiers coloured, notes on the results page', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'leverage');
  await signInWithForm(page, server, person.email);
  const editor = page.getByRole('textbox', { name: 'Portfolio command' });
  await editor.click();
  await page.keyboard.type(LEVERAGED);
  await page.keyboard.press('Escape'); // close any completion list
  await expect(page.getByRole('alert', { name: 'Command errors' }).getByRole('listitem')).toHaveCount(0);
  // The synthetic ticker's modifiers are coloured as modifiers, its base as a ticker.
  await expect(editor.locator('.cm-cmd-modifier-name')).toHaveText(['L', 'E']);
  await expect(editor.locator('.cm-cmd-modifier-value')).toHaveText(['2', '0.95']);
  await expect(editor.locator('.cm-cmd-ticker').first()).toHaveText('KO');
  await screenshot(page, 'workspace-leverage');

  await page.getByRole('button', { name: 'Run backtest' }).click();
  await page.waitForURL(/\/app\/simulations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split('/').pop() as string;
  const detail = await detailOf(request, server, person, id);
  expect(detail.status).toBe('completed');
  expect(detail.summary!.notes.map((note) => note.code)).toEqual(['LEVERAGE', 'CASH_INTEREST', 'SYNTHETIC']);
  await expectNotes(page, detail, ['Leverage', 'Interest', 'Synthetic ticker']);
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText('a loan of 50% of the capital');
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText('at the cash= rate of 1% a year');
  await expect(page.getByTestId('cash-interest')).toBeVisible();
  await screenshot(page, 'results-leverage');
});

test('a spliced run: which series gave the prices from which date, and the real CAGR', async ({
  page,
  server,
  request,
}) => {
  const person = await registerByApi(request, server, 'splice');
  const headers = { authorization: `Bearer ${person.accessToken}` };
  // A young fund with prices from 2016 only.
  const young = ['2016-01-04,50', '2016-06-01,52', '2016-12-30,55'].join('\n');
  const uploaded = await request.post(`${server.url}/assets/YOUNG/prices`, {
    headers: { ...headers, 'content-type': 'text/csv' },
    data: `date,close\n${young}\n`,
  });
  expect(uploaded.status()).toBe(201);
  const simulationId = await completedSimulation(
    request,
    server,
    person,
    'YOUNG?FB=KO-L-100% 2015-01-02 2016-12-30 inflation=2%',
  );
  const detail = await detailOf(request, server, person, simulationId);
  expect(detail.summary!.notes.map((note) => note.code)).toEqual(['SPLICE', 'INFLATION']);

  await signInWithForm(page, server, person.email);
  await page.goto(`${server.app}/simulations/${simulationId}`);
  await expectNotes(page, detail, ['Spliced history', 'Real returns']);
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText(
    'YOUNG?FB=KO is spliced on returns: KO from 2015-01-02 to 2015-12-31, then YOUNG from 2016-01-04 to 2016-12-30',
  );
  await expect(page.getByTestId('real-returns')).toContainText('a year');
  await screenshot(page, 'results-splice');
});
