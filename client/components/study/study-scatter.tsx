'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { StudyObjective, StudyPortfolio, StudyResult } from '../../lib/api/studies';
import { formatInteger, formatPercent, formatRatio } from '../../lib/format/numbers';
import { percentTick } from '../charts/chart-axes';
import { readChartTheme, type ChartTheme } from '../charts/chart-theme';
import chartStyles from '../charts/charts.module.css';
import {
  finiteRange,
  niceTicks,
  padded,
  rampColour,
  ScatterIndex,
  type Range,
  type ScatterPoints,
} from './scatter-data';
import styles from './study.module.css';

export const OBJECTIVE_LABELS: Record<StudyObjective, string> = {
  maxSharpe: 'Max Sharpe',
  minVolatility: 'Min volatility',
  maxCagr: 'Max CAGR',
  minDrawdown: 'Min drawdown',
};

export const REFERENCE_LABELS = {
  equalWeight: 'Equal weight',
  inverseVolatility: 'Inverse volatility',
  riskParity: 'Risk parity',
} as const;

const HEIGHT = 440;
const MARGIN = { left: 64, right: 16, top: 16, bottom: 44 };
/** How far from the pointer a candidate is still "hovered", in CSS pixels. */
const HOVER_PIXELS = 24;
const COLOUR_LEVELS = 64;

interface Marker {
  label: string;
  kind: 'reference' | 'best';
  portfolio: StudyPortfolio;
}

interface Layout {
  width: number;
  x: Range;
  y: Range;
  sharpe: Range;
  /** CSS pixel of a data value. */
  px(value: number): number;
  py(value: number): number;
}

function markersOf(result: StudyResult): Marker[] {
  const markers: Marker[] = [];
  for (const [key, label] of Object.entries(REFERENCE_LABELS) as [keyof typeof REFERENCE_LABELS, string][]) {
    const portfolio = result.references?.[key];
    if (portfolio) markers.push({ label, kind: 'reference', portfolio });
  }
  for (const [objective, label] of Object.entries(OBJECTIVE_LABELS) as [StudyObjective, string][]) {
    const portfolio = result.best[objective];
    if (portfolio) markers.push({ label, kind: 'best', portfolio });
  }
  return markers;
}

function layoutOf(points: ScatterPoints, result: StudyResult, markers: Marker[], width: number): Layout {
  const extraX = [...markers, ...result.frontier.map((portfolio) => ({ portfolio }))].map(
    (m) => m.portfolio.summary.volatility,
  );
  const extraY = [...markers, ...result.frontier.map((portfolio) => ({ portfolio }))].map(
    (m) => m.portfolio.summary.cagr,
  );
  const x = padded(finiteRange(points.volatility, extraX) ?? { min: 0, max: 1 });
  const y = padded(finiteRange(points.cagr, extraY) ?? { min: 0, max: 1 });
  const sharpe = finiteRange(points.sharpe) ?? { min: 0, max: 1 };
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  return {
    width,
    x,
    y,
    sharpe,
    px: (value) => MARGIN.left + ((value - x.min) / (x.max - x.min)) * plotWidth,
    py: (value) => MARGIN.top + (1 - (value - y.min) / (y.max - y.min)) * plotHeight,
  };
}

/** Packed RGBA words (little-endian byte order, as an ImageData's Uint32Array view reads them) of the ramp. */
function colourTable(): Uint32Array {
  const table = new Uint32Array(COLOUR_LEVELS);
  for (let level = 0; level < COLOUR_LEVELS; level++) {
    const [red, green, blue] = rampColour(level / (COLOUR_LEVELS - 1));
    table[level] = (255 << 24) | (blue << 16) | (green << 8) | red;
  }
  return table;
}

/**
 * Every candidate in one pass over the typed arrays, written straight into an ImageData (no path or fill call
 * per point): 100,000 points take a few milliseconds.
 */
