/**
 * Line charts as inline SVG for the tearsheet: no script, no font, no external reference, so the file draws the
 * same offline, in any browser and on paper. Long series are reduced to each pixel column's first, lowest,
 * highest and last point, which keeps every peak and trough a reader could see.
 */

export type ValueFormat = 'money' | 'percent' | 'ratio';

export interface SvgLine {
  name: string;
  /** One value per x; null or NaN is a gap. */
  values: ArrayLike<number | null>;
  colour: string;
  /** Filled down (or up) to zero: a drawdown. */
  area?: boolean;
}

export interface SvgBand {
  /** x indices, inclusive. */
  from: number;
  to: number;
  label: string;
}

export interface SvgChartSpec {
  title: string;
  /** One `YYYY-MM-DD` day per x index. */
  days: readonly string[];
  lines: SvgLine[];
  format: ValueFormat;
  /** Log scale (every value must be positive; otherwise linear). */
  log?: boolean;
  /** Shaded ranges (drawdown episodes). */
  bands?: SvgBand[];
  height?: number;
}

const WIDTH = 960;
const MARGIN = { top: 12, right: 16, bottom: 26, left: 64 };

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function formatValue(value: number, format: ValueFormat, digits = 1): string {
  if (format === 'percent') return `${(value * 100).toFixed(digits)}%`;
  if (format === 'ratio') return value.toFixed(2);
  const size = Math.abs(value);
  if (size >= 1e9) return `${(value / 1e9).toFixed(1)}B`;
  if (size >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (size >= 1e3) return `${(value / 1e3).toFixed(0)}k`;
  return value.toFixed(0);
}

/** About `count` round ticks between low and high (1, 2 or 5 × 10ⁿ apart). */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high + step * 1e-9; tick += step) {
    ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : tick);
  }
  return ticks;
}

function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
    for (const mantissa of [1, 2, 5]) {
      const tick = mantissa * 10 ** power;
      if (tick >= low && tick <= high) ticks.push(tick);
    }
  }
  return ticks;
}

/** Indices to draw: per pixel column, the first, lowest, highest and last finite point, in order. */
export function reducedIndices(values: ArrayLike<number | null>, columns: number): number[] {
  const n = values.length;
  if (n <= columns * 4) return Array.from({ length: n }, (_, i) => i);
  const kept: number[] = [];
  for (let column = 0; column < columns; column++) {
    const start = Math.floor((column * n) / columns);
    const end = Math.floor(((column + 1) * n) / columns);
    let first = -1;
    let last = -1;
    let low = -1;
    let high = -1;
    for (let i = start; i < end; i++) {
      const value = values[i];
      if (!finite(value)) {
        if (first >= 0) kept.push(...new Set([first, low, high, last].sort((a, b) => a - b)));
        kept.push(i); // keep the gap
        first = last = low = high = -1;
        continue;
      }
      if (first < 0) first = low = high = i;
      if (value < (values[low] as number)) low = i;
      if (value > (values[high] as number)) high = i;
      last = i;
    }
    if (first >= 0) kept.push(...new Set([first, low, high, last].sort((a, b) => a - b)));
  }
  return kept;
}

/** One line chart as an <svg> element with a title, axes, a legend and optional shaded bands. */
// eslint-disable-next-line complexity -- above the limit when it was set (issue 16): split it when it next changes
export function svgLineChart(spec: SvgChartSpec): string {
  const height = spec.height ?? 240;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const n = spec.days.length;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const line of spec.lines) {
    for (let i = 0; i < line.values.length; i++) {
      const value = line.values[i];
      if (!finite(value)) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (line.area) {
      low = Math.min(low, 0);
      high = Math.max(high, 0);
    }
  }
  const label = `${spec.title}: ${spec.lines.map((line) => line.name).join(', ')}`;
  if (!(low <= high) || n < 2) {
    return `<figure class="chart"><figcaption>${escapeXml(spec.title)}</figcaption><p class="muted">Not enough data.</p></figure>`;
  }
  const log = spec.log === true && low > 0;
  if (high === low) {
    high += Math.abs(high) * 0.05 || 0.01;
    low -= Math.abs(low) * 0.05 || 0.01;
  }
  const toY = log
    ? (value: number) =>
        MARGIN.top + plotHeight * (1 - (Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low)))
    : (value: number) => MARGIN.top + plotHeight * (1 - (value - low) / (high - low));
  const toX = (index: number) => MARGIN.left + (plotWidth * index) / (n - 1);
  const round = (value: number) => Math.round(value * 10) / 10;

  const parts: string[] = [];
  for (const band of spec.bands ?? []) {
    const x1 = round(toX(band.from));
    const x2 = round(toX(Math.max(band.to, band.from + 1)));
    parts.push(
      `<rect class="band" x="${x1}" y="${MARGIN.top}" width="${round(x2 - x1)}" height="${plotHeight}"><title>${escapeXml(band.label)}</title></rect>`,
    );
  }
  const ticks = log ? logTicks(low, high) : niceTicks(low, high);
  for (const tick of ticks) {
    const y = round(toY(tick));
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}"/>` +
        `<text class="tick" x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end">${escapeXml(formatValue(tick, spec.format, 0))}</text>`,
    );
  }
  const firstYear = Number(spec.days[0].slice(0, 4));
  const lastYear = Number(spec.days[n - 1].slice(0, 4));
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  let previousYear = firstYear;
  for (let i = 1; i < n; i++) {
    const year = Number(spec.days[i].slice(0, 4));
    if (year !== previousYear && (year - firstYear) % yearStep === 0) {
      const x = round(toX(i));
      parts.push(
        `<line class="grid" x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}"/>` +
          `<text class="tick" x="${x}" y="${height - 8}" text-anchor="middle">${year}</text>`,
      );
    }
    previousYear = year;
  }
  if (!log && low < 0 && high > 0) {
    const y = round(toY(0));
    parts.push(`<line class="zero" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}"/>`);
  }
  for (const line of spec.lines) {
    let path = '';
    let drawing = false;
    for (const i of reducedIndices(line.values, plotWidth)) {
      const value = line.values[i];
      if (!finite(value) || (log && value <= 0)) {
        drawing = false;
        continue;
      }
      path += `${drawing ? 'L' : 'M'}${round(toX(i))} ${round(toY(value))}`;
      drawing = true;
    }
    if (path === '') continue;
    if (line.area) {
      const zero = round(toY(0));
      const firstX = path.slice(1, path.indexOf(' '));
      const lastX = path.slice(path.lastIndexOf('L') + 1, path.lastIndexOf(' '));
      parts.push(
        `<path d="M${firstX} ${zero}L${path.slice(1)}L${lastX} ${zero}Z" fill="${line.colour}" fill-opacity="0.25" stroke="none"/>`,
      );
    }
    parts.push(
      `<path d="${path}" fill="none" stroke="${line.colour}" stroke-width="1.3" stroke-linejoin="round"><title>${escapeXml(line.name)}</title></path>`,
    );
  }
  const legend = spec.lines
    .map(
      (line) =>
        `<span class="key"><span class="swatch" style="background:${line.colour}"></span>${escapeXml(line.name)}</span>`,
    )
    .join(' ');
  return (
    `<figure class="chart"><figcaption>${escapeXml(spec.title)} <span class="legend">${legend}</span></figcaption>` +
    `<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<rect class="frame" x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}"/>` +
    parts.join('') +
    `</svg></figure>`
  );
}
