'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, errorMessage, unwrap, type Schemas } from '../../lib/api/client';
import { furtherAlong, useLiveProgress } from '../../lib/realtime/live-progress';
import { ProgressBar } from '../progress/progress-bar';
import { DownloadButton } from '../report/download-button';
import { fetchBinary, saveResponse } from '../report/save-file';
import { FanChart } from './fan-chart';
import { projectionSentences } from './projection-words';
import styles from './projection.module.css';

type Projection = Schemas['ProjectionDto'];
type Outputs = Schemas['ProjectionOutputsDto'];

/** If the socket is quiet (a proxy without WebSockets), the projection's state is read this often instead. */
const POLL_MS = 2_000;

interface Form {
  paths: string;
  years: string;
  method: 'block' | 'monthly';
  blockMonths: string;
  seed: string;
}

const DEFAULTS: Form = { paths: '10000', years: '30', method: 'block', blockMonths: '12', seed: '' };

/** The request body of the form (seed omitted when empty: the server picks one and stores it). */
export function projectionBody(form: Form) {
  return {
    paths: Number(form.paths),
    years: Number(form.years),
    method: form.method,
    // Ignored for single months.
    blockMonths: Number(form.blockMonths),
    inflationRate: 0,
    ...(form.seed.trim() === '' ? {} : { seed: Number(form.seed) }),
  };
}

/**
 * "Project forward": a Monte Carlo projection of this completed simulation (POST /history/{id}/projections),
 * followed live on /projections (and polled), then a fan chart of the percentile bands and the odds in words.
 */
export function ProjectForwardPanel({ simulationId }: { simulationId: string }) {
  const headingId = useId();
  const [form, setForm] = useState<Form>(DEFAULTS);
  const [projectionId, setProjectionId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const live = useLiveProgress('projection', projectionId);
  const polled = useQuery({
    queryKey: ['projection', projectionId],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/projections/{id}', { params: { path: { id: projectionId ?? '' } }, signal })),
    enabled: projectionId !== null,
    refetchInterval: (query) =>
      query.state.data?.status === 'completed' || query.state.data?.status === 'failed' ? false : POLL_MS,
  });
  const projection: Projection | undefined = polled.data;
  const liveDone = live?.status === 'completed' || live?.status === 'failed';
  if (liveDone && projection && projection.status !== live?.status && !polled.isFetching) void polled.refetch();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const accepted = unwrap(
        await api.POST('/history/{id}/projections', {
          params: { path: { id: simulationId } },
          body: projectionBody(form),
        }),
      );
      setProjectionId(accepted.projectionId);
    } catch (caught) {
      setError(`The projection could not be started: ${errorMessage(caught)}`);
    } finally {
      setSubmitting(false);
    }
  };

  const stored = projection
    ? {
        status: projection.status,
        phase: projection.progress.phase,
        percent: projection.progress.percent,
        failureReason: projection.failureReason,
      }
    : null;
  const progress = stored ? furtherAlong(live, stored) : live;
  const running = projectionId !== null && projection?.status !== 'completed' && projection?.status !== 'failed';
  const set = (field: keyof Form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={headingId}>
      <h2 id={headingId}>Project forward</h2>
      <p className="muted">
        Monte Carlo: thousands of possible futures made by reshuffling this portfolio’s own monthly returns, with its
        contributions or withdrawals. A model of spread, not a forecast.
      </p>
      <form className={styles.form} onSubmit={(event) => void submit(event)}>
        <label>
          Paths
          <input type="number" min={1} max={10000} value={form.paths} onChange={set('paths')} required />
        </label>
        <label>
          Years
          <input type="number" min={1} max={50} value={form.years} onChange={set('years')} required />
        </label>
        <label>
          Resampling
          <select value={form.method} onChange={set('method')}>
            <option value="block">blocks of months (keeps streaks)</option>
            <option value="monthly">single months</option>
          </select>
        </label>
        {form.method === 'block' && (
          <label>
            Block length (months)
            <input type="number" min={1} max={120} value={form.blockMonths} onChange={set('blockMonths')} required />
          </label>
        )}
        <label>
          Seed (optional)
          <input type="number" min={0} max={4294967295} value={form.seed} onChange={set('seed')} placeholder="random" />
        </label>
        <button type="submit" className="button" disabled={submitting || running}>
          {running ? 'Projecting…' : 'Project forward'}
        </button>
      </form>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {running && progress && (
        <ProgressBar label="Projection progress" percent={progress.percent} phase={progress.phase} />
      )}
      {projection?.status === 'failed' && (
        <p className="error-box" role="alert">
          The projection failed: {projection.failureReason ?? 'no reason given'}
        </p>
      )}
      {projection?.status === 'completed' && projection.outputs && (
        <ProjectionResult outputs={projection.outputs as Outputs} projection={projection} />
      )}
    </section>
  );
}

/** Fetches the projection's workbook (GET /projections/{id}/xlsx, built on request) and saves it. */
export async function saveProjectionWorkbook(projectionId: string): Promise<string> {
  const response = await fetchBinary(`/projections/${encodeURIComponent(projectionId)}/xlsx`);
  return saveResponse(response, 'portofino-projection.xlsx');
}

function ProjectionResult({ outputs, projection }: { outputs: Outputs; projection: Projection }) {
  const flow = projection.inputs.cashFlow;
  const withdrawing = flow !== null && ((flow.amount ?? 0) < 0 || (flow.rate ?? 0) < 0);
  return (
    <div className={styles.result}>
      <FanChart percentiles={outputs.percentiles} bands={outputs.valueBands} />
      <ul className={styles.sentences} aria-label="Projection outcomes">
        {projectionSentences(outputs, withdrawing, projection.inputs.targetValue).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p className="muted">
        {outputs.paths.toLocaleString('en-US')} paths over {outputs.years} years, resampling {outputs.historyMonths}{' '}
        complete months (
        {projection.inputs.method === 'block' ? `${projection.inputs.blockMonths}-month blocks` : 'single months'}, seed{' '}
        {projection.inputs.seed}).
      </p>
      {/* "Download XLSX": the inputs, the bands with a chart, the distributions and the withdrawals. */}
      <div className={styles.download}>
        <DownloadButton
          label="Download XLSX"
          thing="workbook"
          save={() => saveProjectionWorkbook(projection.projectionId)}
        />
      </div>
    </div>
  );
}
