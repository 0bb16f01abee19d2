/**
 * TypeORM CLI entry (npm run migration:run | migration:revert): the same database and migrations as the app.
 * Reads the environment (and .env) through the same validated configuration.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { parseEnvironment } from './src/config/environment.schema';
import { buildDataSourceOptions } from './src/database/data-source-options';

function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const entries = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1], match[2].replace(/^(['"])(.*)\1$/, '$2')]);
  return Object.fromEntries(entries);
}

const config = parseEnvironment({ ...readDotEnv('.env'), ...process.env });

export default new DataSource(buildDataSourceOptions(config.database));
