import { api, type Schemas } from './client';

/* The studies API (POST/GET/DELETE /studies…): requests and answers are the generated document's types. */

/** POST /studies' body; options as in a command, each the text after `name=` (`{ rebalance: 'monthly' }`). */
export type StudyRequest = Schemas['StudyRequestDto'];
export type StudyMethod = NonNullable<StudyRequest['method']>;
export type WeightBounds = Schemas['StudyWeightBoundsDto'];
export type StudyStatus = Schemas['StudySummaryDto']['status'];

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

/** The typed client's studies routes (the generated document's `/studies…` paths), under their own name. */
export const studyApi = api;
