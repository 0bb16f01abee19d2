import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../support/embedded-server';

export type { EmbeddedServer };

export const PASSWORD = 'correct horse battery staple 7';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

/** A person with an account, and an access token for asserting through the API what the page shows. */
export interface Person {
  email: string;
  accessToken: string;
}

/** Starts the real server (src/main.ts) in embedded mode once per test file: SQLite, in-process queue and events. */
export const test = base.extend<object, { server: EmbeddedServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const server = await startEmbeddedServer();
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    // Starting the server may take minutes on a loaded machine (startEmbeddedServer waits up to 150 s).
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect };

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** Registers through the API (for tests whose subject is not the sign-up form). */
export async function registerByApi(
  request: APIRequestContext,
  server: EmbeddedServer,
  label: string,
): Promise<Person> {
  const email = uniqueEmail(label);
  const response = await request.post(`${server.url}/auth/register`, { data: { email, password: PASSWORD } });
  expect(response.status()).toBe(201);
  return { email, accessToken: ((await response.json()) as { accessToken: string }).accessToken };
}

/** Signs in through the sign-in form and waits for the workspace. */
export async function signInWithForm(page: Page, server: EmbeddedServer, email: string): Promise<void> {
  await page.goto(`${server.app}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A full-page screenshot kept under test-results/screenshots/ (CI keeps test-results as an artifact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Submits a command through the API and waits until its simulation is completed; returns its id. */
export async function completedSimulation(
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
