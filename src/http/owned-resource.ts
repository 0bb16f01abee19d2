import { applyDecorators, Param, ParseUUIDPipe, Type } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiOperationOptions,
  ApiParam,
} from '@nestjs/swagger';
import { ErrorResponse, UUID_PARAM } from './error-response';
import { ApiXlsxResponse } from './file-attachment';

/**
 * The OpenAPI of the endpoints on one of the user's own resources by {id} (simulations, comparisons, studies,
 * projections, reports): another user's answers 404 as an unknown id does.
 */
export const NOT_OWNED = 'unknown id, or another user’s';

/** The {id} of one of the user's own resources: a UUID (else 400 VALIDATION_FAILED). */
export const OwnedId = (): ParameterDecorator => Param('id', new ParseUUIDPipe());

/** GET of an owned resource: 200 with `type`, 404 when unknown or another user's. */
export const ApiOwnedRead = (operation: ApiOperationOptions, type: Type, notFound = NOT_OWNED) =>
  applyDecorators(
    ApiParam(UUID_PARAM),
    ApiOperation(operation),
    ApiOkResponse({ type }),
    ApiNotFoundResponse({ type: ErrorResponse, description: notFound }),
  );

/** DELETE of an owned resource: 204, 404 when unknown or another user's. */
export const ApiOwnedDelete = (summary: string, notFound = NOT_OWNED) =>
  applyDecorators(
    ApiParam(UUID_PARAM),
    ApiOperation({ summary }),
    ApiNoContentResponse({ description: 'deleted' }),
    ApiNotFoundResponse({ type: ErrorResponse, description: notFound }),
  );

/** GET of an owned resource's workbook: the .xlsx, 404 when unknown or another user's, 409 `notCompleted`. */
export const ApiOwnedWorkbook = (operation: ApiOperationOptions, notCompleted: string, notFound = NOT_OWNED) =>
  applyDecorators(
    ApiParam(UUID_PARAM),
    ApiOperation(operation),
    ApiXlsxResponse(),
    ApiNotFoundResponse({ type: ErrorResponse, description: notFound }),
    ApiConflictResponse({ type: ErrorResponse, description: notCompleted }),
  );
