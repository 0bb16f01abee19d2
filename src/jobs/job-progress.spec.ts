import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { JobProgress, JobProgressOptions } from './job-progress';

/** A JobProgress whose writes are listed in `written` (and the queue's percentages in `queued`). */
function recorded(options: Partial<JobProgressOptions> = {}) {
  const written: string[] = [];
  const queued: number[] = [];
  const errors: string[] = [];
  const progress = new JobProgress({
    intervalMs: 0,
    queue: async (percent) => {
      queued.push(percent);
    },
    writes: {
      start: async (phase, percent) => written.push(`start ${phase} ${percent}`),
      progress: async (phase, percent) => written.push(`progress ${phase} ${percent}`),
    },
    onWriteError: (error, phase) => errors.push(`${phase}: ${(error as Error).message}`),
    ...options,
  });
  return { progress, written, queued, errors };
}

describe('JobProgress', () => {
  describe('without an interval', () => {
    it('writes the start with the first phase, then every phase as it is reported', async () => {
      const { progress, written, queued } = recorded();
      await progress.report('fetching prices 0/2', 5);
      await progress.report('simulating', 60);
      expect(written).toEqual(['start fetching prices 0/2 5', 'progress simulating 60']);
      expect(queued).toEqual([5, 60]);
      expect(await progress.settle()).toEqual({ startRecorded: true });
    });

    it('writes progress only when the start is already recorded', async () => {
      const { progress, written } = recorded({ started: true });
      await progress.report('loading', 10);
      expect(written).toEqual(['progress loading 10']);
    });

    it('hands a failed write to onWriteError, and tries the start again with the next phase', async () => {
      let fail = true;
      const { progress, written, errors } = recorded({
        writes: {
          start: async (phase) => {
            if (fail) throw new Error('database away');
            written.push(`start ${phase}`);
          },
          progress: async (phase) => written.push(`progress ${phase}`),
        },
      });
      await progress.report('fetching', 5);
      fail = false;
      await progress.report('simulating', 60);
      expect(errors).toEqual(['fetching: database away']);
      expect(written).toEqual(['start simulating']);
    });

    it('lets report() fail when onWriteError throws (a kind that stops on a failed write)', async () => {
      const { progress } = recorded({
        writes: {
          start: async () => {
            throw new Error('database away');
          },
          progress: async () => undefined,
        },
        onWriteError: (error) => {
          throw error;
        },
      });
      await expect(progress.report('loading', 10)).rejects.toThrow('database away');
      // The failed write does not poison settle().
      expect(await progress.settle()).toEqual({ startRecorded: false });
    });

    it('ignores reports after settle()', async () => {
      const { progress, written } = recorded();
      await progress.settle();
      await progress.report('late ticker', 30);
      expect(written).toEqual([]);
    });
  });

  describe('with an interval', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('writes nothing for a run shorter than the interval: the final state records the start', async () => {
      const { progress, written } = recorded({ intervalMs: 1000 });
      await progress.report('fetching prices 0/1', 5);
      await progress.report('simulating', 60);
      await jest.advanceTimersByTimeAsync(999);
      expect(await progress.settle()).toEqual({ startRecorded: false });
      await jest.advanceTimersByTimeAsync(5000);
      expect(written).toEqual([]);
    });

    it('writes the latest phase once the first unwritten one has lasted the interval', async () => {
      const { progress, written } = recorded({ intervalMs: 1000 });
      await progress.report('fetching prices 0/3', 5);
      await jest.advanceTimersByTimeAsync(600);
      await progress.report('fetching prices 1/3', 22);
      await jest.advanceTimersByTimeAsync(400);
      expect(written).toEqual(['start fetching prices 1/3 22']);
      await progress.report('fetching prices 2/3', 38);
      await progress.report('fetching prices 3/3', 55);
      await jest.advanceTimersByTimeAsync(1000);
      expect(written).toEqual(['start fetching prices 1/3 22', 'progress fetching prices 3/3 55']);
      expect(await progress.settle()).toEqual({ startRecorded: true });
    });

    it('drops a pending phase at settle(), so nothing lands after the final state', async () => {
      const { progress, written } = recorded({ intervalMs: 1000 });
      await progress.report('saving', 90);
      await progress.settle();
      await jest.advanceTimersByTimeAsync(2000);
      expect(written).toEqual([]);
    });
  });
});