function drawPoints(context: CanvasRenderingContext2D, points: ScatterPoints, layout: Layout, ratio: number) {
  const width = context.canvas.width;
  const height = context.canvas.height;
  const image = context.createImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  const colours = colourTable();
  const size = Math.max(2, Math.round(2 * ratio));
  const half = size >> 1;
  const { x, y, sharpe } = layout;
  const left = MARGIN.left * ratio;
  const top = MARGIN.top * ratio;
  const xScale = ((layout.width - MARGIN.left - MARGIN.right) * ratio) / (x.max - x.min);
  const yScale = ((HEIGHT - MARGIN.top - MARGIN.bottom) * ratio) / (y.max - y.min);
  const sharpeScale = sharpe.max > sharpe.min ? (COLOUR_LEVELS - 1) / (sharpe.max - sharpe.min) : 0;
  for (let i = 0; i < points.count; i++) {
    const volatility = points.volatility[i];
    const cagr = points.cagr[i];
    if (!Number.isFinite(volatility) || !Number.isFinite(cagr)) continue;
    const cx = Math.round(left + (volatility - x.min) * xScale) - half;
    const cy = Math.round(top + (y.max - cagr) * yScale) - half;
    const level = Math.min(COLOUR_LEVELS - 1, Math.max(0, Math.round((points.sharpe[i] - sharpe.min) * sharpeScale)));
    const colour = colours[Number.isFinite(points.sharpe[i]) ? level : 0];
    for (let dy = 0; dy < size; dy++) {
      const row = cy + dy;
      if (row < 0 || row >= height) continue;
      const offset = row * width;
      for (let dx = 0; dx < size; dx++) {
        const column = cx + dx;
        if (column >= 0 && column < width) pixels[offset + column] = colour;
      }
    }
  }
  context.putImageData(image, 0, 0);
}

function drawAxes(context: CanvasRenderingContext2D, layout: Layout, theme: ChartTheme) {
  const right = layout.width - MARGIN.right;
  const bottom = HEIGHT - MARGIN.bottom;
  context.font = '12px system-ui, sans-serif';
  context.lineWidth = 1;
  const xTicks = niceTicks(layout.x, Math.max(3, Math.floor((right - MARGIN.left) / 90)));
  const yTicks = niceTicks(layout.y, 6);
  context.strokeStyle = theme.grid;
  context.fillStyle = theme.muted;
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const value of xTicks.values) {
    const at = Math.round(layout.px(value)) + 0.5;
    context.globalAlpha = 0.6;
    context.beginPath();
    context.moveTo(at, MARGIN.top);
    context.lineTo(at, bottom);
    context.stroke();
    context.globalAlpha = 1;
    context.fillText(percentTick(value, xTicks.step), at, bottom + 6);
  }
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const value of yTicks.values) {
    const at = Math.round(layout.py(value)) + 0.5;
    context.globalAlpha = 0.6;
    context.beginPath();
    context.moveTo(MARGIN.left, at);
    context.lineTo(right, at);
    context.stroke();
    context.globalAlpha = 1;
    context.fillText(percentTick(value, yTicks.step), MARGIN.left - 6, at);
  }
  context.fillStyle = theme.text;
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  context.fillText('Volatility (annualised)', (MARGIN.left + right) / 2, HEIGHT - 2);
  context.save();
  context.translate(14, (MARGIN.top + bottom) / 2);
  context.rotate(-Math.PI / 2);
  context.textBaseline = 'middle';
  context.fillText('CAGR', 0, 0);
  context.restore();
}

