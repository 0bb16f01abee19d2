'use client';

import Link from 'next/link';
import { useState } from 'react';
import { errorMessage, type SimulationDetail } from '../../lib/api/client';
import { formatDateTime, formatMoney } from '../../lib/format/numbers';
import { ConfirmDialog } from '../history/confirm-dialog';
import { DownloadReport } from '../report/download-report';
import { DownloadTearsheet } from '../report/download-tearsheet';
import { ResultNotes } from './result-notes';
import { ShareActions } from '../sharing/share-actions';
import { ResultWarnings, SimulatedPeriod } from './result-warnings';
import styles from './results.module.css';
import { useSimulationActions } from './use-simulation';

const STATUS_WORDS: Record<SimulationDetail['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

/** The command as parsed at submission (positions, dates and options), as the API serves it. */
type ParsedCommand = SimulationDetail['parsedCommand'];

function rebalanceInWords(command: ParsedCommand): string {
  const { rebalance } = command.options;
  if (rebalance.kind === 'none') return 'never (buy and hold)';
  if (rebalance.kind === 'band') return `when a weight drifts ${rebalance.thresholdPercent} points from target`;
  return rebalance.frequency;
}

function OptionFacts({ command }: { command: ParsedCommand }) {
  const { options } = command;
  return (
    <>
      <div>
        <dt>Capital</dt>
        <dd>{formatMoney(options.capital)}</dd>
      </div>
      <div>
        <dt>Rebalancing</dt>
        <dd>{rebalanceInWords(command)}</dd>
      </div>
      <div>
        <dt>Benchmark</dt>
        <dd>{options.benchmark ?? <span className="muted">none</span>}</dd>
      </div>
      <div>
        <dt>Fees</dt>
        <dd>{options.feePercent === 0 ? 'none' : `${options.feePercent}% of traded value`}</dd>
      </div>
      {options.riskFreePercent !== 0 && (
        <div>
          <dt>Risk-free rate</dt>
          <dd>{options.riskFreePercent}% a year</dd>
        </div>
      )}
      {options.contribution && (
        <div>
          <dt>{options.contribution.amount < 0 ? 'Withdrawals' : 'Contributions'}</dt>
          <dd>
            {formatMoney(Math.abs(options.contribution.amount))} a {options.contribution.period}
          </dd>
        </div>
      )}
    </>
  );
}

/** Title, what was simulated, and what can be done with it (download, re-run, delete, edit). */
export function ResultsHeader({ detail, rerunInHeader }: { detail: SimulationDetail; rerunInHeader: boolean }) {
  const command = detail.parsedCommand;
  const { rerun, remove } = useSimulationActions(detail.id);
  const [confirming, setConfirming] = useState(false);
  const actionError = rerun.error ?? remove.error;

  return (
    <header className={styles.header}>
      <p className={styles.eyebrow}>
        <span className={styles.status} data-status={detail.status}>
          {STATUS_WORDS[detail.status]}
        </span>
        <span className="muted">Submitted {formatDateTime(detail.createdAt)}</span>
      </p>
      <h1 className={styles.title}>
        <code>
          {detail.command.split(' ').map((token, index) => (
            <span key={index}>
              {index > 0 && ' '}
              <span className={styles.token}>{token}</span>
            </span>
          ))}
        </code>
      </h1>
      {detail.canonical !== detail.command && (
        <p className={styles.canonical}>
          <span className="muted">Canonical form:</span> <code>{detail.canonical}</code>
        </p>
      )}

      <dl className={styles.facts}>
        <div className={styles.wide}>
          <dt>Period</dt>
          <dd data-testid="simulated-period">
            <SimulatedPeriod
              askedStart={detail.startDate}
              askedEnd={detail.endDate}
              simulatedStart={detail.summary?.simulatedStart ?? null}
              simulatedEnd={detail.summary?.simulatedEnd ?? null}
            />
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Positions</dt>
          <dd>
            <ul className={styles.positions} aria-label="Positions and weights">
              {command.positions.map((position) => (
                <li key={position.ticker} data-side={position.side}>
                  <strong>{position.ticker}</strong> {position.side === 'S' ? 'short' : 'long'} {position.weightPercent}
                  %
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <OptionFacts command={command} />
      </dl>
      {detail.summary && <ResultWarnings warnings={detail.summary.warnings} />}
      {detail.summary && <ResultNotes notes={detail.summary.notes ?? []} />}

      <div className={styles.actions}>
        {detail.status === 'completed' && <DownloadReport simulationId={detail.id} />}
        {detail.status === 'completed' && <DownloadTearsheet simulationId={detail.id} />}
        {rerunInHeader && (
          <button type="button" className="button secondary" onClick={() => rerun.mutate()} disabled={rerun.isPending}>
            {rerun.isPending ? 'Starting…' : 'Re-run'}
          </button>
        )}
        <Link className="button secondary" href={`/?command=${encodeURIComponent(detail.command)}`}>
          Edit in workspace
        </Link>
        <button type="button" className="button danger" onClick={() => setConfirming(true)} disabled={remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete'}
        </button>
        <ShareActions simulationId={detail.id} command={detail.command} shareable={detail.status === 'completed'} />
        {actionError && (
          <p className={`error-box ${styles.actionError}`} role="alert">
            {rerun.error ? 'The simulation could not be re-run' : 'The simulation could not be deleted'}:{' '}
            {errorMessage(actionError)}
          </p>
        )}
      </div>

      <ConfirmDialog
        open={confirming}
        title="Delete this simulation?"
        confirmLabel="Delete permanently"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate();
        }}
      >
        <p>
          <code>{detail.command}</code> and its results will be gone for good. Reports made from it are deleted too.
        </p>
      </ConfirmDialog>
    </header>
  );
}
