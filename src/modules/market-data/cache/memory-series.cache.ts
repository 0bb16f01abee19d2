import type { StoredSeries } from '../market-data.types';
import { AbsentKeys, SeriesCache, SeriesLookup } from './series-cache';

/** A bounded LRU (Map insertion order): one process, no serialisation, evicts the least recently used. */
export class MemorySeriesCache extends SeriesCache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, StoredSeries>();
  private readonly absent = new AbsentKeys<true>(SeriesCache.ABSENT_TTL_MS, SeriesCache.ABSENT_ENTRIES);
  /** Counts set() and delete() calls: an absence is remembered only if none happened since its lookup. */
  private writes = 0;

  constructor(private readonly capacity: number) {
    super();
  }

  get(key: string): Promise<StoredSeries | undefined> {
    const series = this.entries.get(key);
    if (series) {
      this.entries.delete(key);
      this.entries.set(key, series);
    }
    return Promise.resolve(series);
  }

  async lookup(key: string): Promise<SeriesLookup> {
    const series = await this.get(key);
    if (series) return { kind: 'hit', series };
    if (this.absent.has(key, true)) return { kind: 'absent' };
    const seen = this.writes;
    return {
      kind: 'miss',
      rememberAbsent: () => {
        if (this.writes === seen) this.absent.add(key, true);
      },
    };
  }

  set(key: string, series: StoredSeries): Promise<void> {
    this.writes += 1;
    this.absent.delete(key);
    this.entries.delete(key);
    this.entries.set(key, series);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.writes += 1;
    this.absent.delete(key);
    this.entries.delete(key);
    return Promise.resolve();
  }

  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    this.entries.clear();
    this.absent.clear();
    return Promise.resolve();
  }
}
