import { Controller, Get, Header, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '../../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../../http/error-response';
import { OwnedId } from '../../../http/owned-resource';
import { TEARSHEET_CONTENT_TYPE, TearsheetService } from './tearsheet.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('history')
export class TearsheetController {
  constructor(private readonly tearsheets: TearsheetService) {}

  @Get(':id/tearsheet')
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary:
      'A self-contained HTML tearsheet of a completed simulation (inline SVG charts; opens offline, prints to PDF)',
  })
  @ApiOkResponse({
    description: 'the tearsheet, as an attachment',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_FOUND: unknown, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'SIMULATION_NOT_COMPLETED: still queued or running' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'SIMULATION_FAILED: nothing to show' })
  @Header('Cache-Control', 'private, no-store')
  async tearsheet(
    @CurrentUser() user: AuthenticatedUser,
    @OwnedId() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { html, fileName } = await this.tearsheets.render(user.id, id);
    response.setHeader('Content-Type', TEARSHEET_CONTENT_TYPE);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return html;
  }
}
