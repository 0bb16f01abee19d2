'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage, unwrap } from '../../lib/api/client';
import { studyApi, type StudyResult } from '../../lib/api/studies';
import { formatInteger } from '../../lib/format/numbers';
import { BestPortfoliosTable } from './best-portfolios-table';
import { decodeScatter } from './scatter-data';
import { StudyScatter } from './study-scatter';

/** A completed study: the scatter of every candidate (fetched apart, as typed arrays) and the best portfolios. */
export default function StudyResults({ id, result }: { id: string; result: StudyResult }) {
  const scatterHeading = useId();
  const bestHeading = useId();
  const scatter = useQuery({
    queryKey: ['study-scatter', id],
    queryFn: async ({ signal }) =>
      decodeScatter(unwrap(await studyApi.GET('/studies/{id}/scatter', { params: { path: { id } }, signal }))),
    staleTime: Infinity,
  });
  return (
    <>
      <section className="card" aria-labelledby={scatterHeading}>
        <h2 id={scatterHeading}>Risk and return</h2>
        <p className="muted">
          {formatInteger(result.valid)} valid candidates, {result.firstDate} to {result.lastDate} (
          {formatInteger(result.days)} trading days). Hover a point for its figures.
        </p>
        {scatter.isPending && <p role="status">Loading the candidates…</p>}
        {scatter.isError && (
          <p className="error-box" role="alert">
            The candidates could not be loaded: {errorMessage(scatter.error)}
          </p>
        )}
        {scatter.data && <StudyScatter points={scatter.data} result={result} />}
      </section>
      <section className="card" aria-labelledby={bestHeading}>
        <h2 id={bestHeading}>Best portfolios</h2>
        <BestPortfoliosTable result={result} />
      </section>
    </>
  );
}
