import type uPlot from 'uplot';
import { epochSeconds } from './chart-data';

/** A stretch of days to shade on the time charts (a drawdown episode, from its peak to its recovery). */
export interface ChartHighlight {
  from: string;
  to: string;
  /** Said in the chart's text alternative, e.g. "episode 2: −33.9 % from 2008-10-09". */
  label: string;
}

/** uPlot hooks that shade `highlight` under the series, or none. */
export function highlightHooks(highlight: ChartHighlight | null | undefined, colour: string): uPlot.Hooks.Arrays {
  if (!highlight) return {};
  const [from, to] = epochSeconds([highlight.from, highlight.to]);
  return {
    drawClear: [
      (chart: uPlot) => {
        const left = chart.valToPos(from, 'x', true);
        const right = chart.valToPos(to, 'x', true);
        const { ctx, bbox } = chart;
        ctx.save();
        ctx.fillStyle = colour;
        ctx.fillRect(
          Math.max(bbox.left, left),
          bbox.top,
          Math.max(2, Math.min(bbox.left + bbox.width, right) - left),
          bbox.height,
        );
        ctx.restore();
      },
    ],
  };
}

/** The attributes a highlighted figure carries (for the text alternative and for tests that cannot read a canvas). */
export const highlightAttribute = (highlight: ChartHighlight | null | undefined): string | undefined =>
  highlight ? `${highlight.from}..${highlight.to}` : undefined;
