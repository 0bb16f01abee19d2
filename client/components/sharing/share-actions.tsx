'use client';

import { useState } from 'react';
import { errorMessage } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format/numbers';
import styles from './sharing.module.css';
import { absoluteShareUrl, copyText } from './copy-text';
import { type ShareSubject, useShareLinks } from './use-share-links';

/**
 * The owner's sharing on a results page: "Copy link" creates a read-only link and copies it, "Copy command" copies
 * the command, and "Shared links" lists the active links with a way to revoke each.
 */
export function ShareActions({
  simulationId,
  command,
  shareable,
}: {
  simulationId: string;
  command: string;
  shareable: boolean;
}) {
  return (
    <SubjectShareActions subject={{ kind: 'simulation', id: simulationId }} command={command} shareable={shareable} />
  );
}

const SUBJECT_WORDS: Record<ShareSubject['kind'], { result: string; deleting: string; commandCopied: string }> = {
  simulation: { result: 'this result', deleting: 'deleting the simulation', commandCopied: 'Command copied.' },
  comparison: {
    result: 'this comparison',
    deleting: 'deleting the comparison',
    commandCopied: 'Commands copied, one per line.',
  },
};

/** The share panel of a simulation's results page or of a comparison's page (`command`: one line per member). */
export function SubjectShareActions({
  subject,
  command,
  shareable,
}: {
  subject: ShareSubject;
  command: string;
  shareable: boolean;
}) {
  const [listing, setListing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const { links, create, revoke } = useShareLinks(subject, listing);
  const words = SUBJECT_WORDS[subject.kind];

  const copyLink = async () => {
    setNotice(null);
    const created = await create.mutateAsync().catch(() => null);
    if (!created) return;
    const url = absoluteShareUrl(created.url);
    setCreatedUrl(url);
    setNotice((await copyText(url)) ? `Link copied: anyone with it can see ${words.result}.` : 'Copy the link below.');
  };
  const copyCommand = async () => {
    setNotice((await copyText(command)) ? words.commandCopied : 'The command could not be copied.');
  };

  return (
    <div className={styles.share}>
      <div className={styles.buttons}>
        {shareable && (
          <button
            type="button"
            className="button secondary"
            onClick={() => void copyLink()}
            disabled={create.isPending}
          >
            {create.isPending ? 'Creating link…' : 'Copy link'}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => void copyCommand()}>
          Copy command
        </button>
        {shareable && (
          <button
            type="button"
            className="button secondary"
            aria-expanded={listing}
            aria-controls={`share-links-${subject.id}`}
            onClick={() => setListing((open) => !open)}
          >
            Shared links
          </button>
        )}
      </div>
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      {createdUrl && (
        <label className={styles.createdLink}>
          <span>Share link</span>
          <input type="text" readOnly value={createdUrl} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
      {create.error && (
        <p className="error-box" role="alert">
          The link could not be created: {errorMessage(create.error)}
        </p>
      )}
      {listing && (
        <section id={`share-links-${subject.id}`} className={styles.links} aria-label="Shared links">
          {links.isPending && <p className="muted">Loading the links…</p>}
          {links.error && <p className="error-box">The links could not be loaded: {errorMessage(links.error)}</p>}
          {links.data && links.data.length === 0 && (
            <p className="muted">No active link: nobody else can see {words.result}.</p>
          )}
          {links.data && links.data.length > 0 && (
            <ul>
              {links.data.map((link) => (
                <li key={link.id}>
                  <span>
                    Link ending in <code>…{link.tokenHint}</code>, created {formatDateTime(link.createdAt)}
                  </span>
                  <button
                    type="button"
                    className="button danger"
                    onClick={() => revoke.mutate(link.id)}
                    disabled={revoke.isPending}
                    aria-label={`Revoke the link ending in ${link.tokenHint}`}
                  >
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          )}
          {revoke.error && (
            <p className="error-box" role="alert">
              The link could not be revoked: {errorMessage(revoke.error)}
            </p>
          )}
          <p className="muted">
            A link shows {words.result}, its charts and its workbook to anyone who has it, without signing in; nothing
            else of yours. Revoking it, or {words.deleting}, ends it.
          </p>
        </section>
      )}
    </div>
  );
}
