import type { StudySpec } from '../../src/engine/study/study.types';

/**
 * The study every study bench measures, so that their figures compare: random portfolios of the 20 sample stocks
 * over 1990–2022, rebalanced monthly, seed 1.
 */
export const REFERENCE_STUDY = {
  tickers: 'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'.split(' '),
  start: '1990-01-01',
  end: '2022-12-31',
  method: 'random' as const,
  seed: 1,
};

/** The reference study with `candidates` portfolios, as the engine's validateStudySpec takes it. */
export const referenceStudySpec = (candidates: number): StudySpec => ({
  ...REFERENCE_STUDY,
  options: { rebalance: { kind: 'periodic', frequency: 'monthly' } },
  candidates,
});
