import { describe, expect, it } from '@jest/globals';
import { DatabaseUnavailableError } from '../database/database-unavailable';
import { MarketDataUnavailableError, TickerNotFoundError } from '../modules/market-data/market-data.errors';
import { decideFailure, isRetryable, JobInputError } from './job-failure';

const wording = {
  unknownCode: 'TRANSIENT',
  afterTries: (attempts: number, message: string) => `gave up after ${attempts} tries (${message})`,
};
const firstOfThree = { attemptsMade: 0, attempts: 3 };
const lastOfThree = { attemptsMade: 2, attempts: 3 };

describe('the job failure policy', () => {
  it('classifies explicitly: input errors and refusals are final, outages and unknown errors are retryable', () => {
    expect(isRetryable(new JobInputError('no price at the start', 'NO_PRICE_AT_START'))).toBe(false);
    expect(isRetryable(new TickerNotFoundError('NOPE', ['sample']))).toBe(false);
    expect(isRetryable(new MarketDataUnavailableError('AAPL', 30, [{ source: 'yahoo', problem: 'timeout' }]))).toBe(
      true,
    );
    expect(isRetryable(new DatabaseUnavailableError('connection refused'))).toBe(true);
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
  });

  it('fails an input error at once, with its own message and code, whatever tries are left', () => {
    expect(decideFailure(new JobInputError('ticker NOPE is unknown', 'UNKNOWN_TICKER'), firstOfThree, wording)).toEqual(
      { retry: false, retryable: false, kind: 'input', reason: 'ticker NOPE is unknown', code: 'UNKNOWN_TICKER' },
    );
  });

  it('fails a refusal (a non-retryable domain error) at once as a data failure', () => {
    const refusal = new TickerNotFoundError('NOPE', ['sample']);
    expect(decideFailure(refusal, firstOfThree, wording)).toEqual({
      retry: false,
      retryable: false,
      kind: 'data',
      reason: refusal.message,
      code: 'TICKER_NOT_FOUND',
    });
  });

  it('retries an outage while tries are left, then fails it with its own message', () => {
    const outage = new MarketDataUnavailableError('AAPL', 30, [{ source: 'yahoo', problem: 'timeout' }]);
    expect(decideFailure(outage, firstOfThree, wording)).toEqual({ retry: true });
    expect(decideFailure(outage, { attemptsMade: 1, attempts: 3 }, wording)).toEqual({ retry: true });
    expect(decideFailure(outage, lastOfThree, wording)).toEqual({
      retry: false,
      retryable: true,
      kind: 'data',
      reason: outage.message,
      code: 'MARKET_DATA_UNAVAILABLE',
    });
  });

  it('retries an unknown error, then fails it in the kind’s words with the kind’s code', () => {
    expect(decideFailure(new Error('socket hang up'), firstOfThree, wording)).toEqual({ retry: true });
    expect(decideFailure(new Error('socket hang up'), lastOfThree, wording)).toEqual({
      retry: false,
      retryable: true,
      kind: 'transient',
      reason: 'gave up after 3 tries (socket hang up)',
      code: 'TRANSIENT',
    });
  });

  it('reads the message of an error from another realm (not instanceof Error), and of a thrown string', () => {
    const foreign = { name: 'Error', message: 'ENOTDIR: not a directory' };
    expect(decideFailure(foreign, { attemptsMade: 1, attempts: 2 }, wording)).toMatchObject({
      reason: 'gave up after 2 tries (ENOTDIR: not a directory)',
    });
    expect(decideFailure('boom', { attemptsMade: 0, attempts: 1 }, wording)).toMatchObject({
      reason: 'gave up after 1 tries (boom)',
    });
  });
});
