import {
  DEFAULT_OPTIONS,
  PortfolioCommand,
  CommandOptions,
  RebalancePolicy,
  RateOption,
  InflationOption,
} from './command.types';

/**
 * The one spelling of a command, for display and de-duplication: positions sorted by ticker,
 * upper case, weights without trailing zeros, the two dates, then only the options that differ
 * from their defaults, in a fixed order. Two commands that simulate the same thing get the same
 * canonical string, and parsing it gives back the same command.
 */
export function formatCanonicalCommand(command: PortfolioCommand): string {
  const positions = [...command.positions]
    .sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0))
    .map((position) => `${position.ticker}-${position.side}-${formatNumber(position.weightPercent)}%`);
  const parts = [...positions, command.start, command.end];
  const { options } = command;
  if (options.capital !== DEFAULT_OPTIONS.capital) parts.push(`capital=${formatNumber(options.capital)}`);
  if (options.rebalance.kind !== 'none') parts.push(`rebalance=${formatRebalance(options.rebalance)}`);
  if (options.feePercent !== DEFAULT_OPTIONS.feePercent) parts.push(`fee=${formatNumber(options.feePercent)}%`);
  if (options.riskFreePercent !== DEFAULT_OPTIONS.riskFreePercent)
    parts.push(`rf=${formatNumber(options.riskFreePercent)}%`);
  if (options.benchmark !== null) parts.push(`benchmark=${options.benchmark}`);
  if (options.contribution !== null)
    parts.push(`contribute=${formatNumber(options.contribution.amount)}/${options.contribution.period}`);
  if (!isZeroRate(options.cashRate)) parts.push(`cash=${formatRate(options.cashRate)}`);
  if (!isZeroRate(options.borrowRate)) parts.push(`borrow=${formatRate(options.borrowRate)}`);
  if (options.inflation !== null) parts.push(`inflation=${formatRate(options.inflation)}`);
  return parts.join(' ');
}

/**
 * Every option as the command language writes it (`fee` → `0.1%`, `contribute` → `1000/month`), defaults
 * included and marked, in the canonical order: for reports and summaries.
 */
export function formatOptions(options: CommandOptions): { name: string; value: string; isDefault: boolean }[] {
  const option = (name: string, value: string, isDefault: boolean) => ({ name, value, isDefault });
  return [
    option('capital', formatNumber(options.capital), options.capital === DEFAULT_OPTIONS.capital),
    option('rebalance', formatRebalance(options.rebalance), options.rebalance.kind === 'none'),
    option('fee', `${formatNumber(options.feePercent)}%`, options.feePercent === DEFAULT_OPTIONS.feePercent),
    option(
      'rf',
      `${formatNumber(options.riskFreePercent)}%`,
      options.riskFreePercent === DEFAULT_OPTIONS.riskFreePercent,
    ),
    option('benchmark', options.benchmark ?? 'none', options.benchmark === null),
    option(
      'contribute',
      options.contribution === null
        ? 'none'
        : `${formatNumber(options.contribution.amount)}/${options.contribution.period}`,
      options.contribution === null,
    ),
    option('cash', formatRate(options.cashRate), isZeroRate(options.cashRate)),
    option('borrow', formatRate(options.borrowRate), isZeroRate(options.borrowRate)),
    option(
      'inflation',
      options.inflation === null ? 'none' : formatRate(options.inflation),
      options.inflation === null,
    ),
  ];
}

/** `4.5%` for a constant, the ticker for a series or an index. */
export function formatRate(rate: RateOption | InflationOption): string {
  return rate.kind === 'constant' ? `${formatNumber(rate.percent)}%` : rate.ticker;
}

/** The default of cash= and borrow= (also for a command stored before they existed). */
export function isZeroRate(rate: RateOption | undefined): boolean {
  return rate === undefined || (rate.kind === 'constant' && rate.percent === 0);
}

export function formatRebalance(policy: RebalancePolicy): string {
  switch (policy.kind) {
    case 'none':
      return 'none';
    case 'periodic':
      return policy.frequency;
    case 'band':
      return `band:${formatNumber(policy.thresholdPercent)}%`;
  }
}

/** Shortest decimal spelling that parses back to the same number (never exponent notation here). */
export function formatNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
