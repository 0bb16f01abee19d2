import { isWarning, sentence, type CommandIssue } from './command-diagnostics';
import styles from './command-errors.module.css';

export interface CommandErrorsProps {
  errors: readonly CommandIssue[];
  id?: string;
}

/**
 * The parser's errors in words, each with its hint, and warnings about tickers no source can price (which do not
 * stop a run). The alert region stays in the page while empty so that
 * screen readers announce errors as they appear.
 */
export function CommandErrors({ errors, id }: CommandErrorsProps) {
  return (
    <div id={id} role="alert" aria-label="Command errors" className={styles.errors}>
      {errors.length > 0 && (
        <ul className={styles.list}>
          {errors.map((error, index) => (
            <li
              key={`${error.code}-${error.column}-${index}`}
              className={isWarning(error) ? `${styles.item} ${styles.warning}` : styles.item}
              data-severity={isWarning(error) ? 'warning' : 'error'}
            >
              <span className={styles.message}>{messageOf(error)}</span>
              <span className={styles.hint}>{sentence(error.hint)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message as a sentence, unless it starts with the token as written ("aapl-x-50%: side must be …"). */
function messageOf(error: CommandIssue): string {
  return error.token !== '' && error.message.startsWith(error.token) ? error.message : sentence(error.message);
}
