import { CreateEventOutbox1764000000000 } from './1764000000000-create-event-outbox';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [CreateEventOutbox1764000000000];
