import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import {
  StudyAcceptedDto,
  StudyDetailDto,
  StudyListQueryDto,
  StudyPageDto,
  StudyRequestDto,
  StudyScatterDto,
  StudySummaryDto,
} from './dto/study.dto';
import { StudyService } from './study.service';
import { XLSX_CONTENT_TYPE } from './study-workbook';

@ApiTags('studies')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('studies')
export class StudyController {
  constructor(private readonly studies: StudyService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Search the weights of a universe: backtest every candidate, keep the best and the frontiers',
    description:
      'Random (uniform or Dirichlet) or grid candidates under per-ticker bounds, shorts and a holdings limit, ' +
      'each backtested on daily prices with the options of a command. Cut into chunks that any worker takes; ' +
      'follow it on the /studies socket. docs/studies.md',
  })
  @ApiAcceptedResponse({ type: StudyAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: a field of the wrong type' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'INVALID_STUDY: details holds every problem located, each { field, code, message }',
  })
  async submit(@CurrentUser() user: AuthenticatedUser, @Body() body: StudyRequestDto): Promise<StudyAcceptedDto> {
    return StudyAcceptedDto.from(await this.studies.submit(user.id, body));
  }

  @Get()
  @ApiOperation({ summary: 'Your studies, newest first (without their results)' })
  @ApiOkResponse({ type: StudyPageDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: StudyListQueryDto): Promise<StudyPageDto> {
    const page = await this.studies.list(user.id, query.page, query.size);
    return {
      items: page.items.map((study) => StudySummaryDto.from(study)),
      page: query.page,
      size: query.size,
      total: page.total,
    };
  }

  @Get(':id')
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'A study: status, progress, and once completed the best portfolios, frontiers, statistics' })
  @ApiOkResponse({ type: StudyDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StudyDetailDto> {
    return StudyDetailDto.fromDetail(await this.studies.getOwned(user.id, id));
  }

  @Get(':id/scatter')
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary:
      'Every candidate’s volatility, CAGR, Sharpe and max drawdown (up to 100,000 points), as base64 typed arrays',
  })
  @ApiOkResponse({ type: StudyScatterDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'STUDY_NOT_COMPLETED: queued, running or failed' })
  async scatter(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StudyScatterDto> {
    // Stored as served (encodeStudyScatter).
    return JSON.parse(await this.studies.scatterOwned(user.id, id)) as StudyScatterDto;
  }

  @Get(':id/xlsx')
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary:
      'The workbook (.xlsx) of a completed study: best portfolios per objective, references, frontiers, statistics',
  })
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOkResponse({
    description: 'the workbook, as an attachment',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'STUDY_NOT_COMPLETED: queued, running or failed' })
  async workbook(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const file = await this.studies.workbookOwned(user.id, id);
    return new StreamableFile(file.buffer, {
      type: XLSX_CONTENT_TYPE,
      length: file.buffer.length,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'Delete a study (its chunks still queued stop at once)' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.studies.delete(user.id, id);
  }
}
