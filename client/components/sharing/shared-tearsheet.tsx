'use client';

import { ApiError } from '../../lib/api/client';
import { DownloadButton } from '../report/download-button';
import { saveResponse } from '../report/save-file';

/** Fetches the shared result's tearsheet (GET /shared/{token}/tearsheet, no sign-in) and saves it. */
export async function saveSharedTearsheet(token: string): Promise<string> {
  const response = await fetch(`${window.location.origin}/shared/${encodeURIComponent(token)}/tearsheet`, {
    credentials: 'omit',
  });
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  return saveResponse(response, 'portofino-tearsheet.html');
}

/** "Download tearsheet" on a shared result: one HTML file, readable offline, with nothing of the owner. */
export function SharedTearsheetDownload({ token }: { token: string }) {
  return <DownloadButton label="Download tearsheet" thing="tearsheet" save={() => saveSharedTearsheet(token)} />;
}
