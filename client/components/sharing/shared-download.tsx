'use client';

import { ApiError } from '../../lib/api/client';
import { DownloadButton } from '../report/download-button';
import { saveResponse } from '../report/save-file';

/** While the shared result's workbook is being built (409 with Retry-After), it is asked for again this often. */
const WORKBOOK_RETRY_MS = 2_000;
const WORKBOOK_TRIES = 30;

async function downloadSharedWorkbook(token: string): Promise<string> {
  for (let attempt = 0; attempt < WORKBOOK_TRIES; attempt += 1) {
    const response = await fetch(`${window.location.origin}/shared/${encodeURIComponent(token)}/report`, {
      credentials: 'omit',
    });
    if (response.ok) return saveResponse(response, 'portofino-report.xlsx');
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status !== 409) throw ApiError.from(response.status, body);
    await new Promise((resolve) => window.setTimeout(resolve, WORKBOOK_RETRY_MS));
  }
  throw new Error('the workbook is taking too long to build: try again in a minute');
}

/** Download XLSX on a shared page (a simulation's or a comparison's workbook), without signing in. */
export function SharedDownload({ token }: { token: string }) {
  return <DownloadButton label="Download XLSX" thing="workbook" primary save={() => downloadSharedWorkbook(token)} />;
}
