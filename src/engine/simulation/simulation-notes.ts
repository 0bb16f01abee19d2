import { formatRate, isZeroRate } from '../command/command.canonical';
import { RateOption } from '../command/command.types';
import { SyntheticSeriesInfo } from '../market/resolve-series';
import { RealReturns } from './real-returns';
import { CashInterest, PortfolioExposure, SimulationNote } from './simulation.types';

/** The book at the start from the signed targets (cash is what is left: 1 − longs + shorts). */
export function exposureOf(targets: Float64Array): PortfolioExposure {
  let long = 0;
  let short = 0;
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] > 0) long += targets[i];
    else short -= targets[i];
  }
  return { long, short, gross: long + short, net: long - short, cash: 1 - long + short };
}

/**
 * A synthetic ticker's sources over the simulated period only: sources outside it are dropped, the first starts on
 * the first simulated day and the last ends on the last one.
 */
export function clipSources(info: SyntheticSeriesInfo, start: string, end: string): SyntheticSeriesInfo {
  const sources = info.sources
    .filter((source) => source.to >= start && source.from <= end)
    .map((source) => ({
      source: source.source,
      from: source.from < start ? start : source.from,
      to: source.to > end ? end : source.to,
    }));
  return { ...info, sources };
}

export interface NoteFacts {
  exposure: PortfolioExposure;
  cashInterest: CashInterest | null;
  /** The options as the command sets them (they say what a loan pays even when no interest was computed). */
  cashRate: RateOption;
  borrowRate: RateOption;
  synthetics: readonly SyntheticSeriesInfo[];
  realReturns: RealReturns | null;
  simulatedStart: string;
}

/** The notes of a result in words (docs/command-language.md, "Notes"), most general first. */
export function simulationNotes(facts: NoteFacts): SimulationNote[] {
  const notes: SimulationNote[] = [];
  const { exposure } = facts;
  if (exposure.cash < -1e-12 || exposure.gross > 1 + 1e-12) {
    const loan = exposure.cash < -1e-12;
    const cost = loan
      ? isZeroRate(facts.borrowRate)
        ? '; the loan costs nothing (no borrow= rate)'
        : `; the loan pays borrow=${formatRate(facts.borrowRate)} a year`
      : '';
    notes.push({
      code: 'LEVERAGE',
      ticker: null,
      message:
        `long ${percent(exposure.long)} and short ${percent(exposure.short)} of the capital at the start ` +
        `(gross ${percent(exposure.gross)}, net ${percent(exposure.net)}): cash ${percent(exposure.cash)}` +
        (loan ? ` — a loan of ${percent(-exposure.cash)} of the capital` : '') +
        cost,
    });
  }
  const interest = facts.cashInterest;
  if (interest !== null) {
    notes.push({
      code: 'CASH_INTEREST',
      ticker: null,
      message:
        `cash earns ${rateInWords(interest.cashRate)} and loans pay ${rateInWords(interest.borrowRate)}, ` +
        `accrued daily on actual/360 and credited at each close: ${money(interest.earned)} earned, ` +
        `${money(interest.paid)} paid`,
    });
  }
  for (const synthetic of facts.synthetics) {
    if (synthetic.leverage !== 1 || synthetic.expensePercent !== 0) {
      notes.push({ code: 'SYNTHETIC', ticker: synthetic.ticker, message: syntheticInWords(synthetic) });
    }
    if (synthetic.fallback === null) continue;
    const modified = synthetic.leverage !== 1 || synthetic.expensePercent !== 0 ? ', before its modifiers' : '';
    notes.push({
      code: 'SPLICE',
      ticker: synthetic.ticker,
      message:
        synthetic.sources.length > 1
          ? `${synthetic.ticker} is spliced on returns: ` +
            synthetic.sources.map((source) => `${source.source} from ${source.from} to ${source.to}`).join(', then ') +
            modified
          : `${synthetic.ticker}: ${synthetic.sources[0]?.source ?? synthetic.base} gives every price of the period ` +
            `(from ${synthetic.sources[0]?.from ?? facts.simulatedStart}), FB=${synthetic.fallback} was not needed`,
    });
  }
  const real = facts.realReturns;
  if (real !== null) {
    const source =
      real.inflation.kind === 'constant'
        ? `inflation of ${real.inflation.percent}% a year`
        : `the price index ${real.inflation.ticker}`;
    notes.push({
      code: 'INFLATION',
      ticker: real.inflation.kind === 'index' ? real.inflation.ticker : null,
      message:
        `by ${source}, prices rose ${percent(real.cumulativeInflation)} over the period: in money of ` +
        `${facts.simulatedStart} the final value is ${money(real.finalValue)} and the real CAGR ` +
        `${percent(real.cagr)} a year`,
    });
  }
  return notes;
}

function syntheticInWords(info: SyntheticSeriesInfo): string {
  const { leverage } = info;
  const what =
    leverage === 1
      ? `${info.base}'s daily returns`
      : `${formatNumber(leverage)}× ${info.base}'s daily return, reset daily${leverage < 0 ? ' (inverse)' : ''}`;
  const costs = [`an expense ratio of ${formatNumber(info.expensePercent)}% a year`];
  if (info.baseRate !== null) {
    const financed =
      leverage > 1
        ? `the borrowed ${percent(leverage - 1)}`
        : leverage < 0
          ? `the ${percent(1 - leverage)} held against the short (earning the base rate)`
          : `the ${percent(1 - leverage)} held in cash (earning the base rate)`;
    const spread = leverage > 1 || leverage < 0 ? ` + a spread of ${formatNumber(info.spreadPercent)}% a year` : '';
    const base = info.baseRate;
    const baseWords =
      base.kind === 'series'
        ? `the cash= rate series ${base.ticker}`
        : isZeroRate(base)
          ? 'a base rate of 0% (no cash= rate given; write cash=^IRX or cash=4% for one)'
          : `the cash= rate of ${formatNumber(base.percent)}% a year`;
    costs.push(`the financing of ${financed} at ${baseWords}${spread}, actual/360`);
  }
  return `${info.ticker} is ${what}, minus ${costs.join(' and ')}`;
}

function rateInWords(rate: RateOption): string {
  return rate.kind === 'series' ? `the rate series ${rate.ticker}` : `${formatNumber(rate.percent)}% a year`;
}

/** 1.5 → "150%", with at most two decimals. */
function percent(fraction: number): string {
  const value = Math.round(fraction * 10000) / 100;
  return `${value < 0 ? '−' : ''}${Math.abs(value)}%`;
}

function money(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return (rounded < 0 ? '−' : '') + Math.abs(rounded).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
