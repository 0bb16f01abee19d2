import { Controller } from '@nestjs/common';
import { ShareLinksController } from './share-links.controller';

/** The owner's side of share links: /history/{id}/share. */
@Controller('history/:id/share')
export class SharingController extends ShareLinksController('simulation', {
  create: {
    summary: 'Create a read-only link to one of your completed simulations',
    description:
      'Anyone with the link sees the result (GET /shared/{token}, the page /app/shared/{token}) and can download ' +
      'its workbook, without signing in, until the link is revoked or the simulation deleted. The token is shown ' +
      'only in this answer: only its SHA-256 is stored. Emits `simulation.shared` on portofino.sharing.events.v1.',
  },
  listSummary: 'The simulation’s active share links (ids and token hints: tokens are not stored)',
  revoke: {
    summary: 'Revoke a share link: it answers 404 from now on',
    description: 'Emits `simulation.share_revoked` on portofino.sharing.events.v1.',
  },
  notFound: 'SIMULATION_NOT_FOUND: unknown, or another user’s',
  notCompleted: 'SIMULATION_NOT_COMPLETED: queued, running or failed',
  revokeNotFound: 'SIMULATION_NOT_FOUND (unknown, or another user’s) or SHARE_LINK_NOT_FOUND (no such active link)',
}) {}
