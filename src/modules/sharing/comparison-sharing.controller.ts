import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ApiDatabaseUnavailableResponse, ErrorResponse, UUID_PARAM } from '../../http/error-response';
import { ShareLinkCreatedDto, ShareLinkDto, ShareLinkListDto } from './dto/share-link.dto';
import { SharingService } from './sharing.service';

/** The owner's side of comparison share links: /comparisons/{id}/share. */
@ApiTags('sharing')
@ApiBearerAuth()
@ApiDatabaseUnavailableResponse()
@Controller('comparisons/:id/share')
export class ComparisonSharingController {
  constructor(private readonly sharing: SharingService) {}

  @Post()
  @HttpCode(201)
  @ApiParam(UUID_PARAM)
  @ApiOperation({
    summary: 'Create a read-only link to one of your completed comparisons',
    description:
      'Anyone with the link sees the comparison (GET /shared/{token}, the page /app/shared/{token}) and can ' +
      'download its workbook, without signing in, until the link is revoked or the comparison deleted. The token ' +
      'is shown only in this answer: only its SHA-256 is stored. Emits `comparison.shared` on ' +
      'portofino.sharing.events.v1.',
  })
  @ApiCreatedResponse({ type: ShareLinkCreatedDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'COMPARISON_NOT_FOUND: unknown, or another user’s' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'COMPARISON_NOT_COMPLETED: queued, running or failed' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ShareLinkCreatedDto> {
    const { link, token } = await this.sharing.shareComparison(user.id, id);
    return ShareLinkCreatedDto.created(link, token);
  }

  @Get()
  @ApiParam(UUID_PARAM)
  @ApiOperation({ summary: 'The comparison’s active share links (ids and token hints: tokens are not stored)' })
  @ApiOkResponse({ type: ShareLinkListDto })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'COMPARISON_NOT_FOUND: unknown, or another user’s' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ShareLinkListDto> {
    return { items: (await this.sharing.listComparisonLinks(user.id, id)).map((link) => ShareLinkDto.from(link)) };
  }

  @Delete(':token')
  @HttpCode(204)
  @ApiParam(UUID_PARAM)
  @ApiParam({
    name: 'token',
    description: 'the link’s token, or its id (as GET lists it)',
    schema: { type: 'string', minLength: 1, maxLength: 64 },
  })
  @ApiOperation({
    summary: 'Revoke a comparison’s share link: it answers 404 from now on',
    description: 'Emits `comparison.share_revoked` on portofino.sharing.events.v1.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'COMPARISON_NOT_FOUND (unknown, or another user’s) or SHARE_LINK_NOT_FOUND (no such active link)',
  })
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('token') token: string,
  ): Promise<void> {
    await this.sharing.revokeComparisonLink(user.id, id, token);
  }
}
