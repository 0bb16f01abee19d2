'use client';

import { DownloadButton } from '../report/download-button';
import { fetchBinary, saveResponse } from '../report/save-file';

/** Fetches the comparison's workbook (built on request, no job) and saves it under the server's name. */
export async function saveComparisonWorkbook(comparisonId: string): Promise<string> {
  const response = await fetchBinary(`/comparisons/${encodeURIComponent(comparisonId)}/xlsx`);
  return saveResponse(response, 'portofino-comparison.xlsx');
}

/** "Download XLSX" on the comparison page: Summary side by side, Daily, Correlation and overlaid charts. */
export function DownloadComparisonWorkbook({ comparisonId }: { comparisonId: string }) {
  return (
    <DownloadButton label="Download XLSX" thing="workbook" primary save={() => saveComparisonWorkbook(comparisonId)} />
  );
}
