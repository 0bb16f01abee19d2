/**
 * Where the dashboard keeps price series between visits: IndexedDB in the browser, a Map where there is none (tests,
 * private windows that refuse it). A record is one ticker's binary series for one person (`key` is
 * `<user>|<ticker>`), with the ETag it was served with. Sizes and last use are kept apart from the bytes, so
 * choosing what to evict reads a few numbers, not megabytes.
 */

export interface PriceRecord {
  key: string;
  ticker: string;
  /** The source that served it (sample, yahoo; uploads are never written to IndexedDB). */
  source: string;
  etag: string;
  /** The server said it can never change (Cache-Control: immutable): used without asking again. */
  immutable: boolean;
  bytes: ArrayBuffer;
}

export interface PriceEntry {
  key: string;
  size: number;
  usedAt: number;
}

export interface PriceStore {
  get(key: string): Promise<PriceRecord | undefined>;
  put(record: PriceRecord, usedAt: number): Promise<void>;
  touch(key: string, usedAt: number): Promise<void>;
  delete(key: string): Promise<void>;
  entries(): Promise<PriceEntry[]>;
}

/** In memory, for the page's life. */
export class MemoryPriceStore implements PriceStore {
  private readonly records = new Map<string, { record: PriceRecord; usedAt: number }>();

  get(key: string): Promise<PriceRecord | undefined> {
    return Promise.resolve(this.records.get(key)?.record);
  }

  put(record: PriceRecord, usedAt: number): Promise<void> {
    this.records.set(record.key, { record, usedAt });
    return Promise.resolve();
  }

  touch(key: string, usedAt: number): Promise<void> {
    const held = this.records.get(key);
    if (held) held.usedAt = usedAt;
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.records.delete(key);
    return Promise.resolve();
  }

  entries(): Promise<PriceEntry[]> {
    return Promise.resolve(
      [...this.records.values()].map(({ record, usedAt }) => ({
        key: record.key,
        size: record.bytes.byteLength,
        usedAt,
      })),
    );
  }
}

const DATABASE = 'portofino-prices';
const SERIES = 'series';
const ENTRIES = 'entries';

function completed(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function read<T>(request: IDBRequest<T>): Promise<T> {
  return completed(request).then(() => request.result);
}

/** The browser's IndexedDB: series survive reloads and visits. */
export class IndexedDbPriceStore implements PriceStore {
  private constructor(private readonly database: IDBDatabase) {}

  static open(factory: IDBFactory = indexedDB): Promise<IndexedDbPriceStore> {
    return new Promise((resolve, reject) => {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(SERIES, { keyPath: 'key' });
        request.result.createObjectStore(ENTRIES, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(new IndexedDbPriceStore(request.result));
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
  }

  async get(key: string): Promise<PriceRecord | undefined> {
    const stored: unknown = await read(this.database.transaction(SERIES).objectStore(SERIES).get(key));
    return isPriceRecord(stored) ? stored : undefined;
  }

  async put(record: PriceRecord, usedAt: number): Promise<void> {
    const transaction = this.database.transaction([SERIES, ENTRIES], 'readwrite');
    transaction.objectStore(SERIES).put(record);
    transaction.objectStore(ENTRIES).put({ key: record.key, size: record.bytes.byteLength, usedAt });
    await done(transaction);
  }

  async touch(key: string, usedAt: number): Promise<void> {
    const transaction = this.database.transaction(ENTRIES, 'readwrite');
    const entries = transaction.objectStore(ENTRIES);
    const entry: unknown = await read(entries.get(key));
    if (isPriceEntry(entry)) entries.put({ ...entry, usedAt });
    await done(transaction);
  }

  async delete(key: string): Promise<void> {
    const transaction = this.database.transaction([SERIES, ENTRIES], 'readwrite');
    transaction.objectStore(SERIES).delete(key);
    transaction.objectStore(ENTRIES).delete(key);
    await done(transaction);
  }

  async entries(): Promise<PriceEntry[]> {
    const all: unknown[] = await read(this.database.transaction(ENTRIES).objectStore(ENTRIES).getAll());
    return all.filter(isPriceEntry);
  }
}

// What an older version of the dashboard (or another tab) wrote is checked, not trusted.
function isPriceRecord(value: unknown): value is PriceRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.key === 'string' &&
    typeof record.ticker === 'string' &&
    typeof record.source === 'string' &&
    typeof record.etag === 'string' &&
    typeof record.immutable === 'boolean' &&
    record.bytes instanceof ArrayBuffer
  );
}

function isPriceEntry(value: unknown): value is PriceEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.key === 'string' && typeof entry.size === 'number' && typeof entry.usedAt === 'number';
}

/** IndexedDB when the browser has it and lets the page use it; otherwise memory (the series are fetched again next visit). */
export async function openPriceStore(): Promise<PriceStore> {
  if (typeof indexedDB === 'undefined') return new MemoryPriceStore();
  try {
    return await IndexedDbPriceStore.open();
  } catch {
    return new MemoryPriceStore();
  }
}
