import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { HistoryQueryDto } from './dto/history-query.dto';
import { SimulationDetailQueryDto } from './dto/simulation-detail-query.dto';
import { SimulationDetailDto } from './dto/simulation-detail.dto';
import { HistoryPageDto, SimulationSummaryDto } from './dto/simulation-summary.dto';
import { HistoryService } from './history.service';

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
  @ApiOperation({ summary: 'One simulation: command, parsed form, status, metrics, daily series and trades' })
  @ApiOkResponse({ type: SimulationDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: SimulationDetailQueryDto,
  ): Promise<SimulationDetailDto> {
    const { record, result } = await this.history.getDetail(user.id, id);
    return SimulationDetailDto.fromDetail(record, result, query.trades);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'Delete a simulation and its result' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.history.delete(user.id, id);
  }
}
