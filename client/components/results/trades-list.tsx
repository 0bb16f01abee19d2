'use client';

import { useState } from 'react';
import type { Schemas } from '../../lib/api/client';
import { formatInteger, formatMoney } from '../../lib/format/numbers';
import styles from './results.module.css';

type Trade = Schemas['TradeDto'];

/** Beyond this the list is a download's job (the XLSX report has every trade). */
export const SHOWN_TRADES = 200;

const shares = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The run's trades (the first SHOWN_TRADES of `total`), folded away; rows are built when someone opens it. */
export function TradesList({ trades, total }: { trades: readonly Trade[]; total: number }) {
  const [open, setOpen] = useState(false);
  const shown = trades.slice(0, open ? SHOWN_TRADES : 0);
  const count = formatInteger(total);
  return (
    <details className={styles.details} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Trades <span className="muted">({count})</span>
      </summary>
      {open && total === 0 && <p className="muted">No trades.</p>}
      {open && trades.length > 0 && (
        <div className={styles.tableScroll}>
          <table className={styles.tradesTable}>
            <caption>
              {total > shown.length
                ? `The first ${formatInteger(shown.length)} of ${count} trades (the XLSX report has them all)`
                : `All ${count} trades`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Ticker</th>
                <th scope="col">Side</th>
                <th scope="col" className={styles.number}>
                  Shares
                </th>
                <th scope="col" className={styles.number}>
                  Price
                </th>
                <th scope="col" className={styles.number}>
                  Value
                </th>
                <th scope="col" className={styles.number}>
                  Fee
                </th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((trade, index) => (
                <tr key={`${trade.date}-${trade.ticker}-${index}`}>
                  <td>
                    <time dateTime={trade.date}>{trade.date}</time>
                  </td>
                  <th scope="row">{trade.ticker}</th>
                  <td>{trade.shares >= 0 ? 'Buy' : 'Sell'}</td>
                  <td className={styles.number}>{shares.format(Math.abs(trade.shares))}</td>
                  <td className={styles.number}>{price.format(trade.price)}</td>
                  <td className={styles.number}>{formatMoney(Math.abs(trade.value))}</td>
                  <td className={styles.number}>{price.format(trade.fee)}</td>
                  <td>{trade.reason ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
