/**
 * `npm run generate:api-client`: writes client/lib/api/schema.d.ts from the OpenAPI document of the API as it is
 * built now (embedded mode, nothing to start). The dashboard's typed client (client/lib/api/client.ts) uses it.
 * `--check` writes nothing and exits 1 when the committed file is stale (the test suite runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_SCHEMA_FILE, renderApiSchema } from './api-client-schema';

const target = join(__dirname, '..', API_SCHEMA_FILE);
const check = process.argv.includes('--check');

renderApiSchema()
  .then((schema) => {
    if (!check) {
      writeFileSync(target, schema);
      console.log(`wrote ${API_SCHEMA_FILE}`);
    } else if (readFileSync(target, 'utf8') !== schema) {
      console.error(`${API_SCHEMA_FILE} is stale: run \`npm run generate:api-client\` and commit it`);
      process.exit(1);
    } else console.log(`${API_SCHEMA_FILE} is up to date`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