function drawFrontier(
  context: CanvasRenderingContext2D,
  frontier: StudyPortfolio[],
  layout: Layout,
  theme: ChartTheme,
) {
  const line = frontier.filter(
    (portfolio) => Number.isFinite(portfolio.summary.volatility) && Number.isFinite(portfolio.summary.cagr),
  );
  if (line.length < 2) return;
  context.strokeStyle = theme.text;
  context.lineWidth = 2;
  context.beginPath();
  line.forEach((portfolio, i) => {
    const x = layout.px(portfolio.summary.volatility as number);
    const y = layout.py(portfolio.summary.cagr as number);
    if (i === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
  context.stroke();
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Where a label goes: beside its marker, moved up or down a line at a time until it overlaps no label already
 * placed (reference portfolios often sit close together).
 */
export function placeLabel(placed: Box[], x: number, y: number, width: number, leftSide: boolean): Box {
  const lineHeight = 14;
  const left = leftSide ? x - 11 - width : x + 11;
  for (let step = 0; step < 12; step++) {
    const shift = (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * lineHeight;
    const box = { left, right: left + width, top: y + shift - lineHeight / 2, bottom: y + shift + lineHeight / 2 };
    if (!placed.some((other) => overlaps(box, other))) return box;
  }
  return { left, right: left + width, top: y - lineHeight / 2, bottom: y + lineHeight / 2 };
}

function drawMarkers(
  context: CanvasRenderingContext2D,
  markers: Marker[],
  layout: Layout,
  theme: ChartTheme,
  halo: string,
) {
  const shown = markers.flatMap((marker) => {
    const { volatility, cagr } = marker.portfolio.summary;
    if (volatility === null || cagr === null || !Number.isFinite(volatility) || !Number.isFinite(cagr)) return [];
    return [{ marker, x: layout.px(volatility), y: layout.py(cagr) }];
  });
  context.lineWidth = 2;
  for (const { marker, x, y } of shown) {
    context.beginPath();
    if (marker.kind === 'reference') {
      // A diamond for a reference portfolio, a ring for a best one.
      context.moveTo(x, y - 7);
      context.lineTo(x + 7, y);
      context.lineTo(x, y + 7);
      context.lineTo(x - 7, y);
      context.closePath();
      context.fillStyle = theme.reference;
      context.fill();
    } else {
      context.arc(x, y, 7, 0, 2 * Math.PI);
    }
    context.strokeStyle = theme.text;
    context.stroke();
  }
  context.font = '600 12px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.lineJoin = 'round';
  const placed: Box[] = [];
  for (const { marker, x, y } of shown) {
    const width = context.measureText(marker.label).width;
    const box = placeLabel(placed, x, y, width, x > layout.width - 150);
    placed.push(box);
    const middle = (box.top + box.bottom) / 2;
    // A halo in the card's colour keeps the label legible over the points.
    context.strokeStyle = halo;
    context.lineWidth = 3;
    context.strokeText(marker.label, box.left, middle);
    context.fillStyle = theme.text;
    context.fillText(marker.label, box.left, middle);
  }
}

/** What the chart shows, in a sentence for its accessible name. */
export function scatterSummary(points: ScatterPoints, result: StudyResult): string {
  const volatility = finiteRange(points.volatility);
  const cagr = finiteRange(points.cagr);
  const sharpe = finiteRange(points.sharpe);
  const parts = [
    `Risk and return of ${formatInteger(points.count)} candidates${points.stride > 1 ? ` (every ${points.stride}th)` : ''}`,
  ];
  if (volatility && cagr)
    parts.push(
      `volatility ${formatPercent(volatility.min)} to ${formatPercent(volatility.max)}, CAGR ${formatPercent(cagr.min)} to ${formatPercent(cagr.max)}`,
    );
  if (sharpe) parts.push(`coloured by Sharpe from ${formatRatio(sharpe.min)} to ${formatRatio(sharpe.max)}`);
  parts.push(`the efficient frontier of ${result.frontier.length} portfolios`);
  const best = result.best.maxSharpe;
  if (best)
    parts.push(
      `best Sharpe ${formatRatio(best.summary.sharpe)} at volatility ${formatPercent(best.summary.volatility)} and CAGR ${formatPercent(best.summary.cagr)}`,
    );
  const equal = result.references?.equalWeight;
  if (equal)
    parts.push(
      `equal weight at volatility ${formatPercent(equal.summary.volatility)} and CAGR ${formatPercent(equal.summary.cagr)}`,
    );
  return `${parts.join('; ')}.`;
}

interface Hover {
  position: number;
  left: number;
  top: number;
}

/**
 * The risk/return scatter of every candidate on a <canvas>: points coloured by Sharpe, the frontier line, the
 * reference portfolios and the best per objective marked and labelled; hovering shows the nearest candidate.
 */
export function StudyScatter({ points, result }: { points: ScatterPoints; result: StudyResult }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<Hover | null>(null);
  // The canvas's place on the page, read once per hover (reading it on every move would force a layout each time).
  const boxRef = useRef<DOMRect | null>(null);
  const markers = useMemo(() => markersOf(result), [result]);
  const layout = useMemo(
    () => (width > 0 ? layoutOf(points, result, markers, width) : null),
    [points, result, markers, width],
  );
  const index = useMemo(
    () => (layout ? new ScatterIndex(points.volatility, points.cagr, layout.x, layout.y) : null),
    // The index depends on the data ranges only, not on the width.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [points, layout?.x.min, layout?.x.max, layout?.y.min, layout?.y.max],
  );

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const measure = () => setWidth(Math.floor(wrap.getBoundingClientRect().width) || 800);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !layout) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(layout.width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    const theme = readChartTheme(canvas);
    drawPoints(context, points, layout, ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawAxes(context, layout, theme);
    drawFrontier(context, result.frontier, layout, theme);
    drawMarkers(context, markers, layout, theme, getComputedStyle(canvas).getPropertyValue('--card').trim() || '#fff');
    context.setTransform(1, 0, 0, 1, 0, 0);
    boxRef.current = null;
  }, [points, result, markers, layout]);

  useEffect(() => {
    const forget = () => (boxRef.current = null);
    window.addEventListener('scroll', forget, { passive: true, capture: true });
    window.addEventListener('resize', forget, { passive: true });
    return () => {
      window.removeEventListener('scroll', forget, { capture: true });
      window.removeEventListener('resize', forget);
    };
  }, []);

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!layout || !index) return;
    const box = (boxRef.current ??= event.currentTarget.getBoundingClientRect());
    const left = event.clientX - box.left;
    const top = event.clientY - box.top;
    const plotWidth = layout.width - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const xScale = plotWidth / (layout.x.max - layout.x.min);
    const yScale = plotHeight / (layout.y.max - layout.y.min);
    const x = layout.x.min + (left - MARGIN.left) / xScale;
    const y = layout.y.max - (top - MARGIN.top) / yScale;
    const position = index.nearest(x, y, xScale, yScale, HOVER_PIXELS);
    // The same candidate as before: no render at all.
    setHover((current) =>
      position < 0
        ? null
        : current?.position === position
          ? current
          : { position, left: layout.px(points.volatility[position]), top: layout.py(points.cagr[position]) },
    );
  };

  const summary = useMemo(() => scatterSummary(points, result), [points, result]);
  return (
    <figure className={`${chartStyles.chart} ${styles.scatter}`} ref={wrapRef}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={summary}
        style={{ height: HEIGHT }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => {
          boxRef.current = null;
          setHover(null);
        }}
      />
      {hover && layout && (
        <>
          {/* Moved by transform, on their own layers: a hover repaints neither the canvas nor the page. */}
          <span
            className={styles.hoverRing}
            style={{ transform: `translate(${hover.left}px, ${hover.top}px)` }}
            aria-hidden="true"
          />
          <div
            className={styles.tooltip}
            role="status"
            style={{
              transform: `translate(${Math.min(hover.left + 12, layout.width - 190)}px, ${Math.max(0, hover.top - 90)}px)`,
            }}
          >
            <strong>Candidate {points.index[hover.position]}</strong>
            <dl>
              <dt>CAGR</dt>
              <dd>{formatPercent(points.cagr[hover.position])}</dd>
              <dt>Volatility</dt>
              <dd>{formatPercent(points.volatility[hover.position])}</dd>
              <dt>Sharpe</dt>
              <dd>{formatRatio(points.sharpe[hover.position])}</dd>
              <dt>Max drawdown</dt>
              <dd>{formatPercent(points.maxDrawdown[hover.position])}</dd>
            </dl>
          </div>
        </>
      )}
      <figcaption>
        <ul className={styles.legend} aria-label="Chart legend">
          <li>
            <span className={styles.ramp} aria-hidden="true" /> Sharpe {layout ? formatRatio(layout.sharpe.min) : ''} to{' '}
            {layout ? formatRatio(layout.sharpe.max) : ''}
          </li>
          <li>— Efficient frontier</li>
          <li>◆ Reference portfolios</li>
          <li>○ Best per objective</li>
          {points.stride > 1 && <li className="muted">Every {points.stride}th candidate shown</li>}
        </ul>
      </figcaption>
    </figure>
  );
}
