import type { StoredSeries } from '../market-data.types';

/**
 * What lookup() knows about a key: its series; that a recent database look-up found none (`absent`); or
 * nothing (`miss`), with a way to remember that the database has none either.
 */
export type SeriesLookup =
  | { kind: 'hit'; series: StoredSeries }
  | { kind: 'absent' }
  | {
      kind: 'miss';
      /**
       * Remembers that the database has no series for the key — call it after a look-up that found none. It
       * is forgotten by the next set() or delete() of the key in any process (so a write between this
       * lookup and the call leaves nothing wrong behind), and after ABSENT_TTL_MS at the latest.
       */
      rememberAbsent(): void;
    };

/** Hot series by cache key: Redis when REDIS_URL is set, an in-process LRU otherwise. Never the source of truth. */
export abstract class SeriesCache {
  /** The longest a remembered absence is believed without a write to forget it. */
  static readonly ABSENT_TTL_MS = 60_000;
  /** Remembered absences per process (a key and a number each). */
  static readonly ABSENT_ENTRIES = 10_000;

  abstract readonly kind: 'redis' | 'memory';
  abstract get(key: string): Promise<StoredSeries | undefined>;
  /** get(), plus remembered absences: for series that usually do not exist (a user's upload of a ticker). */
  abstract lookup(key: string): Promise<SeriesLookup>;
  abstract set(key: string, series: StoredSeries): Promise<void>;
  abstract delete(key: string): Promise<void>;
  abstract close(): Promise<void>;
}

/** A bounded map of remembered absences (oldest dropped first), each valid until its deadline. */
export class AbsentKeys<TTag> {
  private readonly entries = new Map<string, { tag: TTag; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
  ) {}

  has(key: string, tag: TTag): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.tag === tag && entry.until > Date.now()) return true;
    this.entries.delete(key);
    return false;
  }

  add(key: string, tag: TTag): void {
    this.entries.delete(key);
    this.entries.set(key, { tag, until: Date.now() + this.ttlMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
