import type { DomainEvent } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/** Event types on portofino.account.events.v1 (schema: docs/events/account.deleted.v1.schema.json). */
export const ACCOUNT_EVENTS = {
  deleted: 'account.deleted',
} as const;

/** The person deleted their account: everything PortoFino held for them is gone (consumers erase their copies). */
export interface AccountDeletedData {
  reason: 'deleted-by-user';
}

export function accountEvent<TData>(
  type: (typeof ACCOUNT_EVENTS)[keyof typeof ACCOUNT_EVENTS],
  userId: string,
  data: TData,
): DomainEvent<TData> {
  return { topic: EVENT_TOPICS.account, key: userId, type, version: 1, userId, data };
}
