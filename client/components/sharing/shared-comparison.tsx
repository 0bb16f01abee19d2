'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { Schemas } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format/numbers';
import { memberCommands } from '../comparison/comparison-actions';
import { ComparisonResultSections } from '../comparison/comparison-view';
import comparison from '../comparison/comparison.module.css';
import { copyText } from './copy-text';
import { SharedDownload } from './shared-download';
import sharing from './sharing.module.css';

type SharedComparisonAnswer = Schemas['SharedComparisonDto'];

/** /shared/{token} for a comparison: the owner's comparison page, read-only, under the shared-snapshot notice. */
export function SharedComparison({ token, shared }: { token: string; shared: SharedComparisonAnswer }) {
  const { members } = shared.comparison;
  const names = members.map((member) => member.name).join(' vs ');
  const commands = memberCommands(members);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    document.title = `Shared: ${names} · PortoFino`;
  }, [names]);

  return (
    <main className={comparison.page}>
      <section className={sharing.snapshot} aria-label="Shared snapshot">
        <p>
          <strong>Shared snapshot.</strong> Someone shared this comparison with you on {formatDateTime(shared.sharedAt)}
          : a read-only copy of their backtests. You can look, and download its workbook; to change it, open the
          portfolios in your own workspace.
        </p>
      </section>
      <h1>{names}</h1>
      <ol aria-label="Portfolios compared">
        {members.map((member) => (
          <li key={member.name}>
            {member.name}: <code>{member.command}</code>
          </li>
        ))}
      </ol>
      <div className={sharing.buttons}>
        <SharedDownload token={token} />
        {/* Every member's command, one per line; signed out, sign-in comes first and then back to the editor. */}
        <Link className="button secondary" href={`/?command=${encodeURIComponent(commands)}`}>
          Open in my workspace
        </Link>
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            void copyText(commands).then((ok) =>
              setCopied(ok ? 'Commands copied, one per line.' : 'The commands could not be copied.'),
            )
          }
        >
          Copy commands
        </button>
        {copied && (
          <span className="muted" role="status">
            {copied}
          </span>
        )}
      </div>
      <ComparisonResultSections result={shared.comparison} />
    </main>
  );
}
