import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { ReportAcceptedDto, ReportDto, ReportRequestDto } from './dto/report.dto';
import { ReportService, XLSX_CONTENT_TYPE } from './report.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('report')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Request an Excel report of a completed simulation; follow it on the /reports socket',
    description: 'The same simulation reported again reuses the existing report unless force is true.',
  })
  @ApiAcceptedResponse({ type: ReportAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_FOUND: unknown, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_COMPLETED: still queued or running' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'SIMULATION_FAILED: nothing to report' })
  async request(@CurrentUser() user: AuthenticatedUser, @Body() body: ReportRequestDto): Promise<ReportAcceptedDto> {
    const { report, created } = await this.reports.request(user.id, body.simulationId, body.force ?? false);
    return ReportAcceptedDto.from(report, created);
  }

  @Get(':id')
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'A report’s status, progress, failure reason and download link' })
  @ApiOkResponse({ type: ReportDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ReportDto> {
    return ReportDto.from(await this.reports.getOwned(user.id, id));
  }

  @Get(':id/download')
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'The workbook (.xlsx) of a completed report' })
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOkResponse({
    description: 'the workbook, as an attachment',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'unknown id, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'REPORT_NOT_READY: queued, running or failed' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const file = await this.reports.download(user.id, id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      length: file.size,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
