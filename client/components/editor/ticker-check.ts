import { api, unwrap } from '../../lib/api/client';

/** What the server says of one ticker (GET /tickers/check). */
export interface TickerAvailability {
  ticker: string;
  status: 'known' | 'unknown' | 'unverified' | 'invalid';
  message: string | null;
  nearest: string[];
}

/** Asks whether tickers can be priced; aborting the signal abandons the request. */
export type TickerCheck = (tickers: readonly string[], signal: AbortSignal) => Promise<readonly TickerAvailability[]>;

/** A ticker nobody can price now may be priceable soon (a source back online): asked again after this long. */
const RECHECK_MS = 60_000;

/**
 * Checks tickers with GET /tickers/check, remembering answers for the page's life (known tickers for good, others
 * for a minute) and asking only for the ones it does not know yet, in one request. A failure reads as no answer:
 * the warning is a convenience, the run itself says what went wrong.
 */
export function createTickerCheck(): TickerCheck {
  const answers = new Map<string, { availability: TickerAvailability; at: number }>();
  return async (tickers, signal) => {
    const now = Date.now();
    const fresh = (ticker: string) => {
      const remembered = answers.get(ticker);
      return remembered && (remembered.availability.status === 'known' || now - remembered.at < RECHECK_MS)
        ? remembered.availability
        : undefined;
    };
    const missing = [...new Set(tickers)].filter((ticker) => fresh(ticker) === undefined);
    if (missing.length > 0) {
      try {
        const found = unwrap(
          await api.GET('/tickers/check', { params: { query: { tickers: missing.join(',') } }, signal }),
        );
        for (const availability of found) answers.set(availability.ticker, { availability, at: now });
      } catch {
        // No answer: no warnings.
      }
    }
    return tickers.map(fresh).filter((availability): availability is TickerAvailability => availability !== undefined);
  };
}
