'use client';

import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import type { SimulationSummary } from '../../lib/api/client';
import { formatDateTime, formatPercent, formatRatio, signClass } from '../../lib/format/numbers';
import type { HistoryParams, SortField } from './history-params';
import styles from './history.module.css';
import { StatusBadge } from './status-badge';

interface HistoryTableProps {
  items: SimulationSummary[];
  params: HistoryParams;
  /** The rows shown are the previous answer while the next one loads. */
  stale: boolean;
  onSort(field: SortField): void;
  onDelete(simulation: SimulationSummary): void;
  onRerun(simulation: SimulationSummary): void;
  /** The simulation being re-run, if any: its button waits. */
  rerunningId: string | null;
  /** The completed simulations picked for a comparison, and how one is picked or left out. */
  selected?: ReadonlySet<string>;
  onSelect?(simulation: SimulationSummary, selected: boolean): void;
}

/*
 * Explicit table roles on purpose: below 720 px the rows are laid out as cards (CSS display), which makes some
 * browsers drop the native table semantics unless the roles are stated.
 */
export function HistoryTable({
  items,
  params,
  stale,
  onSort,
  onDelete,
  onRerun,
  rerunningId,
  selected,
  onSelect,
}: HistoryTableProps) {
  const sortable = (field: SortField, label: string, numeric = true): ReactNode => {
    const active = params.sort === field;
    return (
      <th
        role="columnheader"
        scope="col"
        className={`${numeric ? styles.numeric : ''} ${styles.sortable}`}
        aria-sort={active ? (params.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button type="button" className={styles.sortButton} data-active={active} onClick={() => onSort(field)}>
          {label}
          <span className={styles.sortArrow} aria-hidden="true">
            {active ? (params.order === 'asc' ? '↑' : '↓') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <table role="table" className={styles.table} aria-busy={stale || undefined} data-stale={stale || undefined}>
      <caption className="visually-hidden">Your simulations</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col" className={styles.plainHeader}>
            Command
          </th>
          <th role="columnheader" scope="col" className={styles.plainHeader}>
            Period
          </th>
          {sortable('cagr', 'CAGR')}
          {sortable('sharpe', 'Sharpe')}
          {sortable('maxDrawdown', 'Max drawdown')}
          <th role="columnheader" scope="col" className={styles.plainHeader}>
            Status
          </th>
          {sortable('createdAt', 'Submitted', false)}
          <th role="columnheader" scope="col" className={styles.plainHeader}>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {items.map((simulation) => (
          <HistoryRow
            key={simulation.id}
            simulation={simulation}
            onDelete={onDelete}
            onRerun={onRerun}
            rerunning={rerunningId === simulation.id}
            selected={selected?.has(simulation.id) ?? false}
            onSelect={onSelect}
          />
        ))}
      </tbody>
    </table>
  );
}

interface HistoryRowProps {
  simulation: SimulationSummary;
  onDelete(simulation: SimulationSummary): void;
  onRerun(simulation: SimulationSummary): void;
  rerunning: boolean;
  selected: boolean;
  onSelect?(simulation: SimulationSummary, selected: boolean): void;
}

function HistoryRow({ simulation, onDelete, onRerun, rerunning, selected, onSelect }: HistoryRowProps) {
  const { id, command, startDate, endDate, cagr, sharpe, maxDrawdown, createdAt } = simulation;
  return (
    <tr role="row" className={styles.row}>
      <th role="rowheader" scope="row" className={styles.commandCell}>
        <Link href={`/simulations/${id}`} className={styles.commandLink}>
          <CommandWords command={command} />
        </Link>
      </th>
      <td role="cell" className={styles.periodCell} data-label="Period">
        <span className={styles.nowrap}>{startDate} –</span> <span className={styles.nowrap}>{endDate}</span>
      </td>
      <td role="cell" className={`${styles.numeric} ${signClass(cagr)}`} data-label="CAGR">
        {formatPercent(cagr)}
      </td>
      <td role="cell" className={`${styles.numeric} ${signClass(sharpe)}`} data-label="Sharpe">
        {formatRatio(sharpe)}
      </td>
      <td role="cell" className={`${styles.numeric} ${signClass(maxDrawdown)}`} data-label="Max drawdown">
        {formatPercent(maxDrawdown)}
      </td>
      <td role="cell" className={styles.statusTd} data-label="Status">
        <StatusBadge simulation={simulation} />
      </td>
      <td role="cell" className={styles.submittedCell} data-label="Submitted">
        <time dateTime={createdAt}>{formatDateTime(createdAt)}</time>
      </td>
      <td role="cell" className={styles.actionsCell}>
        <div className={styles.actions}>
          {onSelect && simulation.status === 'completed' && (
            <label className={styles.nowrap}>
              <input
                type="checkbox"
                checked={selected}
                aria-label={`Compare ${command}`}
                onChange={(event) => onSelect(simulation, event.target.checked)}
              />{' '}
              Compare
            </label>
          )}
          <button
            type="button"
            className="button secondary"
            aria-label={`Re-run ${command}`}
            disabled={rerunning}
            aria-busy={rerunning || undefined}
            onClick={() => onRerun(simulation)}
          >
            Re-run
          </button>
          <button
            type="button"
            className="button danger"
            aria-label={`Delete ${command}`}
            onClick={() => onDelete(simulation)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

/** A command wraps between its words (positions, dates, options), never inside one at a hyphen. */
function CommandWords({ command }: { command: string }) {
  const words = command.split(' ');
  return words.map((word, index) => (
    <Fragment key={index}>
      <span className={styles.nowrap}>{word}</span>
      {index < words.length - 1 && ' '}
    </Fragment>
  ));
}
