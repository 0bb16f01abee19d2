import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { OwnedId } from '../../http/owned-resource';
import { SimulationAnalysisQueryDto } from './dto/simulation-analysis-query.dto';
import { SimulationAnalysisDto } from './dto/simulation-analysis.dto';
import { HistoryQueryDto } from './dto/history-query.dto';
import { SimulationDetailQueryDto } from './dto/simulation-detail-query.dto';
import { SimulationDetailDto } from './dto/simulation-detail.dto';
import { HistoryPageDto, SimulationSummaryDto } from './dto/simulation-summary.dto';
import { SimulationNotCompletedError } from './history.errors';
import { HistoryService } from './history.service';
import { simulationAnalysis } from './simulation-analysis.presenter';

@ApiTags('history')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Your simulations, newest first: paginated, filterable by status, ticker and date' })
  @ApiOkResponse({ type: HistoryPageDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    const page = await this.history.list(user.id, query);
    return { ...page, items: page.items.map((record) => SimulationSummaryDto.from(record)) };
  }

  @Get(':id')
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary:
      'One simulation: command, parsed form, status, metrics, daily series, trades, rolling metrics and drawdown episodes',
  })
  @ApiOkResponse({ type: SimulationDetailDto })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: an analysis option out of range' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @OwnedId() id: string,
    @Query() query: SimulationDetailQueryDto,
  ): Promise<SimulationDetailDto> {
    const { record, result } = await this.history.getDetail(user.id, id);
    const analysis = result ? simulationAnalysis(record, result, query) : null;
    return SimulationDetailDto.fromDetail(record, result, query.trades, analysis);
  }

  @Get(':id/analysis')
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary: 'Rolling metrics of one window and the drawdown episodes of a completed simulation, without its series',
  })
  @ApiOkResponse({ type: SimulationAnalysisDto })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: an analysis option out of range' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_COMPLETED: queued, running or failed' })
  async analysis(
    @CurrentUser() user: AuthenticatedUser,
    @OwnedId() id: string,
    @Query() query: SimulationAnalysisQueryDto,
  ): Promise<SimulationAnalysisDto> {
    const { record, result } = await this.history.getDetail(user.id, id);
    if (!result) throw new SimulationNotCompletedError(id, record.status);
    return simulationAnalysis(record, result, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'Delete a simulation and its result' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  async delete(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<void> {
    await this.history.delete(user.id, id);
  }
}
