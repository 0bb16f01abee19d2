import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse } from '../../http/error-response';
import { SimulateRequestDto, SimulationAcceptedDto } from './dto/simulate-request.dto';
import { PortfolioService, SubmittedSimulation } from './portfolio.service';

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
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

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
    description: 'retrying with the same key returns the same simulation instead of a second one',
  })
  @ApiAcceptedResponse({ type: SimulationAcceptedDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'INVALID_COMMAND: details list every error with token, column, expected and hint',
  })
  async simulate(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: SimulateRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SimulationAcceptedDto> {
    const key = idempotencyKey?.trim().slice(0, 200) || null;
    return accepted(await this.portfolio.submit(user.id, body, key));
  }

  @Post('history/:id/rerun')
  @HttpCode(202)
  @ApiTags('history')
  @ApiOperation({ summary: 'Run one of your simulations again, as a new history entry' })
  @ApiAcceptedResponse({ type: SimulationAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async rerun(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<SimulationAcceptedDto> {
    return accepted(await this.portfolio.rerun(user.id, id));
  }
}
