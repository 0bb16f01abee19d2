/**
 * Commands accepted before leverage existed (issue 18), generated deterministically: 1–6 of the sample's stocks,
 * long and short, weights summing to 100% long and short alike (the rule of the first release) with CASH-L for
 * the rest, every rebalancing kind, fees, rf, a benchmark, contributions and withdrawals, capital. Shared by the
 * script that recorded their results on the engine before leverage and the test that compares with them.
 */
export function legacyCommands(tickers: readonly string[], dates: readonly string[], count: number): string[] {
  let seed = 20261203;
  const random = () => {
    // Park–Miller: the same sequence on every machine.
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const commands: string[] = [];
  for (let n = 0; n < count; n++) {
    const held = [...tickers].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 6));
    const raw = held.map(() => 1 + Math.floor(random() * 1000));
    const cash = random() < 0.3 ? 1 + Math.floor(random() * 300) : 0;
    const total = raw.reduce((sum, value) => sum + value, 0) + cash;
    const units = raw.map((value) => Math.floor((value * 10000) / total));
    const rest = 10000 - units.reduce((sum, unit) => sum + unit, 0);
    const positions = held.map((ticker, i) => `${ticker}-${random() < 0.25 ? 'S' : 'L'}-${units[i] / 100}%`);
    if (rest > 0) positions.push(`CASH-L-${rest / 100}%`);
    const start = Math.floor(random() * (dates.length - 300));
    const end = Math.min(dates.length - 1, start + 20 + Math.floor(random() * 3000));
    const options = [
      pick([
        '',
        'rebalance=daily',
        'rebalance=monthly',
        'rebalance=quarterly',
        'rebalance=yearly',
        'rebalance=band:5%',
      ]),
      random() < 0.3 ? `fee=${Math.floor(random() * 50) / 100}%` : '',
      random() < 0.3 ? `rf=${Math.floor(random() * 500) / 100}%` : '',
      random() < 0.3 ? 'benchmark=^GSPC' : '',
      random() < 0.2 ? `contribute=${pick([500, 1000, -300])}/${pick(['month', 'quarter', 'year'])}` : '',
      random() < 0.3 ? `capital=${1000 + Math.floor(random() * 1_000_000)}` : '',
    ].filter((option) => option !== '');
    commands.push([...positions, dates[start], dates[end], ...options].join(' '));
  }
  return commands;
}

/** FNV-1a over the bytes of a series: equal hashes for bit-identical series (a difference in one bit changes it). */
export function seriesHash(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
