'use client';

import { ProgressBar } from '../progress/progress-bar';
import styles from './report.module.css';
import { useReportDownload } from './use-report-download';

/** The "Download XLSX" button; what it is doing shows next to it (progress, then the saved file, or why not). */
export function DownloadReport({ simulationId }: { simulationId: string }) {
  const { state, start } = useReportDownload(simulationId);
  const working = state.phase === 'requesting' || state.phase === 'building' || state.phase === 'downloading';
  return (
    <div className={styles.report}>
      {/* Stays clickable (and named the same) while working: the hook ignores a second click. */}
      <button type="button" className="button" onClick={() => void start()} aria-busy={working}>
        Download XLSX
      </button>
      <div className={styles.status}>
        {state.phase === 'requesting' && (
          <span className="muted" role="status">
            Asking for the report…
          </span>
        )}
        {state.phase === 'building' && (
          <ProgressBar
            label="Report progress"
            percent={state.progress?.percent ?? 0}
            phase={state.progress?.phase ?? 'queued'}
          />
        )}
        {state.phase === 'downloading' && (
          <ProgressBar label="Report progress" percent={100} phase="downloading the workbook" />
        )}
        {state.phase === 'saved' && (
          <span className="muted" role="status">
            Downloaded {state.fileName}
          </span>
        )}
      </div>
      {state.phase === 'failed' && (
        <p className={`error-box ${styles.error}`} role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
