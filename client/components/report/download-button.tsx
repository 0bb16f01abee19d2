'use client';

import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../../lib/api/client';
import styles from './report.module.css';

export type DownloadState =
  { phase: 'idle' } | { phase: 'working' } | { phase: 'saved'; fileName: string } | { phase: 'failed'; error: unknown };

/**
 * One download on a click: `save` fetches the file, hands it to the browser and returns the name it was saved
 * under. A click while one is under way starts nothing.
 */
export function useDownload(save: () => Promise<string>) {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const busy = useRef(false);
  const start = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ phase: 'working' });
    try {
      setState({ phase: 'saved', fileName: await save() });
    } catch (error) {
      setState({ phase: 'failed', error });
    } finally {
      busy.current = false;
    }
  }, [save]);
  return { state, start };
}

export interface DownloadButtonProps {
  /** The button's name: "Download XLSX", "Download tearsheet". */
  label: string;
  /** What is saved, in the messages: "Preparing the workbook…", "The workbook could not be downloaded: …". */
  thing: string;
  /** Fetches the file, saves it and returns its name (see save-file.ts). */
  save: () => Promise<string>;
  /** The main action of its row (filled), or one of several (outlined: the default). */
  primary?: boolean;
}

/**
 * A download button for a file built on request; what it is doing shows next to it (preparing, then the saved
 * file's name, or why not). It sits in its owner's row of actions: status and error take a full line under it.
 */
export function DownloadButton({ label, thing, save, primary = false }: DownloadButtonProps) {
  const { state, start } = useDownload(save);
  return (
    <div className={styles.report}>
      {/* Stays clickable (and named the same) while working: the hook ignores a second click. */}
      <button
        type="button"
        className={primary ? 'button' : 'button secondary'}
        onClick={() => void start()}
        aria-busy={state.phase === 'working'}
      >
        {label}
      </button>
      <div className={styles.status}>
        {state.phase === 'working' && (
          <span className="muted" role="status">
            Preparing the {thing}…
          </span>
        )}
        {state.phase === 'saved' && (
          <span className="muted" role="status">
            Downloaded {state.fileName}
          </span>
        )}
      </div>
      {state.phase === 'failed' && (
        <p className={`error-box ${styles.error}`} role="alert">
          The {thing} could not be downloaded: {errorMessage(state.error)}
        </p>
      )}
    </div>
  );
}
