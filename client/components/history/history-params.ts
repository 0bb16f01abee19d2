import type { SimulationSummary } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema';

/** The query GET /history accepts, as generated from the OpenAPI document. */
export type HistoryListQuery = NonNullable<paths['/history']['get']['parameters']['query']>;
export type SimulationStatus = SimulationSummary['status'];
export type SortField = 'createdAt' | 'cagr' | 'sharpe' | 'maxDrawdown';
export type SortOrder = 'asc' | 'desc';

/** What the history page shows, as kept in its URL (so a filtered view can be linked, and survives back/forward). */
export interface HistoryParams {
  page: number;
  size: number;
  status: SimulationStatus | null;
  /** As typed; the API trims and upper-cases it and answers 400 when it is not a ticker. */
  ticker: string;
  /** Submitted on or after this day (YYYY-MM-DD), or ''. Passed through so a bad value gets the API's words. */
  from: string;
  /** Submitted on or before this day (YYYY-MM-DD), or ''. */
  to: string;
  sort: SortField;
  order: SortOrder;
}

export const STATUSES: readonly SimulationStatus[] = ['queued', 'running', 'completed', 'failed'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const SORT_FIELDS: readonly SortField[] = ['createdAt', 'cagr', 'sharpe', 'maxDrawdown'];

export const DEFAULT_PARAMS: HistoryParams = {
  page: 1,
  size: 20,
  status: null,
  ticker: '',
  from: '',
  to: '',
  sort: 'createdAt',
  order: 'desc',
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

function positiveInteger(value: string | null, max = Number.MAX_SAFE_INTEGER): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

/**
 * Reads the page's state from its query string. Choices made with controls (status, sort, page size) fall back to
 * their defaults when the URL holds something else; the free-text filters are kept as they are.
 */
export function readHistoryParams(search: Pick<URLSearchParams, 'get'>): HistoryParams {
  return {
    page: positiveInteger(search.get('page')) ?? DEFAULT_PARAMS.page,
    size: positiveInteger(search.get('size'), 100) ?? DEFAULT_PARAMS.size,
    status: oneOf(STATUSES, search.get('status')),
    ticker: search.get('ticker') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    sort: oneOf(SORT_FIELDS, search.get('sort')) ?? DEFAULT_PARAMS.sort,
    order: oneOf(['asc', 'desc'], search.get('order')) ?? DEFAULT_PARAMS.order,
  };
}

/** The query string for `params`, defaults left out so the plain page stays `/history`. */
export function writeHistoryParams(params: HistoryParams): string {
  const search = new URLSearchParams();
  if (params.status) search.set('status', params.status);
  if (params.ticker) search.set('ticker', params.ticker);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.sort !== DEFAULT_PARAMS.sort) search.set('sort', params.sort);
  if (params.order !== DEFAULT_PARAMS.order) search.set('order', params.order);
  if (params.size !== DEFAULT_PARAMS.size) search.set('size', String(params.size));
  if (params.page !== DEFAULT_PARAMS.page) search.set('page', String(params.page));
  return search.toString();
}

/** What GET /history is asked for; empty filters are not sent. */
export function toListQuery(params: HistoryParams): HistoryListQuery {
  const query: HistoryListQuery = { page: params.page, size: params.size, sort: params.sort, order: params.order };
  if (params.status) query.status = params.status;
  const ticker = normalizeTicker(params.ticker);
  if (ticker) query.ticker = ticker;
  if (params.from) query.from = params.from;
  if (params.to) query.to = params.to;
  return query;
}

export const normalizeTicker = (ticker: string): string => ticker.trim().toUpperCase();

export function hasFilters(params: HistoryParams): boolean {
  return params.status !== null || normalizeTicker(params.ticker) !== '' || params.from !== '' || params.to !== '';
}

/** Clicking a column's header sorts by it (largest first); clicking it again reverses the order. */
export function nextSort(params: HistoryParams, field: SortField): Pick<HistoryParams, 'sort' | 'order'> {
  if (params.sort !== field) return { sort: field, order: 'desc' };
  return { sort: field, order: params.order === 'desc' ? 'asc' : 'desc' };
}
