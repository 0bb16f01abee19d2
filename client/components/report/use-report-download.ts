'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, unwrap } from '../../lib/api/client';
import { furtherAlong, useLiveProgress, type LiveProgress } from '../../lib/realtime/live-progress';
import { fetchBinary, fileNameFromDisposition, saveBlob } from './save-file';

export type ReportDownload =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'building'; reportId: string; progress: LiveProgress | null }
  | { phase: 'downloading'; reportId: string }
  | { phase: 'saved'; fileName: string }
  | { phase: 'failed'; message: string };

/** If the socket is quiet (a proxy without WebSockets), the report's state is read this often instead. */
const POLL_MS = 3_000;

/** Fetches a completed report's workbook and hands it to the browser under the name the server gave it. */
async function saveReport(reportId: string): Promise<string> {
  const report = unwrap(await api.GET('/report/{id}', { params: { path: { id: reportId } } }));
  const response = await fetchBinary(`/report/${encodeURIComponent(reportId)}/download`);
  const fileName =
    report.fileName ?? fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'portofino-report.xlsx';
  saveBlob(await response.blob(), fileName);
  return fileName;
}

/**
 * "Download XLSX": asks for the report (an existing one is reused), follows its build live, then downloads it.
 * A click while one is under way starts nothing; after a failure the next click builds a fresh workbook.
 */
export function useReportDownload(simulationId: string) {
  const [state, setState] = useState<ReportDownload>({ phase: 'idle' });
  const busy = useRef(false);
  const lastFailed = useRef(false);
  const buildingId = state.phase === 'building' ? state.reportId : null;
  const live = useLiveProgress('report', buildingId);
  const polled = useQuery({
    queryKey: ['report', buildingId],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/report/{id}', { params: { path: { id: buildingId ?? '' } }, signal })),
    enabled: buildingId !== null,
    refetchInterval: POLL_MS,
    gcTime: 0,
  });

  const finish = useCallback(async (reportId: string) => {
    setState({ phase: 'downloading', reportId });
    try {
      const fileName = await saveReport(reportId);
      lastFailed.current = false;
      setState({ phase: 'saved', fileName });
    } catch (error) {
      lastFailed.current = true;
      setState({ phase: 'failed', message: `The report could not be downloaded: ${errorMessage(error)}` });
    } finally {
      busy.current = false;
    }
  }, []);

  const start = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ phase: 'requesting' });
    try {
      const accepted = unwrap(await api.POST('/report', { body: { simulationId, force: lastFailed.current } }));
      if (accepted.status === 'completed') return await finish(accepted.reportId);
      setState({ phase: 'building', reportId: accepted.reportId, progress: null });
    } catch (error) {
      busy.current = false;
      lastFailed.current = true;
      setState({ phase: 'failed', message: `The report could not be started: ${errorMessage(error)}` });
    }
  }, [simulationId, finish]);

  // Whichever says more — the socket or the poll — moves the build along.
  const polledProgress: LiveProgress | null = polled.data
    ? {
        status: polled.data.status,
        phase: polled.data.progress.phase,
        percent: polled.data.progress.percent,
        failureReason: polled.data.failureReason,
      }
    : null;
  const progress = polledProgress ? furtherAlong(live, polledProgress) : live;
  const status = progress?.status;
  const failureReason = progress?.failureReason ?? null;

  useEffect(() => {
    if (buildingId === null) return;
    if (status === 'completed') void finish(buildingId);
    if (status === 'failed') {
      busy.current = false;
      lastFailed.current = true;
      setState({ phase: 'failed', message: `The report failed: ${failureReason ?? 'no reason given'}` });
    }
  }, [buildingId, status, failureReason, finish]);

  const shown: ReportDownload = state.phase === 'building' ? { ...state, progress } : state;
  return { state: shown, start };
}
