import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../src/app.factory';
import { buildOpenApiDocument } from '../src/http/openapi';
import { temporaryDirectory } from './temporary-directory';

export const API_SCHEMA_FILE = 'client/lib/api/schema.d.ts';

const HEADER =
  '// Generated from the API’s OpenAPI document by `npm run generate:api-client` (scripts/generate-api-client.ts).\n' +
  '// Do not edit: change the controllers and DTOs, then regenerate; a test fails while this file is stale.\n\n';

/** The TypeScript description of the API (paths, operations, schemas) that the dashboard's client is typed by. */
export async function renderApiSchema(): Promise<string> {
  const workspace = temporaryDirectory('portofino-openapi-');
  const { app } = await createApp({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      SERVE_DASHBOARD: 'false',
      SQLITE_PATH: `${workspace.path}/openapi.sqlite`,
      JWT_SECRET_FILE: `${workspace.path}/jwt-secret`,
      REPORTS_DIR: `${workspace.path}/reports`,
      MARKET_DATA_PROVIDERS: 'sample',
    },
  });
  try {
    await app.init();
    const document = buildOpenApiDocument(app);
    // The version changes with every release and is not part of the contract.
    document.info.version = '';
    const ast = await openapiTS(document as unknown as OpenAPI3, { alphabetize: true });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
    workspace.remove();
  }
}
