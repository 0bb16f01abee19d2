import type { ShareSubjectKind } from './entities/share-link.entity';

export type { ShareSubjectKind };

/** A link as the service sees it (never with its token: only the hash is stored). */
export interface ShareLinkRecord {
  id: string;
  userId: string;
  subjectKind: ShareSubjectKind;
  subjectId: string;
  tokenHint: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewShareLink {
  id: string;
  userId: string;
  subjectKind: ShareSubjectKind;
  subjectId: string;
  tokenHash: string;
  tokenHint: string;
  createdAt: Date;
}
