'use client';

import { useMutation } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../lib/api/client';
import { fileNameFromDisposition, saveBlob } from '../report/save-file';

/** Fetches the shared result's tearsheet (GET /shared/{token}/tearsheet, no sign-in) and saves it. */
export async function saveSharedTearsheet(token: string): Promise<string> {
  const response = await fetch(`${window.location.origin}/shared/${encodeURIComponent(token)}/tearsheet`, {
    credentials: 'omit',
  });
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'portofino-tearsheet.html';
  saveBlob(await response.blob(), fileName);
  return fileName;
}

/** "Download tearsheet" on a shared result: one HTML file, readable offline, with nothing of the owner. */
export function SharedTearsheetDownload({ token }: { token: string }) {
  const download = useMutation({ mutationFn: () => saveSharedTearsheet(token) });
  return (
    <>
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
      {download.isError && (
        <p className="error-box" role="alert">
          The tearsheet could not be downloaded: {errorMessage(download.error)}
        </p>
      )}
    </>
  );
}
