import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_PARAMS,
  hasFilters,
  nextSort,
  readHistoryParams,
  toListQuery,
  writeHistoryParams,
} from './history-params';

describe('history URL parameters', () => {
  it('reads the defaults from an empty query and writes them back as nothing', () => {
    expect(readHistoryParams(new URLSearchParams(''))).toEqual(DEFAULT_PARAMS);
    expect(writeHistoryParams(DEFAULT_PARAMS)).toBe('');
  });

  it('round-trips every setting', () => {
    const search = 'status=failed&ticker=AAPL&from=2026-01-01&to=2026-02-01&sort=sharpe&order=asc&size=50&page=3';
    const params = readHistoryParams(new URLSearchParams(search));
    expect(params).toEqual({
      page: 3,
      size: 50,
      status: 'failed',
      ticker: 'AAPL',
      from: '2026-01-01',
      to: '2026-02-01',
      sort: 'sharpe',
      order: 'asc',
    });
    expect(writeHistoryParams(params)).toBe(search);
  });

  it('falls back to defaults for choices the controls cannot show, and keeps free text for the API to judge', () => {
    const params = readHistoryParams(
      new URLSearchParams('status=paused&sort=name&order=up&size=500&page=0&ticker=$$$&from=yesterday'),
    );
    expect(params).toMatchObject({ status: null, sort: 'createdAt', order: 'desc', size: 20, page: 1 });
    expect(toListQuery(params)).toEqual({
      page: 1,
      size: 20,
      sort: 'createdAt',
      order: 'desc',
      ticker: '$$$',
      from: 'yesterday',
    });
  });

  it('sends the ticker trimmed and in capitals, and leaves empty filters out', () => {
    expect(toListQuery({ ...DEFAULT_PARAMS, ticker: ' msft ' })).toEqual({
      page: 1,
      size: 20,
      sort: 'createdAt',
      order: 'desc',
      ticker: 'MSFT',
    });
    expect(hasFilters({ ...DEFAULT_PARAMS, ticker: '  ' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_PARAMS, to: '2026-01-01' })).toBe(true);
  });

  it('sorts a new column largest first and reverses the current one', () => {
    expect(nextSort(DEFAULT_PARAMS, 'cagr')).toEqual({ sort: 'cagr', order: 'desc' });
    expect(nextSort({ ...DEFAULT_PARAMS, sort: 'cagr' }, 'cagr')).toEqual({ sort: 'cagr', order: 'asc' });
    expect(nextSort({ ...DEFAULT_PARAMS, sort: 'cagr', order: 'asc' }, 'cagr')).toEqual({
      sort: 'cagr',
      order: 'desc',
    });
  });
});
