import { ApiProperty } from '@nestjs/swagger';
import type { ShareLinkRecord } from '../sharing.types';

/** Where a shared result is seen: the dashboard's page, relative to the server's origin. */
export const sharedPagePath = (token: string): string => `/app/shared/${token}`;

/** An active link as its owner lists it: the token itself is shown once, when the link is created. */
export class ShareLinkDto {
  @ApiProperty({ format: 'uuid', description: 'the link’s id: revokes it like its token does' })
  id!: string;

  @ApiProperty({ example: 'x9Qa', description: 'the token’s last four characters, to tell links apart' })
  tokenHint!: string;

  @ApiProperty({ example: '2026-12-03T18:00:00.000Z' })
  createdAt!: string;

  static from(link: ShareLinkRecord): ShareLinkDto {
    return { id: link.id, tokenHint: link.tokenHint, createdAt: link.createdAt.toISOString() };
  }
}

/** A new link: the only answer that carries its token (only a hash of it is stored). */
export class ShareLinkCreatedDto extends ShareLinkDto {
  @ApiProperty({
    example: 'hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4',
    description: '256 random bits, base64url (43 characters); shown only now',
  })
  token!: string;

  @ApiProperty({
    example: '/app/shared/hR2k0l3u5mXJv1sQ8yZbq4WcT7nD9aPeLfG6oIxY0s4',
    description: 'the shared page, relative to this server’s origin',
  })
  url!: string;

  static created(link: ShareLinkRecord, token: string): ShareLinkCreatedDto {
    return { ...ShareLinkDto.from(link), token, url: sharedPagePath(token) };
  }
}

export class ShareLinkListDto {
  @ApiProperty({ type: [ShareLinkDto], description: 'active links, newest first' })
  items!: ShareLinkDto[];
}
