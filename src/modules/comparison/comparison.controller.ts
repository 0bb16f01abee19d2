import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { ApiOwnedDelete, ApiOwnedRead, OwnedId } from '../../http/owned-resource';
import {
  ComparisonAcceptedDto,
  ComparisonDetailDto,
  ComparisonListQueryDto,
  ComparisonPageDto,
  ComparisonRequestDto,
  ComparisonSummaryDto,
} from './dto/comparison.dto';
import { ComparisonService } from './comparison.service';

@ApiTags('comparisons')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('comparisons')
export class ComparisonController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Compare 2 to 10 portfolios side by side; follow it on the /comparisons socket',
    description:
      'Give members (commands, optionally named) or simulationIds (your history entries). By default every ' +
      'member is simulated on the common period (the latest start and earliest end all can cover); ' +
      'period=own simulates each on its own. Each member’s own options apply to it. docs/comparisons.md',
  })
  @ApiAcceptedResponse({ type: ComparisonAcceptedDto })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'SIMULATION_NOT_FOUND: a simulationId unknown or another user’s',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'INVALID_COMPARISON: details holds each error located (member index, line, column, code, hint)',
  })
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ComparisonRequestDto,
  ): Promise<ComparisonAcceptedDto> {
    return ComparisonAcceptedDto.from(await this.comparisons.submit(user.id, body));
  }

  @Get()
  @ApiOperation({ summary: 'Your comparisons, newest first (without their series), a page at a time as GET /history' })
  @ApiOkResponse({ type: ComparisonPageDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ComparisonListQueryDto,
  ): Promise<ComparisonPageDto> {
    const page = await this.comparisons.list(user.id, query);
    return { ...page, items: page.items.map((one) => ComparisonSummaryDto.from(one)) };
  }

  @Get(':id')
  @ApiOwnedRead(
    {
      summary:
        'A comparison: status, and once completed each member’s metrics and series, the period, correlations, best',
    },
    ComparisonDetailDto,
  )
  async get(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<ComparisonDetailDto> {
    return ComparisonDetailDto.fromDetail(await this.comparisons.getOwned(user.id, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOwnedDelete('Delete a comparison')
  async delete(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<void> {
    await this.comparisons.delete(user.id, id);
  }

  @Post(':id/rerun')
  @HttpCode(202)
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'Run a comparison again, as a new comparison with the same members and period' })
  @ApiAcceptedResponse({ type: ComparisonAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  async rerun(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<ComparisonAcceptedDto> {
    return ComparisonAcceptedDto.from(await this.comparisons.rerun(user.id, id));
  }
}
