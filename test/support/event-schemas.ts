import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA_DIR = join(__dirname, '..', '..', 'docs', 'events');

/** Validates an event envelope against its published JSON Schema (docs/events/<type>.v<version>.schema.json). */
export function createEventValidator(): (envelope: { type: string; version: number }) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json'))) {
    validators.set(
      file.replace('.schema.json', ''),
      ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'))),
    );
  }
  return (envelope) => {
    const validate = validators.get(`${envelope.type}.v${envelope.version}`);
    if (!validate) return [`no schema for ${envelope.type} v${envelope.version}`];
    return validate(envelope) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
