import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { ComparisonWorkbookService } from './comparison-workbook.service';
import { XLSX_CONTENT_TYPE } from './report.service';

/** GET /comparisons/{id}/xlsx: the owner's comparison workbook, built on request. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('comparisons')
export class ComparisonReportController {
  constructor(private readonly workbooks: ComparisonWorkbookService) {}

  @Get(':id/xlsx')
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary: 'The workbook (.xlsx) of one of your completed comparisons',
    description:
      'Summary (members side by side, the best of each metric marked), Daily (every member’s value, daily return ' +
      'and drawdown), Correlation and Charts (values and drawdowns overlaid, native Excel charts). docs/comparisons.md',
  })
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOkResponse({
    description: 'the workbook, as an attachment',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'COMPARISON_NOT_FOUND: unknown, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'COMPARISON_NOT_COMPLETED: queued, running or failed' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<StreamableFile> {
    const file = await this.workbooks.forOwner(user.id, id);
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
