'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { api, errorMessage, unwrap } from '../../lib/api/client';
import { STUDY_OBJECTIVES, type StudyPortfolio, type StudyResult } from '../../lib/api/studies';
import { formatPercent, formatRatio, signClass } from '../../lib/format/numbers';
import { OBJECTIVE_LABELS, REFERENCE_LABELS } from './study-scatter';
import styles from './study.module.css';

interface Row {
  label: string;
  portfolio: StudyPortfolio | null;
  /** A best portfolio is compared with the references; a reference is one of them. */
  comparable: boolean;
  /** What an empty row says. */
  missing: string;
}

/** The portfolio's held weights, largest first: "KO 52.49% · XOM 32.61% · AAPL 14.90%". */
export function weightsInWords(tickers: readonly string[], weights: readonly number[]): string {
  return weights
    .map((weight, i) => ({ ticker: tickers[i], weight }))
    .filter(({ weight }) => weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .map(({ ticker, weight }) => `${ticker} ${formatPercent(weight)}`)
    .join(' · ');
}

/** The workspace with this command in its editor (it reads `?command=`). */
export const workspaceHref = (command: string) => `/?command=${encodeURIComponent(command)}`;

/** The comparison members for a best portfolio: it, then each reference portfolio the study has. */
export function comparisonMembers(label: string, portfolio: StudyPortfolio, result: StudyResult) {
  const members = [{ name: label, command: portfolio.command }];
  for (const [key, name] of Object.entries(REFERENCE_LABELS) as [keyof typeof REFERENCE_LABELS, string][]) {
    const reference = result.references?.[key];
    if (reference) members.push({ name, command: reference.command });
  }
  return members;
}

/**
 * The best portfolio per objective and the reference portfolios: weights and figures, each openable in the
 * workspace as an ordinary command, and a best one comparable with the references side by side.
 */
export function BestPortfoliosTable({ result }: { result: StudyResult }) {
  const router = useRouter();
  const compare = useMutation({
    mutationFn: async ({ label, portfolio }: { label: string; portfolio: StudyPortfolio }) =>
      unwrap(
        await api.POST('/comparisons', {
          body: { members: comparisonMembers(label, portfolio, result), period: 'common' },
        }),
      ),
    onSuccess: (accepted) => router.push(`/comparisons/${accepted.comparisonId}`),
  });
  const references = result.references !== null;
  const rows: Row[] = [
    ...STUDY_OBJECTIVES.map((objective) => ({
      label: OBJECTIVE_LABELS[objective],
      portfolio: result.best[objective],
      comparable: references,
      missing: 'No candidate qualifies.',
    })),
    ...(Object.entries(REFERENCE_LABELS) as [keyof typeof REFERENCE_LABELS, string][]).map(([key, label]) => ({
      label,
      portfolio: result.references?.[key] ?? null,
      comparable: false,
      missing: 'Not defined: a ticker’s price never moves over the period.',
    })),
  ];
  return (
    <>
      <div className={styles.tableWrap}>
        <table aria-label="Best portfolios">
          <thead>
            <tr>
              <th scope="col">Portfolio</th>
              <th scope="col">Weights</th>
              <th scope="col" className={styles.numeric}>
                CAGR
              </th>
              <th scope="col" className={styles.numeric}>
                Volatility
              </th>
              <th scope="col" className={styles.numeric}>
                Sharpe
              </th>
              <th scope="col" className={styles.numeric}>
                Max drawdown
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, portfolio, comparable, missing }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {portfolio ? (
                  <>
                    <td className={styles.weights}>{weightsInWords(result.tickers, portfolio.weights)}</td>
                    <td className={`${styles.numeric} ${signClass(portfolio.summary.cagr)}`}>
                      {formatPercent(portfolio.summary.cagr)}
                    </td>
                    <td className={styles.numeric}>{formatPercent(portfolio.summary.volatility)}</td>
                    <td className={styles.numeric}>{formatRatio(portfolio.summary.sharpe)}</td>
                    <td className={`${styles.numeric} ${signClass(portfolio.summary.maxDrawdown)}`}>
                      {formatPercent(portfolio.summary.maxDrawdown)}
                    </td>
                    <td>
                      <div className={styles.actions}>
                        <Link
                          className="button secondary"
                          href={workspaceHref(portfolio.command)}
                          aria-label={`Open ${label} in workspace`}
                        >
                          Open in workspace
                        </Link>
                        {comparable && (
                          <button
                            type="button"
                            className="button secondary"
                            aria-label={`Compare ${label} with the reference portfolios`}
                            disabled={compare.isPending}
                            onClick={() => compare.mutate({ label, portfolio })}
                          >
                            Compare
                          </button>
                        )}
                      </div>
                    </td>
                  </>
                ) : (
                  <td colSpan={6} className="muted">
                    {missing}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {compare.isError && (
        <p className="error-box" role="alert">
          The comparison could not be started: {errorMessage(compare.error)}
        </p>
      )}
    </>
  );
}
