/**
 * Annualised money-weighted return (XIRR): the rate r with
 * Σ −flow_k × (1 + r)^(−(day_k − day_0)/365) + finalValue × (1 + r)^(−(end − day_0)/365) = 0,
 * where flows are money put in (capital, contributions; withdrawals negative). NaN when no rate
 * in (−99.99%, 10^14 %) solves it (short horizons can make the annualised rate enormous).
 */
export function moneyWeightedReturn(
  flowDays: readonly number[],
  flowAmounts: readonly number[],
  endDay: number,
  finalValue: number,
): number {
  const origin = flowDays[0];
  const presentValue = (rate: number): number => {
    const logGrowth = Math.log1p(rate);
    let total = finalValue * Math.exp((-(endDay - origin) / 365) * logGrowth);
    for (let k = 0; k < flowDays.length; k++)
      total -= flowAmounts[k] * Math.exp((-(flowDays[k] - origin) / 365) * logGrowth);
    return total;
  };
  // Bracket the root on a log grid of 1 + r, then bisect: robust where Newton can jump away.
  let low = -0.9999;
  let high = 1e12;
  let lowValue = presentValue(low);
  const highValue = presentValue(high);
  if (!(Number.isFinite(lowValue) && Number.isFinite(highValue))) return Number.NaN;
  if (Math.sign(lowValue) === Math.sign(highValue)) {
    // Scan for a sign change (the function need not be monotonic with withdrawals).
    let previous = low;
    let previousValue = lowValue;
    let found = false;
    for (let step = 1; step <= 400 && !found; step++) {
      const rate = Math.exp(Math.log(1 + low) + ((Math.log(1 + high) - Math.log(1 + low)) * step) / 400) - 1;
      const value = presentValue(rate);
      if (Math.sign(value) !== Math.sign(previousValue)) {
        low = previous;
        high = rate;
        lowValue = previousValue;
        found = true;
      }
      previous = rate;
      previousValue = value;
    }
    if (!found) return Number.NaN;
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (low + high) / 2;
    const value = presentValue(middle);
    if (value === 0 || high - low < 1e-15 * Math.max(1, Math.abs(middle))) return middle;
    if (Math.sign(value) === Math.sign(lowValue)) {
      low = middle;
      lowValue = value;
    } else {
      high = middle;
    }
  }
  return (low + high) / 2;
}
