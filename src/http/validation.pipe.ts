import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

interface FieldProblem {
  field: string;
  problems: string[];
}

/** At most this many fields are listed in an answer (a body may hold up to 100 unknown ones). */
export const MAX_LISTED_FIELD_PROBLEMS = 20;

/**
 * Query parameters a request may carry: class-transformer slows down faster than linearly with the fields of an
 * object (JSON bodies are bounded by the body parser, see json-body-limits.ts; a 16 kB URL holds thousands).
 */
export const MAX_QUERY_PARAMETERS = 100;

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function validationFailed(message: string, details: unknown[]): BadRequestException {
  return new BadRequestException({ code: 'VALIDATION_FAILED', message, details });
}

/**
 * Whitelist, forbid unknown fields, transform; errors list every field with its problems (the first
 * MAX_LISTED_FIELD_PROBLEMS of them). A body that is not a JSON object where a DTO is expected (an array, a string)
 * is refused at once, as is a query of more than MAX_QUERY_PARAMETERS parameters.
 */
class PortoFinoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.toValidate(metadata) && value !== undefined && value !== null) {
      if (metadata.type === 'body' && (typeof value !== 'object' || Array.isArray(value))) {
        throw validationFailed('request body must be a JSON object', [
          { field: '(body)', problems: ['must be a JSON object'] },
        ]);
      }
      if (metadata.type === 'query' && Object.keys(value).length > MAX_QUERY_PARAMETERS) {
        throw validationFailed(`a request takes at most ${MAX_QUERY_PARAMETERS} query parameters`, [
          { field: '(query)', problems: [`at most ${MAX_QUERY_PARAMETERS} parameters`] },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new PortoFinoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const all = flatten(errors);
      const details = all.slice(0, MAX_LISTED_FIELD_PROBLEMS);
      const more = all.length - details.length;
      return validationFailed(
        details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ') +
          (more > 0 ? `; and ${more} more field${more === 1 ? '' : 's'}` : ''),
        details,
      );
    },
  });
}
