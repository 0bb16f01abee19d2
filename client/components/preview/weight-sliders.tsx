'use client';

import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef } from 'react';
import styles from './live-preview.module.css';
import { reweight, rewriteWeights, weightSpans, type WeightSpan } from './weight-edits';

interface WeightSlidersProps {
  command: string;
  /** The command rewritten with the new weights (it stays valid: the weights still sum to 100 %). */
  onCommandChange: (command: string) => void;
}

const sameSpans = (a: readonly WeightSpan[] | null, b: readonly WeightSpan[] | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.length === b.length &&
    a.every(
      (span, index) =>
        span.ticker === b[index].ticker &&
        span.side === b[index].side &&
        span.weight === b[index].weight &&
        span.from === b[index].from &&
        span.to === b[index].to,
    ));

/**
 * A slider per position: dragging one (or arrow keys and Page Up/Down on it) sets its weight, the others share the
 * rest in proportion, the command's text is rewritten in place and the preview runs again at once.
 */
export const WeightSliders = memo(function WeightSliders({ command, onCommandChange }: WeightSlidersProps) {
  const found = useMemo(() => weightSpans(command), [command]);
  // The same positions as before (a key typed elsewhere in the command): the same array, so the sliders below are
  // not rendered again on that keystroke.
  const held = useRef(found);
  if (!sameSpans(held.current, found)) held.current = found;
  const spans = held.current;
  const latest = useRef({ command, spans });
  useLayoutEffect(() => {
    latest.current = { command, spans };
  });
  const onMove = useCallback(
    (index: number, weight: number) => {
      const { command: text, spans: now } = latest.current;
      if (now === null) return;
      onCommandChange(
        rewriteWeights(
          text,
          now,
          reweight(
            now.map((span) => span.weight),
            index,
            weight,
          ),
        ),
      );
    },
    [onCommandChange],
  );
  if (spans === null || spans.length < 2) return null;
  return <SliderList spans={spans} onMove={onMove} />;
});

const SliderList = memo(function SliderList({
  spans,
  onMove,
}: {
  spans: readonly WeightSpan[];
  onMove: (index: number, weight: number) => void;
}) {
  const baseId = useId();
  return (
    <fieldset className={styles.weights}>
      <legend className={styles.weightsLegend}>Weights — drag, or use the arrow keys</legend>
      {spans.map((span, index) => {
        const id = `${baseId}-${index}`;
        return (
          // By position, not ticker: a slider keeps its focus while its ticker is retyped.
          <div key={index} className={styles.weight}>
            <label htmlFor={id} className={styles.weightLabel}>
              {span.ticker} <span className="muted">{span.side === 'S' ? 'short' : 'long'}</span>
            </label>
            <input
              id={id}
              type="range"
              className={styles.weightSlider}
              min={1}
              max={101 - spans.length}
              step={1}
              value={span.weight}
              aria-valuetext={`${span.weight}%`}
              onChange={(event) => onMove(index, Number(event.target.value))}
            />
            <output htmlFor={id} className={styles.weightValue}>
              {span.weight}%
            </output>
          </div>
        );
      })}
    </fieldset>
  );
});
