import { Body, Controller, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse } from '../../http/error-response';
import { fileAttachment } from '../../http/file-attachment';
import { ApiOwnedRead, ApiOwnedWorkbook, OwnedId } from '../../http/owned-resource';
import { ReportAcceptedDto, ReportDto, ReportRequestDto } from './dto/report.dto';
import { ReportService } from './report.service';

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
  @ApiOwnedRead({ summary: 'A report’s status, progress, failure reason and download link' }, ReportDto)
  async get(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<ReportDto> {
    return ReportDto.from(await this.reports.getOwned(user.id, id));
  }

  @Get(':id/download')
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOwnedWorkbook(
    { summary: 'The workbook (.xlsx) of a completed report' },
    'REPORT_NOT_READY: queued, running or failed',
  )
  async download(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<StreamableFile> {
    const file = await this.reports.download(user.id, id);
    return fileAttachment({ ...file, content: file.stream });
  }
}
