/** Colours of a chart, read from the CSS variables in force where it is drawn (light or dark). */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  gain: string;
  loss: string;
  /** The benchmark's colour. */
  reference: string;
  /** Uninvested cash in the weights chart. */
  cash: string;
  /** One colour per weight series, repeated when there are more series. */
  palette: string[];
}

const FALLBACK: ChartTheme = {
  text: '#16181d',
  muted: '#5b6270',
  grid: '#dde1e8',
  accent: '#0b63ce',
  gain: '#1a7f37',
  loss: '#c62828',
  reference: '#9a6700',
  cash: '#6b7280',
  palette: ['#0b63ce', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d'],
};

const PALETTE_SIZE = 12;

/** Canvas cannot read `var(--x)`: resolve each variable on `element` (charts.module.css defines the palette). */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const palette: string[] = [];
  for (let index = 1; index <= PALETTE_SIZE; index++) {
    const colour = style.getPropertyValue(`--chart-${index}`).trim();
    if (colour) palette.push(colour);
  }
  return {
    text: read('--fg', FALLBACK.text),
    muted: read('--muted', FALLBACK.muted),
    grid: read('--border', FALLBACK.grid),
    accent: read('--accent', FALLBACK.accent),
    gain: read('--gain', FALLBACK.gain),
    loss: read('--loss', FALLBACK.loss),
    reference: read('--chart-reference', FALLBACK.reference),
    cash: read('--chart-cash', FALLBACK.cash),
    palette: palette.length > 0 ? palette : FALLBACK.palette,
  };
}

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` with an alpha, for translucent fills; other notations pass unchanged. */
export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1];
    const [red, green, blue] = [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16));
    return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(colour.trim());
  return rgb ? `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})` : colour;
}
