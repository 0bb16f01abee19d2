import type { StudyMethod, StudyRequest, WeightBounds } from '../../lib/api/studies';

/** The study form as typed: text, as the inputs hold it; `studyRequestBody` turns it into POST /studies' body. */
export interface StudyForm {
  tickers: string;
  start: string;
  end: string;
  method: StudyMethod;
  candidates: string;
  seed: string;
  concentration: string;
  gridStepPercent: string;
  allowShorts: boolean;
  maxHoldings: string;
  defaultMinPercent: string;
  defaultMaxPercent: string;
  /** Per ticker (upper case), its own bounds; tickers no longer in the universe are ignored. */
  bounds: Record<string, { minPercent: string; maxPercent: string }>;
  maxDrawdownPercent: string;
  targetCagrPercent: string;
  rebalance: string;
  feePercent: string;
  rfPercent: string;
}

export const STUDY_FORM_DEFAULTS: StudyForm = {
  tickers: '',
  start: '2010-01-01',
  end: '2022-12-28',
  method: 'random',
  candidates: '10000',
  seed: '',
  concentration: '',
  gridStepPercent: '5',
  allowShorts: false,
  maxHoldings: '',
  defaultMinPercent: '',
  defaultMaxPercent: '',
  bounds: {},
  maxDrawdownPercent: '',
  targetCagrPercent: '',
  rebalance: 'none',
  feePercent: '',
  rfPercent: '',
};

/** The universe as typed: tickers separated by spaces or commas, upper case, each once, in the order typed. */
export function parseTickers(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const ticker = part.trim().toUpperCase();
    if (ticker !== '') seen.add(ticker);
  }
  return [...seen];
}

const sampled = (method: StudyMethod) => method !== 'grid';
const gridded = (method: StudyMethod) => method === 'grid' || method === 'both';
const concentrated = (method: StudyMethod) => method === 'dirichlet' || method === 'both';
export const FORM_SHOWS = { candidates: sampled, gridStep: gridded, concentration: concentrated };

/** A number typed in a field, or undefined when it is empty (the server then applies its default). */
function typedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  // Number inputs hold '' for anything that is not a number, so a NaN never reaches the body.
  return trimmed === '' ? undefined : Number(trimmed);
}

function bounds(minPercent: string, maxPercent: string): WeightBounds | undefined {
  const bound: WeightBounds = {};
  const min = typedNumber(minPercent);
  const max = typedNumber(maxPercent);
  if (min !== undefined) bound.minPercent = min;
  if (max !== undefined) bound.maxPercent = max;
  return Object.keys(bound).length > 0 ? bound : undefined;
}

/**
 * POST /studies' body from the form: empty fields are left out (the server's defaults apply), fields the method
 * does not use are left out (candidates for a grid, the step for random draws, the concentration for uniform
 * ones), options are written as in a command (`fee: '0.1%'`, `rebalance: 'monthly'`; `none` is the default).
 */
export function studyRequestBody(form: StudyForm): StudyRequest {
  const tickers = parseTickers(form.tickers);
  const body: StudyRequest = { tickers, start: form.start, end: form.end, method: form.method };
  const candidates = typedNumber(form.candidates);
  if (FORM_SHOWS.candidates(form.method) && candidates !== undefined) body.candidates = candidates;
  const seed = typedNumber(form.seed);
  if (seed !== undefined) body.seed = seed;
  const step = typedNumber(form.gridStepPercent);
  if (FORM_SHOWS.gridStep(form.method) && step !== undefined) body.gridStepPercent = step;
  const concentration = typedNumber(form.concentration);
  if (FORM_SHOWS.concentration(form.method) && concentration !== undefined) body.concentration = concentration;

  const constraints: NonNullable<StudyRequest['constraints']> = {};
  if (form.allowShorts) constraints.allowShorts = true;
  const maxHoldings = typedNumber(form.maxHoldings);
  if (maxHoldings !== undefined) constraints.maxHoldings = maxHoldings;
  const defaultBounds = bounds(form.defaultMinPercent, form.defaultMaxPercent);
  if (defaultBounds) constraints.defaultBounds = defaultBounds;
  const perTicker: Record<string, WeightBounds> = {};
  for (const ticker of tickers) {
    const typed = form.bounds[ticker];
    const bound = typed && bounds(typed.minPercent, typed.maxPercent);
    if (bound) perTicker[ticker] = bound;
  }
  if (Object.keys(perTicker).length > 0) constraints.bounds = perTicker;
  if (Object.keys(constraints).length > 0) body.constraints = constraints;

  const objectives: NonNullable<StudyRequest['objectives']> = {};
  const maxDrawdown = typedNumber(form.maxDrawdownPercent);
  if (maxDrawdown !== undefined) objectives.maxDrawdownPercent = maxDrawdown;
  const targetCagr = typedNumber(form.targetCagrPercent);
  if (targetCagr !== undefined) objectives.targetCagrPercent = targetCagr;
  if (Object.keys(objectives).length > 0) body.objectives = objectives;

  const options: NonNullable<StudyRequest['options']> = {};
  if (form.rebalance !== 'none') options.rebalance = form.rebalance;
  if (form.feePercent.trim() !== '') options.fee = `${form.feePercent.trim()}%`;
  if (form.rfPercent.trim() !== '') options.rf = `${form.rfPercent.trim()}%`;
  if (Object.keys(options).length > 0) body.options = options;
  return body;
}

/** Where a problem of the 422 details is shown: a form field's key, `bounds.<TICKER>.min|max`, or `form`. */
export function formFieldOf(apiField: string): string {
  const parts = apiField.split('.');
  const [head, second, third, fourth] = parts;
  switch (head) {
    case 'tickers':
    case 'start':
    case 'end':
    case 'method':
    case 'candidates':
    case 'seed':
    case 'concentration':
    case 'gridStepPercent':
      return head;
    case 'constraints':
      if (second === 'allowShorts' || second === 'maxHoldings') return second;
      if (second === 'defaultBounds') return third === 'maxPercent' ? 'defaultMaxPercent' : 'defaultMinPercent';
      if (second === 'bounds' && third)
        return `bounds.${third.toUpperCase()}.${fourth === 'maxPercent' ? 'max' : 'min'}`;
      return 'form';
    case 'objectives':
      return second === 'maxDrawdownPercent' || second === 'targetCagrPercent' ? second : 'form';
    case 'options':
      if (second === 'rebalance') return 'rebalance';
      if (second === 'fee') return 'feePercent';
      if (second === 'rf') return 'rfPercent';
      return 'form';
    default:
      return 'form';
  }
}

export interface FieldProblem {
  field: string;
  code?: string;
  message: string;
}

const isFieldProblem = (detail: unknown): detail is FieldProblem =>
  typeof detail === 'object' &&
  detail !== null &&
  typeof (detail as { field?: unknown }).field === 'string' &&
  typeof (detail as { message?: unknown }).message === 'string';

/** The 422 details grouped by the form field that shows them (several problems of one field joined). */
export function fieldErrors(details: readonly unknown[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const detail of details) {
    if (!isFieldProblem(detail)) continue;
    const key = formFieldOf(detail.field);
    (errors[key] ??= []).push(detail.message);
  }
  return errors;
}
