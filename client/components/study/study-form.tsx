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

/** The form's text fields (a number input's value is text until the request is built). */
type TextField = { [Key in keyof Form]: Form[Key] extends string ? Key : never }[keyof Form];

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

/** A number input in a Field; `step="any"` for decimals (the browser's default step allows whole numbers only). */
function NumberField({
  label,
  hint,
  errors,
  value,
  onChange,
  ...input
}: {
  label: string;
  hint?: string;
  errors: string[] | undefined;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  min?: number;
  max?: number;
  step?: 'any';
  placeholder?: string;
}) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(attributes) => <input type="number" value={value} onChange={onChange} {...input} {...attributes} />}
    </Field>
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
  /** The value, change handler and problems of a number field (its form key is its request field). */
  const numberField = (field: TextField) => ({ value: form[field], onChange: text(field), errors: errors[field] });
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
          <NumberField label="Candidates" {...numberField('candidates')} min={1} max={1000000} />
        )}
        {FORM_SHOWS.gridStep(form.method) && (
          <NumberField label="Grid step (%)" {...numberField('gridStepPercent')} min={0.01} max={100} step="any" />
        )}
        {FORM_SHOWS.concentration(form.method) && (
          <NumberField
            label="Concentration"
            hint="1 is uniform; below 1 fewer holdings"
            {...numberField('concentration')}
            min={0.01}
            max={1000}
            step="any"
            placeholder="1"
          />
        )}
        <NumberField label="Seed (optional)" {...numberField('seed')} min={0} max={4294967295} placeholder="0" />

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
          <NumberField label="Max holdings" {...numberField('maxHoldings')} min={1} max={50} placeholder="no limit" />
          <NumberField
            label="Min weight (%)"
            {...numberField('defaultMinPercent')}
            step="any"
            placeholder={form.allowShorts ? '-100' : '0'}
          />
          <NumberField label="Max weight (%)" {...numberField('defaultMaxPercent')} step="any" placeholder="100" />
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
          <NumberField
            label="Drawdown limit (%)"
            hint="for the highest CAGR"
            {...numberField('maxDrawdownPercent')}
            min={0}
            max={100}
            step="any"
            placeholder="none"
          />
          <NumberField
            label="Target CAGR (%)"
            hint="for the shallowest drawdown"
            {...numberField('targetCagrPercent')}
            step="any"
            placeholder="none"
          />
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
          <NumberField label="Fee (%)" {...numberField('feePercent')} min={0} max={10} step="any" placeholder="0" />
          <NumberField
            label="Risk-free rate (%)"
            {...numberField('rfPercent')}
            min={0}
            max={50}
            step="any"
            placeholder="0"
          />
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
