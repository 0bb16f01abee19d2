import { readFileSync } from 'node:fs';
import { completedSimulation, expect, registerByApi, screenshot, signInWithForm, test } from './fixtures';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2012-01-01 2022-12-28 contribute=-300/month';

interface Projection {
  status: string;
  inputs: { seed: number; paths: number };
  outputs: { pathsPositive: number; depletedPaths: number; pathsAboveTarget: number } | null;
}

test('a person projects a completed simulation forward from its results page', async ({ page, server, request }) => {
  const owner = await registerByApi(request, server, 'projector');
  const headers = { authorization: `Bearer ${owner.accessToken}` };
  const simulationId = await completedSimulation(request, server, owner, COMMAND);

  await signInWithForm(page, server, owner.email);
  await page.goto(`${server.app}/simulations/${simulationId}`);
  const panel = page.getByRole('region', { name: 'Project forward' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Paths')).toHaveValue('10000');
  await expect(panel.getByLabel('Years')).toHaveValue('30');
  await panel.getByLabel('Paths').fill('2000');
  await panel.getByLabel('Seed (optional)').fill('42');

  const posted = page.waitForResponse(
    (response) => response.url().endsWith(`/history/${simulationId}/projections`) && response.status() === 202,
  );
  await panel.getByRole('button', { name: 'Project forward' }).click();
  const { projectionId } = (await (await posted).json()) as { projectionId: string };

  const outcomes = panel.getByRole('list', { name: 'Projection outcomes' });
  await expect(outcomes).toBeVisible({ timeout: 60_000 });
  const projection = (await (
    await request.get(`${server.url}/projections/${projectionId}`, { headers })
  ).json()) as Projection;
  expect(projection).toMatchObject({ status: 'completed', inputs: { seed: 42, paths: 2000 } });
  const outputs = projection.outputs!;
  const count = (n: number) => n.toLocaleString('en-US');
  await expect(outcomes).toContainText(
    `In ${count(outputs.pathsPositive)} of 2,000 paths the money lasted 30 years; in ${count(outputs.depletedPaths)} it ran out.`,
  );
  await expect(outcomes).toContainText(`In ${count(outputs.pathsAboveTarget)} of 2,000 paths it ended above`);
  await expect(panel.getByRole('img', { name: /Projected value by percentile/ })).toBeVisible();
  await expect(panel.locator('canvas').first()).toBeVisible();

  // The workbook of the projection, from the panel.
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Download XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^portofino-.*-projection\.xlsx$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');
  await expect(panel.getByRole('status').filter({ hasText: 'Downloaded portofino-' })).toBeVisible();
  await screenshot(page, 'projection');
});
