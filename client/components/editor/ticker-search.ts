import { api, unwrap } from '../../lib/api/client';

export interface TickerSuggestion {
  ticker: string;
  name: string | null;
  type: string | null;
}

/** Looks tickers up by ticker or name fragment; aborting the signal abandons the request. */
export type TickerSearch = (query: string, signal: AbortSignal) => Promise<readonly TickerSuggestion[]>;

const MAX_CACHED_QUERIES = 100;

/**
 * Searches GET /assets, remembering answers per query for the page's life (typing back and forth does not
 * ask again). Failures read as no suggestions: autocomplete is a convenience, the parser still checks.
 */
export function createTickerSearch(limit = 8): TickerSearch {
  const cache = new Map<string, readonly TickerSuggestion[]>();
  return async (query, signal) => {
    const key = query.trim().toUpperCase();
    if (key === '') return [];
    const cached = cache.get(key);
    if (cached) return cached;
    try {
      const found = unwrap(await api.GET('/assets', { params: { query: { query: key, limit } }, signal }));
      const suggestions = found.map(({ ticker, name, type }) => ({ ticker, name, type }));
      if (cache.size >= MAX_CACHED_QUERIES) cache.delete(cache.keys().next().value ?? '');
      cache.set(key, suggestions);
      return suggestions;
    } catch {
      return [];
    }
  };
}
