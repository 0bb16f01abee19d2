import { Controller } from '@nestjs/common';
import { ShareLinksController } from './share-links.controller';

/** The owner's side of comparison share links: /comparisons/{id}/share. */
@Controller('comparisons/:id/share')
export class ComparisonSharingController extends ShareLinksController('comparison', {
  create: {
    summary: 'Create a read-only link to one of your completed comparisons',
    description:
      'Anyone with the link sees the comparison (GET /shared/{token}, the page /app/shared/{token}) and can ' +
      'download its workbook, without signing in, until the link is revoked or the comparison deleted. The token ' +
      'is shown only in this answer: only its SHA-256 is stored. Emits `comparison.shared` on ' +
      'portofino.sharing.events.v1.',
  },
  listSummary: 'The comparison’s active share links (ids and token hints: tokens are not stored)',
  revoke: {
    summary: 'Revoke a comparison’s share link: it answers 404 from now on',
    description: 'Emits `comparison.share_revoked` on portofino.sharing.events.v1.',
  },
  notFound: 'COMPARISON_NOT_FOUND: unknown, or another user’s',
  notCompleted: 'COMPARISON_NOT_COMPLETED: queued, running or failed',
  revokeNotFound: 'COMPARISON_NOT_FOUND (unknown, or another user’s) or SHARE_LINK_NOT_FOUND (no such active link)',
}) {}
