import {
  Body,
  Controller,
  createParamDecorator,
  ExecutionContext,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { SimulateRequestDto, SimulationAcceptedDto } from './dto/simulate-request.dto';
import { SimulationService, SubmittedSimulation } from './simulation.service';

/**
 * The optional Idempotency-Key header, trimmed, at most 200 characters; null when absent or blank. Read through
 * a decorator of our own rather than @Headers(), which Swagger would document a second time, as required.
 */
const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | null => {
  const value = context.switchToHttp().getRequest<Request>().header('idempotency-key');
  return value?.trim().slice(0, 200) || null;
});

const accepted = ({ record }: SubmittedSimulation): SimulationAcceptedDto => ({
  simulationId: record.id,
  taskId: record.id,
  status: record.status,
  canonical: record.canonical,
});

@ApiTags('simulations')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller()
export class SimulationController {
  constructor(private readonly simulations: SimulationService) {}

  @Post('simulate')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit a simulation: parsed at once, run by a worker; follow it on the /simulations socket',
    description:
      'The simulation is stored before the answer: while the job queue (Redis) is down the answer is still 202 and ' +
      'it runs once the queue is back. While the database is down the answer is 503 DATABASE_UNAVAILABLE: send ' +
      'it again after Retry-After, with the same Idempotency-Key.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    schema: { type: 'string' },
    description:
      'retrying with the same key returns the same simulation instead of a second one (trimmed; its first 200 characters count)',
  })
  @ApiAcceptedResponse({ type: SimulationAcceptedDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'INVALID_COMMAND: details list every error with token, column, expected and hint',
  })
  async simulate(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SimulateRequestDto,
    @IdempotencyKey() idempotencyKey: string | null,
  ): Promise<SimulationAcceptedDto> {
    return accepted(await this.simulations.submit(user.id, body, idempotencyKey));
  }

  @Post('history/:id/rerun')
  @HttpCode(202)
  @ApiParam(UUID_PARAM)
  @ApiTags('history')
  @ApiOperation({ summary: 'Run one of your simulations again, as a new history entry' })
  @ApiAcceptedResponse({ type: SimulationAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async rerun(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<SimulationAcceptedDto> {
    return accepted(await this.simulations.rerun(user.id, id));
  }
}
