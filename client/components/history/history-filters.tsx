'use client';

import { useEffect, useState } from 'react';
import {
  hasFilters,
  normalizeTicker,
  PAGE_SIZES,
  STATUSES,
  type HistoryParams,
  type SimulationStatus,
} from './history-params';
import styles from './history.module.css';

/** Typing in "Ticker" asks the server once the person pauses, not on every key. */
export const TICKER_DEBOUNCE_MS = 350;

const STATUS_LABELS: Record<SimulationStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

interface HistoryFiltersProps {
  params: HistoryParams;
  onChange(changes: Partial<HistoryParams>): void;
  onClear(): void;
}

/** Status, ticker, submission dates and page size; every change goes to the URL (and so to the query). */
export function HistoryFilters({ params, onChange, onClear }: HistoryFiltersProps) {
  const urlTicker = params.ticker;
  const [tickerDraft, setTickerDraft] = useState(urlTicker);
  const [tickerSeen, setTickerSeen] = useState(urlTicker);

  // The URL changed under the field (back/forward, "Clear filters", a link): show its ticker. A value this field
  // wrote itself was already seen, so text typed since is kept.
  if (urlTicker !== tickerSeen) {
    setTickerSeen(urlTicker);
    if (normalizeTicker(tickerDraft) !== normalizeTicker(urlTicker)) setTickerDraft(urlTicker);
  }

  useEffect(() => {
    const ticker = normalizeTicker(tickerDraft);
    if (ticker === normalizeTicker(urlTicker)) return;
    const timer = setTimeout(() => {
      setTickerSeen(ticker);
      onChange({ ticker });
    }, TICKER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [tickerDraft, urlTicker, onChange]);

  const datesReversed = params.from !== '' && params.to !== '' && params.from > params.to;

  return (
    <form className={styles.filters} aria-label="Filter simulations" onSubmit={(event) => event.preventDefault()}>
      <label className={styles.filter}>
        <span>Status</span>
        <select
          value={params.status ?? ''}
          onChange={(event) => onChange({ status: (event.target.value || null) as SimulationStatus | null })}
        >
          <option value="">Any</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter}>
        <span>Ticker</span>
        <input
          type="search"
          value={tickerDraft}
          onChange={(event) => setTickerDraft(event.target.value)}
          placeholder="e.g. AAPL"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
      </label>
      <label className={styles.filter}>
        <span>From</span>
        <input
          type="date"
          value={params.from}
          max={params.to || undefined}
          onChange={(event) => onChange({ from: event.target.value })}
        />
      </label>
      <label className={styles.filter}>
        <span>To</span>
        <input
          type="date"
          value={params.to}
          min={params.from || undefined}
          onChange={(event) => onChange({ to: event.target.value })}
        />
      </label>
      <label className={styles.filter}>
        <span>Per page</span>
        <select value={params.size} onChange={(event) => onChange({ size: Number(event.target.value) })}>
          {/* A size typed into the URL by hand is still shown as chosen. */}
          {[...new Set<number>([...PAGE_SIZES, params.size])]
            .sort((a, b) => a - b)
            .map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
        </select>
      </label>
      {hasFilters(params) && (
        <button
          type="button"
          className={`button secondary ${styles.clearButton}`}
          onClick={() => {
            setTickerDraft('');
            onClear();
          }}
        >
          Clear filters
        </button>
      )}
      {datesReversed && (
        <p className={styles.filterHint} role="status">
          “From” is after “To”, so no simulation can match. Swap the dates to see that period.
        </p>
      )}
    </form>
  );
}
