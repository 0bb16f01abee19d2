import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { runCli } from './cli';
import { runCompare } from './compare.command';
import { EXIT_INVALID_COMMAND, EXIT_OK, EXIT_SIMULATION_FAILED, EXIT_USAGE } from './simulate.command';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCompare(args, () => loadSamplePrices(), {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('portofino compare', () => {
  it('prints the common period, the metrics side by side with the best of each row marked, and the correlations', () => {
    const { code, out, err } = run(
      'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
      'Cola: KO-L-100% 2019-06-01 2022-06-30 rebalance=monthly',
    );
    expect(err).toBe('');
    expect(code).toBe(EXIT_OK);
    console.log(out);
  });
});
