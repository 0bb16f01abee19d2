'use client';

import type { Schemas } from '../../lib/api/client';
import { formatInteger, formatPercent } from '../../lib/format/numbers';
import styles from './results.module.css';

type Episodes = Schemas['DrawdownEpisodesDto'];

interface DrawdownEpisodesTableProps {
  episodes: Episodes;
  /** Index of the episode shaded on the charts, or null. */
  selected: number | null;
  onSelect: (index: number | null) => void;
}

/** The deepest falls from a peak: choosing one shades it, peak to recovery, on the value and drawdown charts. */
export function DrawdownEpisodesTable({ episodes, selected, onSelect }: DrawdownEpisodesTableProps) {
  if (episodes.episodes.length === 0) {
    return <p className="muted">The portfolio never fell below a previous peak.</p>;
  }
  return (
    <div className={styles.tableScroll}>
      <p className="muted">
        The {episodes.episodes.length} deepest of {formatInteger(episodes.totalEpisodes)} drawdown episodes. Choose one
        to shade it on the charts above.
      </p>
      <table className={styles.episodes} aria-label="Drawdown episodes">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Peak</th>
            <th scope="col">Trough</th>
            <th scope="col">Recovery</th>
            <th scope="col">Depth</th>
            <th scope="col">To trough (days)</th>
            <th scope="col">To recovery (days)</th>
            <th scope="col">Under water (calendar days)</th>
          </tr>
        </thead>
        <tbody>
          {episodes.episodes.map((episode, index) => {
            const isSelected = selected === index;
            return (
              <tr key={`${episode.peakRow}-${episode.troughRow}`} aria-selected={isSelected}>
                <td>
                  <button
                    type="button"
                    className={styles.episodeButton}
                    aria-pressed={isSelected}
                    aria-label={`Episode ${index + 1}: ${formatPercent(episode.depth)} from ${episode.peakDate}`}
                    onClick={() => onSelect(isSelected ? null : index)}
                  >
                    {index + 1}
                  </button>
                </td>
                <td>{episode.peakDate}</td>
                <td>{episode.troughDate}</td>
                <td>{episode.recoveryDate ?? <em>not recovered</em>}</td>
                <td className={styles.loss}>{formatPercent(episode.depth)}</td>
                <td>{formatInteger(episode.tradingDaysToTrough)}</td>
                <td>{episode.tradingDaysToRecovery === null ? '—' : formatInteger(episode.tradingDaysToRecovery)}</td>
                <td>{formatInteger(episode.underwaterDays)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
