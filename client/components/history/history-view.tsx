'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, errorMessage, unwrap, type SimulationSummary } from '../../lib/api/client';
import { ConfirmDialog } from './confirm-dialog';
import { HistoryFilters } from './history-filters';
import {
  hasFilters,
  nextSort,
  readHistoryParams,
  toListQuery,
  writeHistoryParams,
  type HistoryParams,
  type SortField,
} from './history-params';
import { HistoryTable } from './history-table';
import styles from './history.module.css';
import { useDeleteSimulation, useHistoryPage, useRerunSimulation } from './use-history';

/** Offered to a person who has not run anything yet; opens in the workspace, ready to run. */
export const EXAMPLE_COMMAND = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28';

/**
 * The signed-in person's simulations: filters, sortable columns and pages kept in the URL, a live view of the
 * ones still running, and delete / re-run on each row.
 */
export function HistoryView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => readHistoryParams(searchParams), [searchParams]);
  const query = useMemo(() => toListQuery(params), [params]);
  const history = useHistoryPage(query);
  const deletion = useDeleteSimulation();
  const rerun = useRerunSimulation();
  const [confirming, setConfirming] = useState<SimulationSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Completed simulations picked for a comparison (2 to 10), kept across pages.
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [comparing, setComparing] = useState(false);
  const pick = useCallback((simulation: SimulationSummary, on: boolean) => {
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(simulation.id);
      else next.delete(simulation.id);
      return next;
    });
  }, []);
  const compare = async () => {
    setComparing(true);
    setActionError(null);
    try {
      const accepted = unwrap(
        await api.POST('/comparisons', { body: { simulationIds: [...picked], period: 'common' } }),
      );
      router.push(`/comparisons/${accepted.comparisonId}`);
    } catch (error) {
      setActionError(`The comparison could not be started: ${errorMessage(error)}`);
    } finally {
      setComparing(false);
    }
  };

  const showParams = useCallback(
    (next: HistoryParams) => {
      const search = writeHistoryParams(next);
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  const update = useCallback(
    (changes: Partial<HistoryParams>) =>
      // Anything but paging changes which rows exist, so it starts again from the first page.
      showParams({ ...params, page: 1, ...changes }),
    [params, showParams],
  );

  const clearFilters = useCallback(() => update({ status: null, ticker: '', from: '', to: '' }), [update]);

  const page = history.data;
  const lastPage = page ? Math.max(1, Math.ceil(page.total / params.size)) : 1;

  // A page past the end (its last rows deleted, or an old link): show the last page that has rows.
  useEffect(() => {
    if (page && !history.isPlaceholderData && page.items.length === 0 && page.total > 0 && params.page > lastPage)
      showParams({ ...params, page: lastPage });
  }, [page, history.isPlaceholderData, params, lastPage, showParams]);

  const confirmDelete = () => {
    const simulation = confirming;
    if (!simulation) return;
    setConfirming(null);
    setActionError(null);
    // Its row is about to go: keep the keyboard in the list rather than dropping it on <body>.
    listRef.current?.focus();
    deletion.mutate(simulation, {
      onSuccess: () => setAnnouncement(`Deleted ${simulation.command}.`),
      onError: (error) => setActionError(`${simulation.command} was not deleted: ${errorMessage(error)}`),
    });
  };

  const startRerun = (simulation: SimulationSummary) => {
    setActionError(null);
    rerun.mutate(simulation, {
      onSuccess: (simulationId) => router.push(`/simulations/${simulationId}`),
      onError: (error) => setActionError(`${simulation.command} could not be run again: ${errorMessage(error)}`),
    });
  };

  const filtered = hasFilters(params);
  const newPerson = page !== undefined && page.total === 0 && !filtered && !history.isPlaceholderData;

  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <div>
          <h1>History</h1>
          <p className="muted">Every backtest you have run. Open one to see its results.</p>
        </div>
        <Link href="/" className="button secondary">
          New backtest
        </Link>
      </div>

      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {actionError && (
        <div className={`error-box ${styles.actionError}`} role="alert">
          <p>{actionError}</p>
          <button type="button" className="button secondary" onClick={() => setActionError(null)}>
            Dismiss
          </button>
        </div>
      )}

      {newPerson ? (
        <NoSimulationsYet />
      ) : (
        <>
          <HistoryFilters params={params} onChange={update} onClear={clearFilters} />
          {/* An empty previous answer is no placeholder for the next one: say it is loading instead. */}
          {history.isPending || (history.isPlaceholderData && page?.total === 0) ? (
            <HistoryLoading />
          ) : history.isError && !page ? (
            <HistoryError error={history.error} onRetry={() => void history.refetch()} onClearFilters={clearFilters} />
          ) : page && page.total === 0 ? (
            <div className={`card ${styles.emptyState}`}>
              <h2>No simulations match these filters</h2>
              <p className="muted">Try another status, ticker or period.</p>
              <button type="button" className="button" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          ) : page ? (
            <>
              {history.isError && (
                <div className={`error-box ${styles.actionError}`} role="alert">
                  <p>The list could not be refreshed: {errorMessage(history.error)}</p>
                  <button type="button" className="button secondary" onClick={() => void history.refetch()}>
                    Try again
                  </button>
                </div>
              )}
              <div ref={listRef} className={styles.tableRegion} role="region" aria-label="Simulation list" tabIndex={0}>
                <HistoryTable
                  items={page.items}
                  params={params}
                  stale={history.isPlaceholderData}
                  onSort={(field: SortField) => update(nextSort(params, field))}
                  onDelete={setConfirming}
                  onRerun={startRerun}
                  rerunningId={rerun.isPending ? (rerun.variables?.id ?? null) : null}
                  selected={picked}
                  onSelect={pick}
                />
              </div>
              {picked.size > 0 && (
                <div className={styles.actions}>
                  <button
                    type="button"
                    className="button"
                    disabled={picked.size < 2 || picked.size > 10 || comparing}
                    aria-busy={comparing || undefined}
                    onClick={() => void compare()}
                  >
                    Compare {picked.size} selected
                  </button>
                  <span className="muted">
                    {picked.size < 2 ? 'pick at least 2' : picked.size > 10 ? 'at most 10' : ''}
                  </span>
                </div>
              )}
              <Pagination
                page={params.page}
                lastPage={lastPage}
                first={page.items.length ? (page.page - 1) * page.size + 1 : 0}
                last={(page.page - 1) * page.size + page.items.length}
                total={page.total}
                onPage={(target) => showParams({ ...params, page: target })}
              />
            </>
          ) : null}
        </>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title="Delete this simulation?"
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(null)}
      >
        <p className={styles.dialogCommand}>{confirming?.command}</p>
        <p className="muted">Its results and any report built from it are removed. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

interface PaginationProps {
  page: number;
  lastPage: number;
  first: number;
  last: number;
  total: number;
  onPage(page: number): void;
}

function Pagination({ page, lastPage, first, last, total, onPage }: PaginationProps) {
  return (
    <nav className={styles.pagination} aria-label="Pages">
      <p className={styles.range} aria-live="polite">
        {first}–{last} of {total}
      </p>
      <div className={styles.pageButtons}>
        <button type="button" className="button secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span className="muted">
          Page {Math.min(page, lastPage)} of {lastPage}
        </span>
        <button type="button" className="button secondary" disabled={page >= lastPage} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}

function HistoryLoading() {
  return (
    <div className={styles.loading}>
      <p role="status" className="muted">
        Loading your simulations…
      </p>
      <div aria-hidden="true">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className={styles.skeletonRow} />
        ))}
      </div>
    </div>
  );
}

function HistoryError({ error, onRetry, onClearFilters }: { error: Error; onRetry(): void; onClearFilters(): void }) {
  // A 400 is about the filters in the URL: retrying cannot help, clearing them can.
  const invalidFilters = error instanceof ApiError && error.status === 400;
  return (
    <div className="error-box" role="alert">
      <p>
        {invalidFilters ? 'These filters are not valid: ' : 'Your simulations could not be loaded: '}
        {errorMessage(error)}
      </p>
      <p className={styles.errorActions}>
        {invalidFilters ? (
          <button type="button" className="button secondary" onClick={onClearFilters}>
            Clear filters
          </button>
        ) : (
          <button type="button" className="button secondary" onClick={onRetry}>
            Try again
          </button>
        )}
      </p>
    </div>
  );
}

function NoSimulationsYet() {
  return (
    <div className={`card ${styles.emptyState}`}>
      <h2>No simulations yet</h2>
      <p>
        Write a portfolio as one line of text in the workspace and run it: every backtest you run is listed here, with
        its return, risk and status.
      </p>
      <p className="muted">For example, half Apple and half Microsoft over three years:</p>
      <p>
        <Link href={`/?command=${encodeURIComponent(EXAMPLE_COMMAND)}`} className={styles.exampleLink}>
          <code>{EXAMPLE_COMMAND}</code>
        </Link>
      </p>
      <Link href="/" className="button">
        Open the workspace
      </Link>
    </div>
  );
}
