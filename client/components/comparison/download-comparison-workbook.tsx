'use client';

import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../lib/api/client';
import { fetchBinary, fileNameFromDisposition, saveBlob } from '../report/save-file';
import styles from '../report/report.module.css';

/** Fetches the comparison's workbook (built on request, no job) and saves it under the server's name. */
export async function saveComparisonWorkbook(comparisonId: string): Promise<string> {
  const response = await fetchBinary(`/comparisons/${encodeURIComponent(comparisonId)}/xlsx`);
  const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'portofino-comparison.xlsx';
  saveBlob(await response.blob(), fileName);
  return fileName;
}

/** "Download XLSX" on the comparison page: Summary side by side, Daily, Correlation and overlaid charts. */
export function DownloadComparisonWorkbook({ comparisonId }: { comparisonId: string }) {
  const download = useMutation({ mutationFn: () => saveComparisonWorkbook(comparisonId) });
  return (
    <div className={styles.report}>
      <button
        type="button"
        className="button"
        onClick={() => {
          if (!download.isPending) download.mutate();
        }}
        aria-busy={download.isPending}
      >
        Download XLSX
      </button>
      {download.isPending && (
        <span className="muted" role="status">
          Preparing the workbook…
        </span>
      )}
      {download.isSuccess && (
        <span className="muted" role="status">
          Downloaded {download.data}
        </span>
      )}
      {download.isError && (
        <p className="error-box" role="alert">
          The workbook could not be downloaded: {errorMessage(download.error)}
        </p>
      )}
    </div>
  );
}
