import type { APIRequestContext } from '@playwright/test';
import { expect, registerByApi, signInWithForm, test, type EmbeddedServer, type Person } from './fixtures';

const COMMAND = 'KO-L-60% PEP-L-40% 2015-01-02 2019-12-31 rebalance=quarterly';

/** Runs a simulation through the API and waits until it is completed. */
async function completedSimulation(
  request: APIRequestContext,
  server: EmbeddedServer,
  person: Person,
  command: string,
): Promise<string> {
  const headers = { authorization: `Bearer ${person.accessToken}` };
  const accepted = await request.post(`${server.url}/simulate`, { headers, data: { command } });
  expect(accepted.status()).toBe(202);
  const { simulationId } = (await accepted.json()) as { simulationId: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`${server.url}/history/${simulationId}`, { headers })).json()) as { status: string })
          .status,
      { timeout: 30_000 },
    )
    .toBe('completed');
  return simulationId;
}

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
