import createClient from 'openapi-fetch';
import { apiBaseUrl, authentication, type ErrorBody } from './client';

/*
 * The studies API (POST/GET/DELETE /studies…), typed by hand in the shape openapi-typescript generates until
 * the server's routes are in the OpenAPI document. When schema.d.ts has them, `studyApi` becomes `api` and each
 * type below becomes its `Schemas['…Dto']`; the callers do not change.
 */

export type StudyMethod = 'random' | 'dirichlet' | 'grid' | 'both';
export type StudyStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface WeightBounds {
  minPercent?: number;
  maxPercent?: number;
}

export interface StudyRequest {
  tickers: string[];
  start: string;
  end: string;
  method?: StudyMethod;
  candidates?: number;
  seed?: number;
  concentration?: number;
  gridStepPercent?: number;
  constraints?: {
    allowShorts?: boolean;
    maxHoldings?: number;
    defaultBounds?: WeightBounds;
    bounds?: Record<string, WeightBounds>;
  };
  objectives?: { maxDrawdownPercent?: number; targetCagrPercent?: number };
  topN?: number;
  /** As in a command, each the text after `name=`: `{ rebalance: 'monthly', fee: '0.1%', rf: '2%' }`. */
  options?: {
    capital?: string;
    rebalance?: string;
    fee?: string;
    rf?: string;
    benchmark?: string;
    contribute?: string;
  };
}

export interface StudyAccepted {
  studyId: string;
  status: StudyStatus;
  candidateCount: number;
  chunkCount: number;
}

export interface StudyProgress {
  phase: string | null;
  percent: number;
  chunksDone: number;
  chunksTotal: number;
  candidatesEvaluated: number;
}

export type StudySummaryMetrics = Record<
  'cagr' | 'volatility' | 'sharpe' | 'sortino' | 'maxDrawdown' | 'calmar',
  number | null
> &
  Record<string, number | null>;

/** A portfolio of a study: a candidate (index) or a reference (index null), with the command that reproduces it. */
export interface StudyPortfolio {
  index: number | null;
  /** Fractions aligned with the result's tickers (0 where not held). */
  weights: number[];
  summary: StudySummaryMetrics;
  command: string;
}

export const STUDY_OBJECTIVES = ['maxSharpe', 'minVolatility', 'maxCagr', 'minDrawdown'] as const;
export type StudyObjective = (typeof STUDY_OBJECTIVES)[number];

export interface StudyStatistics {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  percentiles: (number | null)[];
  histogram: { lower: number; upper: number; counts: number[]; below: number; above: number };
}

export interface StudyResult {
  firstDate: string;
  lastDate: string;
  days: number;
  valid: number;
  tickers: string[];
  best: Record<StudyObjective, StudyPortfolio | null>;
  top: Record<StudyObjective, StudyPortfolio[]>;
  frontier: StudyPortfolio[];
  drawdownFrontier: StudyPortfolio[];
  statistics: Record<'cagr' | 'volatility' | 'sharpe' | 'sortino' | 'maxDrawdown' | 'calmar', StudyStatistics>;
  references: {
    equalWeight: StudyPortfolio;
    inverseVolatility: StudyPortfolio | null;
    riskParity: StudyPortfolio | null;
  } | null;
}

export interface StudyDetail {
  id: string;
  status: StudyStatus;
  request: StudyRequest;
  candidateCount: number;
  chunkCount: number;
  progress: StudyProgress;
  failureReason: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: StudyResult | null;
}

/** An entry of the list: the detail without its result. */
export type StudySummary = Omit<StudyDetail, 'result'>;

export interface StudyPage {
  items: StudySummary[];
  page: number;
  size: number;
  total: number;
}

/** The scatter as sent: every array base64 of little-endian Int32 (index) or Float32 (the others). */
export interface StudyScatterBody {
  count: number;
  stride: number;
  index: string;
  volatility: string;
  cagr: string;
  sharpe: string;
  maxDrawdown: string;
}

type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type Errors = { 400: Json<ErrorBody>; 401: Json<ErrorBody>; 404: Json<ErrorBody>; 422: Json<ErrorBody> };
type IdPath = { query?: never; header?: never; path: { id: string }; cookie?: never };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

export interface StudyPaths {
  '/studies': {
    parameters: NoParameters;
    get: {
      parameters: { query?: { page?: number; size?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<StudyPage> } & Errors;
    };
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': StudyRequest } };
      responses: { 202: Json<StudyAccepted> } & Errors;
    };
  };
  '/studies/{id}': {
    parameters: IdPath;
    get: { parameters: IdPath; requestBody?: never; responses: { 200: Json<StudyDetail> } & Errors };
    delete: {
      parameters: IdPath;
      requestBody?: never;
      responses: { 204: { headers: Record<string, unknown>; content?: never } } & Errors;
    };
  };
  '/studies/{id}/scatter': {
    parameters: IdPath;
    get: { parameters: IdPath; requestBody?: never; responses: { 200: Json<StudyScatterBody> } & Errors };
  };
}

/** The typed client of the studies routes (same origin, same token handling as `api`). */
export const studyApi = createClient<StudyPaths>({ baseUrl: apiBaseUrl(), credentials: 'same-origin' });
studyApi.use(authentication);
