'use client';

import { useEffect, useState } from 'react';

interface DependencyEntry {
  status: 'up' | 'down';
  kind?: string;
  detail?: string;
}

interface HealthReport {
  status: 'ok' | 'error';
  details: Record<string, DependencyEntry>;
}

/** How each kind the server reports is named for people. */
const KIND_NAMES: Record<string, string> = {
  sqlite: 'SQLite (embedded)',
  postgres: 'PostgreSQL',
  redis: 'Redis (Bull)',
  kafka: 'Kafka',
  'in-process': 'in-process',
};

export const kindName = (kind: string | undefined): string => (kind === undefined ? '' : (KIND_NAMES[kind] ?? kind));

type LoadState = { kind: 'loading' } | { kind: 'loaded'; report: HealthReport } | { kind: 'failed'; reason: string };

/** The server's readiness, dependency by dependency, refreshed every 10 seconds. */
export function ServiceStatus() {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const response = await fetch('/health', { headers: { accept: 'application/json' } });
        const report = (await response.json()) as HealthReport;
        if (!cancelled) setState({ kind: 'loaded', report });
      } catch (error) {
        if (!cancelled) setState({ kind: 'failed', reason: (error as Error).message });
      }
    };
    void load();
    const timer = setInterval(load, 10_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  if (state.kind === 'loading') return <p className="muted">Checking the server…</p>;
  if (state.kind === 'failed') return <p className="state-down">The server did not answer: {state.reason}</p>;
  return (
    <table aria-label="Service dependencies">
      <thead>
        <tr>
          <th scope="col">Dependency</th>
          <th scope="col">Backed by</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(state.report.details).map(([name, entry]) => (
          <tr key={name}>
            <td>{name}</td>
            <td>{kindName(entry.kind)}</td>
            <td className={entry.status === 'up' ? 'state-up' : 'state-down'}>
              {entry.status}
              {entry.detail ? ` — ${entry.detail}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
