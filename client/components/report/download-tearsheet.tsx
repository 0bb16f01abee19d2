'use client';

import { DownloadButton } from './download-button';
import { fetchBinary, saveResponse } from './save-file';

/** Fetches the simulation's tearsheet (rendered on request, no job) and saves it under the server's name. */
export async function saveTearsheet(simulationId: string): Promise<string> {
  const response = await fetchBinary(`/history/${encodeURIComponent(simulationId)}/tearsheet`);
  return saveResponse(response, 'portofino-tearsheet.html');
}

/** "Download tearsheet": one HTML file with every metric and chart, readable offline and printable to PDF. */
export function DownloadTearsheet({ simulationId }: { simulationId: string }) {
  return <DownloadButton label="Download tearsheet" thing="tearsheet" save={() => saveTearsheet(simulationId)} />;
}
