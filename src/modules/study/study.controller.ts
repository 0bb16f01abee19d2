import { Body, Controller, Delete, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse } from '../../http/error-response';
import { fileAttachment } from '../../http/file-attachment';
import { ApiOwnedDelete, ApiOwnedRead, ApiOwnedWorkbook, OwnedId } from '../../http/owned-resource';
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
  @ApiOwnedRead(
    { summary: 'A study: status, progress, and once completed the best portfolios, frontiers, statistics' },
    StudyDetailDto,
  )
  async get(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<StudyDetailDto> {
    return StudyDetailDto.fromDetail(await this.studies.getOwned(user.id, id));
  }

  @Get(':id/scatter')
  @ApiOwnedRead(
    {
      summary:
        'Every candidate’s volatility, CAGR, Sharpe and max drawdown (up to 100,000 points), as base64 typed arrays',
    },
    StudyScatterDto,
  )
  @ApiConflictResponse({ type: ErrorResponse, description: 'STUDY_NOT_COMPLETED: queued, running or failed' })
  async scatter(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<StudyScatterDto> {
    // Stored as served (encodeStudyScatter).
    return JSON.parse(await this.studies.scatterOwned(user.id, id)) as StudyScatterDto;
  }

  @Get(':id/xlsx')
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOwnedWorkbook(
    {
      summary:
        'The workbook (.xlsx) of a completed study: best portfolios per objective, references, frontiers, statistics',
    },
    'STUDY_NOT_COMPLETED: queued, running or failed',
  )
  async workbook(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<StreamableFile> {
    const file = await this.studies.workbookOwned(user.id, id);
    return fileAttachment({ content: file.buffer, fileName: file.fileName });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOwnedDelete('Delete a study (its chunks still queued stop at once)')
  async delete(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<void> {
    await this.studies.delete(user.id, id);
  }
}
