import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(90_000);

const root = join(__dirname, '..', '..');

describe("the dashboard's typed API client", () => {
  // openapi-typescript is ESM inside: Jest cannot load it on Node 20, so the generator runs as its own process.
  it('is generated from the OpenAPI document as the API stands now (`npm run generate:api-client` if not)', () => {
    const run = spawnSync(
      process.execPath,
      [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'scripts/generate-api-client.ts', '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(`${run.stdout}${run.stderr}`).toContain('client/lib/api/schema.d.ts is up to date');
    expect(run.status).toBe(0);
  });
});
