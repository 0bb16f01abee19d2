'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { PreviewClient, type PreviewUpdate, type SeriesSource } from './preview-client';
import type { PreviewLine, PreviewPort } from './preview-protocol';
import { nextShownResults, type ShownResults } from './shown-results';

/** Where the preview's engine runs and where its prices come from (the browser's by default; tests pass their own). */
export interface PreviewEnvironment {
  /** The person whose series these are (their uploads shadow public tickers). */
  scope: string;
  createPort(): PreviewPort | Promise<PreviewPort>;
  createSource(scope: string): SeriesSource | Promise<SeriesSource>;
}

export interface LivePreviewState {
  /** The answer to the latest request, once there is one. */
  update: PreviewUpdate | null;
  /** Each line's last successful result (kept while the line is being fixed or its prices load). */
  shown: ShownResults;
  /** Why there is no preview at all (the worker could not start), or null. */
  failure: string | null;
  /**
   * Asks for these lines now, before they are rendered (the editor's change, ahead of the page's update): the
   * render that follows with the same lines asks nothing more. Stable.
   */
  requestNow: (lines: readonly PreviewLine[]) => void;
}

/** The lines as one string, to tell a request already made from a new one. */
const linesKey = (lines: readonly PreviewLine[]): string =>
  lines.map((line) => `${line.id}\u0000${line.command}`).join('\u0001');

const NOTHING_SHOWN: ShownResults = new Map();

/**
 * Previews `lines` (keep the array referentially stable while they do not change): the engine starts in its worker
 * after the first render, every change of the lines is sent at once (no debounce; the client keeps one run in
 * flight and the latest wins), and the latest answer is returned.
 */
export function useLivePreview(lines: readonly PreviewLine[], environment: PreviewEnvironment): LivePreviewState {
  const [answers, setAnswers] = useState<{ update: PreviewUpdate | null; shown: ShownResults }>({
    update: null,
    shown: NOTHING_SHOWN,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const client = useRef<PreviewClient | null>(null);
  const latestLines = useRef(lines);

  // Asked in the commit that shows the keystroke (a layout effect), not after the browser has painted it: the
  // worker computes while the page paints the text, instead of waiting for that frame.
  const requesting = useRef(false);
  const requested = useRef<string | null>(null);
  const requestNow = useCallback((next: readonly PreviewLine[]) => {
    const key = linesKey(next);
    if (key === requested.current) return;
    requested.current = key;
    latestLines.current = next;
    requesting.current = true;
    try {
      client.current?.request(next);
    } finally {
      requesting.current = false;
    }
  }, []);
  useLayoutEffect(() => requestNow(lines), [lines, requestNow]);

  const { scope, createPort, createSource } = environment;
  useEffect(() => {
    let cancelled = false;
    let started: PreviewClient | null = null;
    Promise.all([createPort(), createSource(scope)]).then(
      ([port, source]) => {
        if (cancelled) {
          port.terminate();
          return;
        }
        port.onerror = (message) => {
          if (!cancelled) setFailure(message);
        };
        const show = (update: PreviewUpdate) =>
          setAnswers((previous) => ({ update, shown: nextShownResults(previous.shown, update) }));
        // The worker's answer is rendered in the task that receives it, numbers and charts before the next paint,
        // not in a task of its own after it. An answer given at once, while a request is being made from a
        // layout effect, is already part of that commit.
        started = new PreviewClient(port, source, (update) => {
          if (requesting.current) show(update);
          else flushSync(() => show(update));
        });
        client.current = started;
        requesting.current = true;
        requested.current = linesKey(latestLines.current);
        try {
          started.request(latestLines.current);
        } finally {
          requesting.current = false;
        }
      },
      (error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
      started?.dispose();
      client.current = null;
    };
  }, [scope, createPort, createSource]);

  return { ...answers, failure, requestNow };
}
