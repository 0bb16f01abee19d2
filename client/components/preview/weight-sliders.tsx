'use client';

import { memo, useId, useMemo } from 'react';
import styles from './live-preview.module.css';
import { reweight, rewriteWeights, weightSpans } from './weight-edits';

interface WeightSlidersProps {
  command: string;
  /** The command rewritten with the new weights (it stays valid: the weights still sum to 100 %). */
  onCommandChange: (command: string) => void;
}

/**
 * A slider per position: dragging one (or arrow keys and Page Up/Down on it) sets its weight, the others share the
 * rest in proportion, the command's text is rewritten in place and the preview runs again at once.
 */
export const WeightSliders = memo(function WeightSliders({ command, onCommandChange }: WeightSlidersProps) {
  const spans = useMemo(() => weightSpans(command), [command]);
  const baseId = useId();
  if (spans === null || spans.length < 2) return null;
  const weights = spans.map((span) => span.weight);
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
              onChange={(event) =>
                onCommandChange(rewriteWeights(command, spans, reweight(weights, index, Number(event.target.value))))
              }
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
