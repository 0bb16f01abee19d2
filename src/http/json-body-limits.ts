/**
 * Bounds on the shape of a JSON request body. Our DTOs are small (three levels, a handful of fields), while
 * class-transformer and class-validator recurse once per level (200,000 levels overflow the stack) and slow down
 * faster than linearly with the number of fields of one object (60,000 keys: seconds of blocked event loop).
 */
export const JSON_BODY_LIMITS = { depth: 32, fieldsPerObject: 100, values: 10_000 } as const;
export type JsonBodyLimits = { depth: number; fieldsPerObject: number; values: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * What is wrong with the shape of UTF-8 JSON text, or null: nesting deeper than `limits.depth`, an object with
 * more than `limits.fieldsPerObject` fields, more than `limits.values` values in all. One pass over the bytes
 * (brackets and commas inside strings are skipped), stopping at the first excess; run before JSON.parse, so
 * nothing oversized is ever parsed. Malformed text is left to JSON.parse to refuse. Multi-byte UTF-8 sequences
 * never contain these ASCII bytes, so scanning bytes is exact.
 */
export function jsonShapeProblem(text: Uint8Array, limits: JsonBodyLimits = JSON_BODY_LIMITS): string | null {
  // Per open container: whether it is an object, and its separators so far (fields or elements = commas + 1).
  const isObject = new Uint8Array(limits.depth + 1);
  const commas = new Int32Array(limits.depth + 1);
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const byte = text[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > limits.depth) {
        return `request body nests deeper than ${limits.depth} levels of arrays and objects`;
      }
      isObject[depth] = byte === OPEN_OBJECT ? 1 : 0;
      commas[depth] = 0;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      if (depth > 0) depth -= 1;
    } else if (byte === COMMA && depth > 0) {
      values += 1;
      if (values >= limits.values) return `request body holds more than ${limits.values} values`;
      commas[depth] += 1;
      if (isObject[depth] === 1 && commas[depth] >= limits.fieldsPerObject) {
        return `an object in the request body has more than ${limits.fieldsPerObject} fields`;
      }
    }
  }
  return null;
}

/** What body-parser's `verify` throws: it answers with `status` and leaves the body unparsed. */
export class JsonBodyRefusedError extends Error {
  readonly expose = true;

  constructor(
    message: string,
    readonly status: number,
    readonly type: string,
  ) {
    super(message);
    this.name = 'JsonBodyRefusedError';
  }
}

/**
 * express.json's `verify` hook: refuses bodies beyond JSON_BODY_LIMITS (400) and bodies in another charset than
 * UTF-8 (415; RFC 8259 requires UTF-8 between systems, and the byte scan relies on it).
 */
export function verifyJsonBody(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') {
    throw new JsonBodyRefusedError(`JSON must be sent in UTF-8 (got ${encoding})`, 415, 'charset.unsupported');
  }
  const problem = jsonShapeProblem(body);
  if (problem) throw new JsonBodyRefusedError(problem, 400, 'entity.shape.refused');
}
