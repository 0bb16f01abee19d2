'use client';

import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../lib/api/client';
import styles from './report.module.css';
import { fetchBinary, fileNameFromDisposition, saveBlob } from './save-file';

/** Fetches the simulation's tearsheet (rendered on request, no job) and saves it under the server's name. */
export async function saveTearsheet(simulationId: string): Promise<string> {
  const response = await fetchBinary(`/history/${encodeURIComponent(simulationId)}/tearsheet`);
  const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'portofino-tearsheet.html';
  saveBlob(await response.blob(), fileName);
  return fileName;
}

/** "Download tearsheet": one HTML file with every metric and chart, readable offline and printable to PDF. */
export function DownloadTearsheet({ simulationId }: { simulationId: string }) {
  const download = useMutation({ mutationFn: () => saveTearsheet(simulationId) });
  return (
    <div className={styles.report}>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          if (!download.isPending) download.mutate();
        }}
        aria-busy={download.isPending}
      >
        Download tearsheet
      </button>
      <div className={styles.status}>
        {download.isPending && (
          <span className="muted" role="status">
            Preparing the tearsheet…
          </span>
        )}
        {download.isSuccess && (
          <span className="muted" role="status">
            Downloaded {download.data}
          </span>
        )}
      </div>
      {download.isError && (
        <p className={`error-box ${styles.error}`} role="alert">
          The tearsheet could not be downloaded: {errorMessage(download.error)}
        </p>
      )}
    </div>
  );
}
