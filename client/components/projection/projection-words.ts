import { formatMoney, formatPercent } from '../../lib/format/numbers';

const count = new Intl.NumberFormat('en-US');

/** The outputs the sentences need (a subset of ProjectionOutputsDto). */
export interface ProjectionFacts {
  paths: number;
  years: number;
  pathsPositive: number;
  pathsAboveTarget: number;
  depletedPaths: number;
  percentiles: number[];
  finalValue: { percentiles: number[] };
  sustainableWithdrawal: { period: string; success90: number; success95: number; annualRate95: number };
}

const years = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

/** The probabilities in words: "in 9,412 of 10,000 paths the money lasted 30 years". */
export function projectionSentences(facts: ProjectionFacts, withdrawing: boolean, target: number): string[] {
  const of = (n: number) => `${count.format(n)} of ${count.format(facts.paths)} paths`;
  const median = facts.finalValue.percentiles[facts.percentiles.indexOf(50)];
  const low = facts.finalValue.percentiles[facts.percentiles.indexOf(5)];
  const high = facts.finalValue.percentiles[facts.percentiles.indexOf(95)];
  const sentences = [
    withdrawing || facts.depletedPaths > 0
      ? `In ${of(facts.pathsPositive)} the money lasted ${years(facts.years)}; in ${count.format(facts.depletedPaths)} it ran out.`
      : `In ${of(facts.pathsPositive)} the portfolio was still worth more than zero after ${years(facts.years)}.`,
    `In ${of(facts.pathsAboveTarget)} it ended above ${formatMoney(target)}.`,
    `Half the paths ended above ${formatMoney(median)}; 90 % ended between ${formatMoney(low)} and ${formatMoney(high)}.`,
    `Withdrawing ${formatMoney(facts.sustainableWithdrawal.success95)} a ${facts.sustainableWithdrawal.period} lasted ${years(
      facts.years,
    )} in 95 % of paths (${formatPercent(facts.sustainableWithdrawal.annualRate95)} of the starting value a year); ${formatMoney(
      facts.sustainableWithdrawal.success90,
    )} in 90 %.`,
  ];
  return sentences;
}
