import { Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Type } from '@nestjs/common';
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
import type { ShareSubjectKind } from './sharing.types';

/** What the owner's share-link endpoints of one kind of subject say in the OpenAPI document. */
export interface ShareLinksDocs {
  create: { summary: string; description: string };
  listSummary: string;
  revoke: { summary: string; description: string };
  /** The 404 of create and list (the subject unknown, or another user's). */
  notFound: string;
  /** The 409 of create (the subject not completed). */
  notCompleted: string;
  /** The 404 of revoke (the subject, or the link). */
  revokeNotFound: string;
}

/**
 * The owner's side of share links of one kind of subject — POST (create), GET (list), DELETE :token (revoke) —
 * as the base of that kind's controller, which adds @Controller('<subjects>/:id/share'). One implementation for
 * /history/{id}/share and /comparisons/{id}/share: only the subject kind and the documentation differ.
 */
export function ShareLinksController(kind: ShareSubjectKind, docs: ShareLinksDocs): Type<object> {
  @ApiTags('sharing')
  @ApiBearerAuth()
  @ApiDatabaseUnavailableResponse()
  class ShareLinksControllerBase {
    constructor(readonly sharing: SharingService) {}

    @Post()
    @HttpCode(201)
    @ApiParam(UUID_PARAM)
    @ApiOperation(docs.create)
    @ApiCreatedResponse({ type: ShareLinkCreatedDto })
    @ApiNotFoundResponse({ type: ErrorResponse, description: docs.notFound })
    @ApiConflictResponse({ type: ErrorResponse, description: docs.notCompleted })
    async create(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id', new ParseUUIDPipe()) id: string,
    ): Promise<ShareLinkCreatedDto> {
      const { link, token } = await this.sharing.share(user.id, kind, id);
      return ShareLinkCreatedDto.created(link, token);
    }

    @Get()
    @ApiParam(UUID_PARAM)
    @ApiOperation({ summary: docs.listSummary })
    @ApiOkResponse({ type: ShareLinkListDto })
    @ApiNotFoundResponse({ type: ErrorResponse, description: docs.notFound })
    async list(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id', new ParseUUIDPipe()) id: string,
    ): Promise<ShareLinkListDto> {
      return { items: (await this.sharing.listLinks(user.id, kind, id)).map((link) => ShareLinkDto.from(link)) };
    }

    @Delete(':token')
    @HttpCode(204)
    @ApiParam(UUID_PARAM)
    @ApiParam({
      name: 'token',
      description: 'the link’s token, or its id (as GET lists it)',
      schema: { type: 'string', minLength: 1, maxLength: 64 },
    })
    @ApiOperation(docs.revoke)
    @ApiNoContentResponse()
    @ApiNotFoundResponse({ type: ErrorResponse, description: docs.revokeNotFound })
    async revoke(
      @CurrentUser() user: AuthenticatedUser,
      @Param('id', new ParseUUIDPipe()) id: string,
      @Param('token') token: string,
    ): Promise<void> {
      await this.sharing.revokeLink(user.id, kind, id, token);
    }
  }
  return ShareLinksControllerBase;
}
