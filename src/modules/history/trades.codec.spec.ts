import { deflateRawSync } from 'node:zlib';
import type { TradeRow } from './history.types';
import { decodeTrades, encodeTrades } from './trades.codec';

const trade = (
  date: string,
  ticker: string,
  shares: number,
  price: number,
  fee: number,
  reason: TradeRow['reason'] = 'rebalance',
): TradeRow => ({
  date,
  ticker,
  shares,
  price,
  value: shares * price,
  fee,
  reason,
});

describe('trades codec', () => {
  const trades: TradeRow[] = [
    trade('2015-01-02', 'AAPL', 451.1231231231231, 110.38000106811523, 0.0498, 'initial'),
    trade('2015-01-02', 'KO', -470.00000000000006, 42.54, 0, 'initial'),
    trade('2015-02-02', 'BRK-B', 1e-9, 151.2, 1e-300, 'withdrawal'),
    trade('1970-01-01', '^GSPC', -0, 0.1 + 0.2, Number.MIN_VALUE, 'depletion'),
  ];

  it('round-trips every trade bit for bit, value recomputed as shares × price', () => {
    const decoded = decodeTrades(encodeTrades(trades));
    expect(decoded).toEqual(trades);
    decoded.forEach((row, i) => {
      expect(Object.is(row.shares, trades[i].shares)).toBe(true);
      expect(Object.is(row.value, trades[i].value)).toBe(true);
    });
  });

  it('stores about 31 bytes a trade, and an empty list too', () => {
    expect(encodeTrades(trades).length).toBeLessThan(12 + 40 + trades.length * 31 + 1);
    expect(decodeTrades(encodeTrades([]))).toEqual([]);
  });

  it('still reads trades stored before the binary format (deflated JSON), with no reason', () => {
    const written = trades.slice(0, 3).map(({ reason: _reason, ...row }) => row); // JSON has no -0
    const old = deflateRawSync(Buffer.from(JSON.stringify(written), 'utf8'), { level: 1 });
    expect(decodeTrades(old)).toEqual(written.map((row) => ({ ...row, reason: null })));
  });

  it('still reads trades stored before reasons ("PFT1"), with no reason', () => {
    const current = encodeTrades(trades);
    const tickersLength = current.readUInt32LE(8);
    const rows = current.subarray(12 + tickersLength);
    const old = Buffer.concat([
      Buffer.from('PFT1', 'latin1'),
      current.subarray(4, 12 + tickersLength),
      ...trades.map((_, k) => rows.subarray(k * 31, k * 31 + 30)),
    ]);
    expect(decodeTrades(old)).toEqual(trades.map((row) => ({ ...row, reason: null })));
  });
});
