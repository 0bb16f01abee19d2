'use client';

import { useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api/client';
import { fileNameFromDisposition, saveBlob } from '../report/save-file';

/** While the shared result's workbook is being built (409 with Retry-After), it is asked for again this often. */
const WORKBOOK_RETRY_MS = 2_000;
const WORKBOOK_TRIES = 30;

async function downloadSharedWorkbook(token: string): Promise<string> {
  for (let attempt = 0; attempt < WORKBOOK_TRIES; attempt += 1) {
    const response = await fetch(`${window.location.origin}/shared/${encodeURIComponent(token)}/report`, {
      credentials: 'omit',
    });
    if (response.ok) {
      const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'portofino-report.xlsx';
      saveBlob(await response.blob(), fileName);
      return fileName;
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status !== 409) throw ApiError.from(response.status, body);
    await new Promise((resolve) => window.setTimeout(resolve, WORKBOOK_RETRY_MS));
  }
  throw new Error('the workbook is taking too long to build: try again in a minute');
}

/** Download XLSX on a shared page (a simulation's or a comparison's workbook), without signing in. */
export function SharedDownload({ token }: { token: string }) {
  const [state, setState] = useState<{ phase: 'idle' | 'working' | 'saved' | 'failed'; message?: string }>({
    phase: 'idle',
  });
  const start = async () => {
    if (state.phase === 'working') return;
    setState({ phase: 'working' });
    try {
      setState({ phase: 'saved', message: `Downloaded ${await downloadSharedWorkbook(token)}` });
    } catch (error) {
      setState({ phase: 'failed', message: `The workbook could not be downloaded: ${errorMessage(error)}` });
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void start()} aria-busy={state.phase === 'working'}>
        Download XLSX
      </button>
      {state.phase === 'working' && (
        <span className="muted" role="status">
          Preparing the workbook…
        </span>
      )}
      {state.phase === 'saved' && (
        <span className="muted" role="status">
          {state.message}
        </span>
      )}
      {state.phase === 'failed' && (
        <p className="error-box" role="alert">
          {state.message}
        </p>
      )}
    </>
  );
}
