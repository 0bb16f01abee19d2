import { describe, expect, it } from '@jest/globals';
import { furtherAlong, progressFromMessage, progressFromState } from './live-progress';

describe('live progress', () => {
  it('reads each socket message as a state', () => {
    expect(progressFromMessage('progress', { phase: 'fetching prices 1/2', percent: 12 })).toEqual({
      status: 'running',
      phase: 'fetching prices 1/2',
      percent: 12,
      failureReason: null,
    });
    expect(progressFromMessage('failed', { reason: 'MSFT has no prices before 1990-01-02' })).toMatchObject({
      status: 'failed',
      failureReason: 'MSFT has no prices before 1990-01-02',
    });
    expect(progressFromMessage('history.created', {})).toBeNull();
  });

  it('keeps the state that is further along when the subscribe answer arrives after a newer message', () => {
    const progress = { status: 'running', phase: 'simulating', percent: 60, failureReason: null } as const;
    const stale = { status: 'running', phase: 'fetching prices 1/2', percent: 10, failureReason: null } as const;
    const done = { status: 'completed', phase: 'done', percent: 100, failureReason: null } as const;
    expect(furtherAlong(progress, stale)).toBe(progress);
    expect(furtherAlong(progress, done)).toBe(done);
    expect(furtherAlong(done, progress)).toBe(done);
    expect(furtherAlong(null, stale)).toBe(stale);
  });

  it("reads a study's chunk counts from its progress messages and from its nested subscribe answer", () => {
    const studyId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(
      progressFromMessage('progress', {
        studyId,
        phase: 'evaluating',
        percent: 40,
        chunksDone: 2,
        chunksTotal: 5,
        candidatesEvaluated: 8192,
      }),
    ).toEqual({
      status: 'running',
      phase: 'evaluating',
      percent: 40,
      failureReason: null,
      chunks: { chunksDone: 2, chunksTotal: 5, candidatesEvaluated: 8192 },
    });
    expect(
      progressFromState({
        studyId,
        status: 'running',
        progress: { phase: 'evaluating', percent: 60, chunksDone: 3, chunksTotal: 5, candidatesEvaluated: 12288 },
        failureReason: null,
      }),
    ).toEqual({
      status: 'running',
      phase: 'evaluating',
      percent: 60,
      failureReason: null,
      chunks: { chunksDone: 3, chunksTotal: 5, candidatesEvaluated: 12288 },
    });
    // A simulation's flat answer reads as before; an answer without a known status is no state.
    expect(progressFromState({ status: 'queued', phase: 'queued', percent: 0, failureReason: null })).toEqual({
      status: 'queued',
      phase: 'queued',
      percent: 0,
      failureReason: null,
    });
    expect(progressFromState({ error: 'not found' })).toBeNull();
  });
});
