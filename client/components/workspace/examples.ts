/** Ready-made commands the workspace offers (all on tickers in the sample data, so they run on a fresh install). */
export interface CommandExample {
  label: string;
  description: string;
  command: string;
}

export const COMMAND_EXAMPLES: readonly CommandExample[] = [
  {
    label: 'Buy and hold',
    description: 'Apple and Microsoft, half each, held from 2020 to 2022',
    command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28',
  },
  {
    label: 'Long/short vs S&P 500',
    description: 'Long Microsoft, short General Electric, rebalanced monthly, compared with the S&P 500',
    command: 'MSFT-L-70% GE-S-30% 2010-01-04 2022-12-28 rebalance=monthly benchmark=^GSPC',
  },
  {
    label: 'Diversified since 1990',
    description: 'Eight large companies from 1990, 1,000 added every month, rebalanced yearly with a 0.1% fee',
    command:
      'JNJ-L-15% KO-L-15% PG-L-15% XOM-L-15% WMT-L-10% JPM-L-10% MSFT-L-10% HD-L-10% 1990-01-02 2022-12-28 ' +
      'rebalance=yearly fee=0.1% contribute=1000/month benchmark=^GSPC',
  },
];
