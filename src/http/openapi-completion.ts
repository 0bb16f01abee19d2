import type { OpenAPIObject } from '@nestjs/swagger';

// @nestjs/swagger exports the document's type only: its parts, as the document spells them.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type SchemaOrReference = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
type ReferenceObject = Extract<SchemaOrReference, { $ref: string }>;
type SchemaObject = Exclude<SchemaOrReference, ReferenceObject>;
type RequestBodyObject = Exclude<NonNullable<OperationObject['requestBody']>, ReferenceObject>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } };

/** The answers every route can give for the same reasons, documented once here rather than on every route. */
const SHARED_ERRORS = {
  invalidInput: {
    status: '400',
    description:
      'BAD_REQUEST or VALIDATION_FAILED: a parameter or the body does not follow this document (details list ' +
      'each problem), or the body is not valid JSON, or nests deeper than 32 levels, or has more than 100 fields ' +
      'in an object or 10,000 values',
  },
  tooLarge: { status: '413', description: 'PAYLOAD_TOO_LARGE: the body is over the size limit (BODY_LIMIT)' },
  mediaType: {
    status: '415',
    description: 'UNSUPPORTED_MEDIA_TYPE: the body is not in the media type (or the charset, UTF-8) this route reads',
  },
  unauthenticated: {
    status: '401',
    description:
      'AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED, ACCESS_TOKEN_INVALID or ACCOUNT_NOT_FOUND: send a valid ' +
      'access token of an existing account',
  },
} as const;

const isReference = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

function addResponse(operation: OperationObject, error: { status: string; description: string }): void {
  operation.responses[error.status] ??= { description: error.description, content: ERROR_CONTENT };
}

/** Objects a request body may hold refuse fields they do not declare, as the validation pipe does. */
function closeObjects(schema: SchemaObject | ReferenceObject | undefined, document: OpenAPIObject, seen: Set<string>) {
  if (!schema) return;
  if (isReference(schema)) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return;
    seen.add(name);
    closeObjects(document.components?.schemas?.[name], document, seen);
    return;
  }
  if (typeof schema.additionalProperties === 'object') {
    // A map (bounds per ticker): its keys are free, its values' objects are closed.
    closeObjects(schema.additionalProperties, document, seen);
  } else if (schema.type === 'object' || schema.properties) {
    schema.additionalProperties = false;
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      closeObjects(property, document, seen);
      // An optional field may also be null: the validation pipe (@IsOptional) reads null as absent.
      if (required.has(name)) continue;
      if (isReference(property)) schema.properties![name] = { allOf: [property], nullable: true };
      else property.nullable = true;
    }
  }
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    closeObjects(part, document, seen);
  }
  if (schema.items) closeObjects(schema.items, document, seen);
}

/**
 * What the decorators cannot say on each route, added to the generated document so that it describes every
 * answer the server gives (checked by Schemathesis in the test suite, scripts/schemathesis):
 * - 400 on every route that takes parameters or a body, 413 and 415 on every route that takes a body, 401 on
 *   every route that needs an access token, all in the ErrorResponse shape;
 * - every error response without a body of its own declared as ErrorResponse JSON (never the success's media type);
 * - request bodies' objects closed (`additionalProperties: false`): unknown fields are refused; their optional
 *   fields nullable: null reads as absent;
 * - the refresh cookie is one way to send a refresh token, the body the other: that security is optional.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const closed = new Set<string>();
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const hasBody = operation.requestBody !== undefined;
      if ((operation.parameters?.length ?? 0) > 0 || hasBody) addResponse(operation, SHARED_ERRORS.invalidInput);
      if (hasBody) {
        addResponse(operation, SHARED_ERRORS.tooLarge);
        addResponse(operation, SHARED_ERRORS.mediaType);
        const body = operation.requestBody;
        if (body && !isReference(body)) {
          for (const media of Object.values((body as RequestBodyObject).content)) {
            closeObjects(media.schema, document, closed);
          }
        }
      }
      const security = operation.security ?? [];
      if (security.some((requirement) => 'bearer' in requirement)) {
        addResponse(operation, SHARED_ERRORS.unauthenticated);
      }
      if (security.some((requirement) => 'refresh-cookie' in requirement)) operation.security = [...security, {}];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || !response || isReference(response)) continue;
        (response as { content?: unknown }).content ??= ERROR_CONTENT;
      }
    }
  }
  return document;
}
