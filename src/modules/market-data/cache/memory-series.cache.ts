import type { StoredSeries } from '../market-data.types';
import { SeriesCache } from './series-cache';

/** A bounded LRU (Map insertion order): one process, no serialisation, evicts the least recently used. */
export class MemorySeriesCache extends SeriesCache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, StoredSeries>();

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

  set(key: string, series: StoredSeries): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, series);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}
