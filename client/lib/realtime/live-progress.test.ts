import { describe, expect, it } from '@jest/globals';
import { furtherAlong, progressFromMessage } from './live-progress';

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
});
