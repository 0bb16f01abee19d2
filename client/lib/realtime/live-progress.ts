'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { accessTokenNow, refreshSession } from '../auth/token-store';

export type LiveStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface LiveProgress {
  status: LiveStatus;
  /** What the worker is doing, in words (e.g. "fetching prices 2/3"). */
  phase: string | null;
  percent: number;
  failureReason: string | null;
  /** For a study: chunks stored and candidates evaluated so far (absent for other kinds). */
  chunks?: ChunkCounts;
}

export interface ChunkCounts {
  chunksDone: number;
  chunksTotal: number;
  candidatesEvaluated: number;
}

/** The live namespaces and the field that names their subject. */
const CHANNELS = {
  simulation: { namespace: '/simulations', field: 'simulationId' },
  report: { namespace: '/reports', field: 'reportId' },
  projection: { namespace: '/projections', field: 'projectionId' },
  study: { namespace: '/studies', field: 'studyId' },
  comparison: { namespace: '/comparisons', field: 'comparisonId' },
} as const;
export type LiveKind = keyof typeof CHANNELS;

const sockets = new Map<LiveKind, Socket>();

/** One socket per namespace for the whole tab, authenticated with the current access token at each (re)connect. */
function socketFor(kind: LiveKind): Socket {
  let socket = sockets.get(kind);
  if (!socket) {
    socket = io(`${window.location.origin}${CHANNELS[kind].namespace}`, {
      transports: ['websocket'],
      auth: (send) => send({ token: accessTokenNow() ?? '' }),
    });
    const connecting = socket;
    // An expired access token: refresh it and connect again (the auth callback reads the new one).
    connecting.on('connect_error', (error) => {
      if (/access token|authentication required/i.test(error.message))
        void refreshSession().then((tokens) => tokens && connecting.connect());
    });
    // The server ends a socket when its token expires (after a `token_expired` message): socket.io does not
    // reconnect by itself then, so refresh and connect again.
    connecting.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') void refreshSession().then((tokens) => tokens && connecting.connect());
    });
    sockets.set(kind, socket);
  }
  return socket;
}

const RANK: Record<LiveStatus, number> = { queued: 0, running: 1, completed: 2, failed: 2 };

/** Messages can overtake the subscribe answer: keep whichever state is further along. */
export function furtherAlong(current: LiveProgress | null, next: LiveProgress): LiveProgress {
  if (!current) return next;
  if (RANK[next.status] !== RANK[current.status]) return RANK[next.status] > RANK[current.status] ? next : current;
  return next.percent >= current.percent ? next : current;
}

type Message = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** A study's chunk counts when the message carries them (progress messages and the subscribe answer). */
export function chunkCounts(message: Message): { chunks: ChunkCounts } | object {
  const { chunksDone, chunksTotal, candidatesEvaluated } = message;
  if (typeof chunksDone !== 'number' || typeof chunksTotal !== 'number' || typeof candidatesEvaluated !== 'number')
    return {};
  return { chunks: { chunksDone, chunksTotal, candidatesEvaluated } };
}

/** The state a socket message stands for. */
export function progressFromMessage(name: string, message: Message): LiveProgress | null {
  switch (name) {
    case 'requested':
      return { status: 'queued', phase: 'queued', percent: 0, failureReason: null };
    case 'started':
      return { status: 'running', phase: 'started', percent: 0, failureReason: null };
    case 'progress':
      return {
        status: 'running',
        phase: text(message.phase),
        percent: number(message.percent, 0),
        failureReason: null,
        ...chunkCounts(message),
      };
    case 'completed':
      return { status: 'completed', phase: 'done', percent: 100, failureReason: null };
    case 'failed':
      return { status: 'failed', phase: null, percent: 100, failureReason: text(message.reason) ?? 'failed' };
    default:
      return null;
  }
}

/** The state `subscribe` answers with (a study's has its progress nested: { status, progress: { phase, … } }). */
export function progressFromState(answer: Message | null | undefined): LiveProgress | null {
  if (typeof answer?.status !== 'string' || !(answer.status in RANK)) return null;
  const nested = answer.progress;
  const state: Message = typeof nested === 'object' && nested !== null ? { ...answer, ...nested } : answer;
  return {
    status: answer.status as LiveStatus,
    phase: text(state.phase),
    percent: number(state.percent, 0),
    failureReason: text(state.failureReason),
    ...chunkCounts(state),
  };
}

const MESSAGES = ['requested', 'started', 'progress', 'completed', 'failed'] as const;

/**
 * Follows one simulation, report, projection or study live: the current state first (subscribe answers from the database, so a
 * late arrival is never stuck), then every message the server forwards from the event stream.
 */
export function useLiveProgress(kind: LiveKind, id: string | null | undefined): LiveProgress | null {
  const [progress, setProgress] = useState<LiveProgress | null>(null);

  useEffect(() => {
    setProgress(null);
    if (!id) return;
    const { field } = CHANNELS[kind];
    const socket = socketFor(kind);
    const apply = (next: LiveProgress | null) => next && setProgress((current) => furtherAlong(current, next));
    const handlers = MESSAGES.map((name) => {
      const handler = (message: Message) => message[field] === id && apply(progressFromMessage(name, message));
      socket.on(name, handler);
      return [name, handler] as const;
    });
    const subscribe = () =>
      socket.emit('subscribe', { [field]: id }, (answer: Message) => apply(progressFromState(answer)));
    socket.on('connect', subscribe);
    if (socket.connected) subscribe();
    return () => {
      handlers.forEach(([name, handler]) => socket.off(name, handler));
      socket.off('connect', subscribe);
      socket.emit('unsubscribe', { [field]: id });
    };
  }, [kind, id]);

  return progress;
}
