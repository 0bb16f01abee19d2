import { CONTRIBUTION_PERIODS, REBALANCE_VALUES } from '@engine/command/command.parser';
import styles from './workspace.module.css';

/** The grammar in a few lines, folded away until asked for. */
export function SyntaxHelp({ id }: { id?: string }) {
  return (
    <details className={styles.help} id={id}>
      <summary>Syntax help</summary>
      <dl className={styles.grammar}>
        <dt>Positions</dt>
        <dd>
          <code>TICKER-SIDE-WEIGHT%</code>: side <code>L</code> (long) or <code>S</code> (short), e.g.{' '}
          <code>AAPL-L-50%</code>. Weights, long and short alike, add up to 100%; <code>CASH-L-20%</code> keeps cash.
        </dd>
        <dt>Dates</dt>
        <dd>
          Start and end, <code>YYYY-MM-DD</code>, e.g. <code>2020-01-01 2022-12-28</code>.
        </dd>
        <dt>Options</dt>
        <dd>
          <ul className={styles.options}>
            <li>
              <code>rebalance=</code>
              {REBALANCE_VALUES.join(', ')} or <code>band:5%</code>
            </li>
            <li>
              <code>fee=0.1%</code> on traded value
            </li>
            <li>
              <code>rf=2%</code> risk-free rate for Sharpe and Sortino
            </li>
            <li>
              <code>benchmark=^GSPC</code> to compare with
            </li>
            <li>
              <code>capital=100000</code> invested at the start
            </li>
            <li>
              <code>contribute=1000/month</code> added every {CONTRIBUTION_PERIODS.join(', ')} (negative withdraws)
            </li>
          </ul>
        </dd>
        <dt>Keys</dt>
        <dd>
          <kbd>Enter</kbd> runs the backtest, <kbd>Ctrl</kbd>+<kbd>Space</kbd> suggests, <kbd>Tab</kbd> leaves the
          field.
        </dd>
      </dl>
    </details>
  );
}
