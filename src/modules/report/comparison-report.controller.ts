import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse } from '../../http/error-response';
import { fileAttachment } from '../../http/file-attachment';
import { ApiOwnedWorkbook, OwnedId } from '../../http/owned-resource';
import { ComparisonWorkbookService } from './comparison-workbook.service';

/** GET /comparisons/{id}/xlsx: the owner's comparison workbook, built on request. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('comparisons')
export class ComparisonReportController {
  constructor(private readonly workbooks: ComparisonWorkbookService) {}

  @Get(':id/xlsx')
  // The workbook on success only: errors are JSON like everywhere else.
  @ApiOwnedWorkbook(
    {
      summary: 'The workbook (.xlsx) of one of your completed comparisons',
      description:
        'Summary (members side by side, the best of each metric marked), Daily (every member’s value, daily return ' +
        'and drawdown), Correlation and Charts (values and drawdowns overlaid, native Excel charts). docs/comparisons.md',
    },
    'COMPARISON_NOT_COMPLETED: queued, running or failed',
    'COMPARISON_NOT_FOUND: unknown, or another user’s',
  )
  async download(@CurrentUser() user: AuthenticatedUser, @OwnedId() id: string): Promise<StreamableFile> {
    return fileAttachment(await this.workbooks.forOwner(user.id, id));
  }
}
