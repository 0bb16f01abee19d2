/** How the dashboard writes numbers. Ratios arrive as fractions (0.1234 = 12.34%); null/NaN read as "—". */
const DASH = '—';

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function formatPercent(value: number | null | undefined, digits = 2): string {
  return finite(value) ? `${(value * 100).toFixed(digits)}%`.replace('-', '−') : DASH;
}

/** Signed percent, for returns: +3.10% / −2.00%. */
export function formatSignedPercent(value: number | null | undefined, digits = 2): string {
  if (!finite(value)) return DASH;
  const text = `${Math.abs(value * 100).toFixed(digits)}%`;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

export function formatRatio(value: number | null | undefined, digits = 2): string {
  return finite(value) ? value.toFixed(digits).replace('-', '−') : DASH;
}

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export function formatMoney(value: number | null | undefined): string {
  return finite(value) ? money.format(value) : DASH;
}

export function formatInteger(value: number | null | undefined): string {
  return finite(value) ? money.format(Math.round(value)) : DASH;
}

/** CSS class for a value's sign (gain/loss colours), empty for zero or missing. */
export function signClass(value: number | null | undefined): string {
  return !finite(value) || value === 0 ? '' : value > 0 ? 'gain' : 'loss';
}

let dateTime: Intl.DateTimeFormat | null = null;

/** A server timestamp in the person's locale, e.g. "24 Nov 2026, 09:15". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  // One formatter for every call (toLocaleString builds one each time: a list of them cost milliseconds).
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(date);
}
