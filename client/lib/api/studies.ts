import createClient from 'openapi-fetch';
import { apiBaseUrl, authentication, type ErrorBody, type Schemas } from './client';

/*
 * The studies API (POST/GET/DELETE /studies…). The answers are the generated document's types. The request is
 * typed here: the document marks the fields that have a default (method, seed, topN, allowShorts) as required
 * and nullable, where the server reads them as optional. Once it marks them optional, `StudyRequest` becomes
 * `Schemas['StudyRequestDto']` and `studyApi` becomes `api`; the callers do not change.
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

export type StudyAccepted = Schemas['StudyAcceptedDto'];
export type StudyProgress = Schemas['StudyProgressDto'];
export type StudySummaryMetrics = Schemas['StudySummaryMetricsDto'];
/** A portfolio of a study: a candidate (index) or a reference (index null), with the command that reproduces it. */
export type StudyPortfolio = Schemas['StudyPortfolioDto'];
export type StudyResult = Schemas['StudyResultDto'];
export type StudyDetail = Schemas['StudyDetailDto'];
/** An entry of the list: the detail without its result. */
export type StudySummary = Schemas['StudySummaryDto'];
export type StudyPage = Schemas['StudyPageDto'];
/** The scatter as sent: every array base64 of little-endian Int32 (index) or Float32 (the others). */
export type StudyScatterBody = Schemas['StudyScatterDto'];

export const STUDY_OBJECTIVES = ['maxSharpe', 'minVolatility', 'maxCagr', 'minDrawdown'] as const;
export type StudyObjective = (typeof STUDY_OBJECTIVES)[number];

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
