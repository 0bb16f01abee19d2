'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, unwrap } from '../../lib/api/client';
import { studyApi, type StudyMethod } from '../../lib/api/studies';
import {
  FORM_SHOWS,
  fieldErrors,
  parseTickers,
  STUDY_FORM_DEFAULTS,
  studyRequestBody,
  type StudyForm as Form,
} from './study-form-data';
import styles from './study.module.css';

const METHODS: { value: StudyMethod; label: string }[] = [
  { value: 'random', label: 'Random (uniform over all portfolios)' },
  { value: 'dirichlet', label: 'Dirichlet (with a concentration)' },
  { value: 'grid', label: 'Grid (every portfolio on a weight step)' },
  { value: 'both', label: 'Grid and random' },
];

const REBALANCING = ['none', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;

type Errors = Record<string, string[]>;

/** A labelled input with its server-side problems under it (linked by aria-describedby, marked aria-invalid). */
function Field({
  label,
  errors,
  children,
  hint,
}: {
  label: string;
  errors: string[] | undefined;
  hint?: string;
  children: (attributes: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const errorId = useId();
  const hintId = useId();
  const describedBy = [hint ? hintId : null, errors ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <label>
        <span>{label}</span>
        {children({
          ...(errors ? { 'aria-invalid': true as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
      </label>
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
      {errors && (
        <small id={errorId} className={styles.fieldError}>
          {errors.join(' ')}
        </small>
      )}
    </div>
  );
}

/** "New study": the universe, the period, how to search, the constraints, the objectives and the options. */
export function StudyForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [form, setForm] = useState<Form>(STUDY_FORM_DEFAULTS);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const tickers = parseTickers(form.tickers);

  const text = (field: keyof Form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const bound = (ticker: string, side: 'minPercent' | 'maxPercent') => (event: { target: { value: string } }) =>
    setForm((current) => ({
      ...current,
      bounds: {
        ...current.bounds,
        [ticker]: { ...(current.bounds[ticker] ?? { minPercent: '', maxPercent: '' }), [side]: event.target.value },
      },
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setErrors({});
    setFailure(null);
    try {
      const accepted = unwrap(await studyApi.POST('/studies', { body: studyRequestBody(form) }));
      void queryClient.invalidateQueries({ queryKey: ['studies'] });
      router.push(`/studies/${accepted.studyId}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.length > 0) {
        const byField = fieldErrors(caught.details);
        setErrors(byField);
        setFailure(byField.form ? `${caught.message} ${byField.form.join(' ')}` : caught.message);
      } else setFailure(`The study could not be started: ${errorMessage(caught)}`);
      setSubmitting(false);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>New study</h2>
      <p className="muted">
        Backtests thousands of weightings of a universe on daily prices and keeps the best per objective and the
        efficient frontier.
      </p>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <div className={styles.wide}>
          <Field label="Tickers" errors={errors.tickers} hint="2 to 50, separated by spaces or commas">
            {(attributes) => (
              <input
                value={form.tickers}
                onChange={text('tickers')}
                placeholder="AAPL MSFT KO XOM"
                autoCapitalize="characters"
                spellCheck={false}
                {...attributes}
              />
            )}
          </Field>
          {tickers.length > 0 && (
            <ul className={styles.chips} aria-label="Universe">
              {tickers.map((ticker) => (
                <li key={ticker}>{ticker}</li>
              ))}
            </ul>
          )}
        </div>
        <Field label="Start" errors={errors.start}>
          {(attributes) => <input type="date" value={form.start} onChange={text('start')} {...attributes} />}
        </Field>
        <Field label="End" errors={errors.end}>
          {(attributes) => <input type="date" value={form.end} onChange={text('end')} {...attributes} />}
        </Field>
        <Field label="Method" errors={errors.method}>
          {(attributes) => (
            <select value={form.method} onChange={text('method')} {...attributes}>
              {METHODS.map((method) => (
                <option key={method.value} value={method.value}>
                  {method.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {FORM_SHOWS.candidates(form.method) && (
          <Field label="Candidates" errors={errors.candidates}>
            {(attributes) => (
              <input
                type="number"
                min={1}
                max={1000000}
                value={form.candidates}
                onChange={text('candidates')}
                {...attributes}
              />
            )}
          </Field>
        )}
        {FORM_SHOWS.gridStep(form.method) && (
          <Field label="Grid step (%)" errors={errors.gridStepPercent}>
            {(attributes) => (
              <input
                type="number"
                min={0.01}
                max={100}
                step="any"
                value={form.gridStepPercent}
                onChange={text('gridStepPercent')}
                {...attributes}
              />
            )}
          </Field>
        )}
        {FORM_SHOWS.concentration(form.method) && (
          <Field label="Concentration" errors={errors.concentration} hint="1 is uniform; below 1 fewer holdings">
            {(attributes) => (
              <input
                type="number"
                min={0.01}
                max={1000}
                step="any"
                value={form.concentration}
                onChange={text('concentration')}
                placeholder="1"
                {...attributes}
              />
            )}
          </Field>
        )}
        <Field label="Seed (optional)" errors={errors.seed}>
          {(attributes) => (
            <input
              type="number"
              min={0}
              max={4294967295}
              value={form.seed}
              onChange={text('seed')}
              placeholder="0"
              {...attributes}
            />
          )}
        </Field>

        <fieldset className={styles.group}>
          <legend>Constraints</legend>
          <div className={styles.field}>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={form.allowShorts}
                onChange={(event) => setForm((current) => ({ ...current, allowShorts: event.target.checked }))}
              />
              <span>Allow shorts</span>
            </label>
            {errors.allowShorts && <small className={styles.fieldError}>{errors.allowShorts.join(' ')}</small>}
          </div>
          <Field label="Max holdings" errors={errors.maxHoldings}>
            {(attributes) => (
              <input
                type="number"
                min={1}
                max={50}
                value={form.maxHoldings}
                onChange={text('maxHoldings')}
                placeholder="no limit"
                {...attributes}
              />
            )}
          </Field>
          <Field label="Min weight (%)" errors={errors.defaultMinPercent}>
            {(attributes) => (
              <input
                type="number"
                step="any"
                value={form.defaultMinPercent}
                onChange={text('defaultMinPercent')}
                placeholder={form.allowShorts ? '-100' : '0'}
                {...attributes}
              />
            )}
          </Field>
          <Field label="Max weight (%)" errors={errors.defaultMaxPercent}>
            {(attributes) => (
              <input
                type="number"
                step="any"
                value={form.defaultMaxPercent}
                onChange={text('defaultMaxPercent')}
                placeholder="100"
                {...attributes}
              />
            )}
          </Field>
          {tickers.length > 0 && (
            <details className={styles.wide}>
              <summary>Bounds per ticker</summary>
              <table className={styles.boundsTable}>
                <thead>
                  <tr>
                    <th scope="col">Ticker</th>
                    <th scope="col">Min (%)</th>
                    <th scope="col">Max (%)</th>
                  </tr>
                </thead>
                <tbody>
                  {tickers.map((ticker) => (
                    <tr key={ticker}>
                      <th scope="row">{ticker}</th>
                      {(['min', 'max'] as const).map((side) => {
                        const problems = errors[`bounds.${ticker}.${side}`];
                        return (
                          <td key={side}>
                            <input
                              type="number"
                              step="any"
                              aria-label={`${ticker} ${side === 'min' ? 'minimum' : 'maximum'} weight (%)`}
                              value={form.bounds[ticker]?.[`${side}Percent`] ?? ''}
                              onChange={bound(ticker, `${side}Percent`)}
                              aria-invalid={problems ? true : undefined}
                            />
                            {problems && <small className={styles.fieldError}>{problems.join(' ')}</small>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </fieldset>

        <fieldset className={styles.group}>
          <legend>Objectives</legend>
          <Field label="Drawdown limit (%)" errors={errors.maxDrawdownPercent} hint="for the highest CAGR">
            {(attributes) => (
              <input
                type="number"
                min={0}
                max={100}
                step="any"
                value={form.maxDrawdownPercent}
                onChange={text('maxDrawdownPercent')}
                placeholder="none"
                {...attributes}
              />
            )}
          </Field>
          <Field label="Target CAGR (%)" errors={errors.targetCagrPercent} hint="for the shallowest drawdown">
            {(attributes) => (
              <input
                type="number"
                step="any"
                value={form.targetCagrPercent}
                onChange={text('targetCagrPercent')}
                placeholder="none"
                {...attributes}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>Options</legend>
          <Field label="Rebalancing" errors={errors.rebalance}>
            {(attributes) => (
              <select value={form.rebalance} onChange={text('rebalance')} {...attributes}>
                {REBALANCING.map((rule) => (
                  <option key={rule} value={rule}>
                    {rule === 'none' ? 'none (buy and hold)' : rule}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Fee (%)" errors={errors.feePercent}>
            {(attributes) => (
              <input
                type="number"
                min={0}
                max={10}
                step="any"
                value={form.feePercent}
                onChange={text('feePercent')}
                placeholder="0"
                {...attributes}
              />
            )}
          </Field>
          <Field label="Risk-free rate (%)" errors={errors.rfPercent}>
            {(attributes) => (
              <input
                type="number"
                min={0}
                max={50}
                step="any"
                value={form.rfPercent}
                onChange={text('rfPercent')}
                placeholder="0"
                {...attributes}
              />
            )}
          </Field>
        </fieldset>

        {failure && (
          <p className={`error-box ${styles.wide}`} role="alert">
            {failure}
          </p>
        )}
        <div className={styles.wide}>
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? 'Starting…' : 'Start study'}
          </button>
        </div>
      </form>
    </section>
  );
}
