import { loadSamplePrices } from '../sample-data/sample-data.loader';
import { EXIT_OK, runSimulate } from './simulate.command';

function run(...args: string[]) {
  const out: string[] = [];
  const code = runSimulate(args, () => loadSamplePrices(), { out: (text) => out.push(text), err: () => undefined });
  return { code, out: out.join('\n') };
}

describe('portofino simulate: drawdown episodes and rolling metrics', () => {
  const command = 'AAPL-L-50% MSFT-L-50% 2015-01-01 2022-12-28 benchmark=^GSPC';

  it('lists the ten deepest episodes, the first being the max drawdown, and the rolling spread per window', () => {
    const { code, out } = run(command);
    expect(code).toBe(EXIT_OK);
    // The deepest fall (the metrics' max drawdown): 2021-12-27 to 2022-12-28, not recovered, 253 trading days down.
    expect(out).toMatch(/^Drawdown episodes \(the 10 deepest of \d+\)$/m);
    expect(out).toMatch(/^1 +2021-12-27 +2022-12-28 +not recovered +-30\.32% +253 +- +366$/m);
    expect(out).toMatch(/^Max drawdown +-30\.32% +-\d+\.\d\d%$/m);
    expect(out).toMatch(/^Rolling metrics \(windows of 126, 252 and 756 trading days\)$/m);
    for (const label of ['6m return', '12m ^GSPC return', '36m return (ann.)', '12m beta', '36m correlation']) {
      expect(out).toMatch(new RegExp(`^${label.replace(/[()^.]/g, '\\$&')} +-?\\d`, 'm'));
    }
  });

  it('adds the episodes and the rolling series to --json, equal to the metrics where they meet', () => {
    const { out } = run(command, '--json');
    const json = JSON.parse(out);
    const [deepest] = json.analysis.drawdownEpisodes.episodes;
    expect(deepest).toMatchObject({
      depth: json.metrics.maxDrawdown,
      peakDate: json.metrics.maxDrawdownPeakDate,
      troughDate: json.metrics.maxDrawdownTroughDate,
      recovered: false,
    });
    expect(json.analysis.rolling.map((window: { window: number }) => window.window)).toEqual([126, 252, 756]);
    const twelve = json.analysis.rolling[1];
    expect(twelve.count).toBe(json.daily.dates.length - 252);
    // The last 12-month return is the value's growth over the last 252 days (no contributions).
    const nav = json.daily.nav as number[];
    expect(twelve.return[twelve.count - 1]).toBeCloseTo(nav[nav.length - 1] / nav[nav.length - 253] - 1, 10);
    expect(json.analysis.benchmarkRolling[1].beta).toBeNull();
  });
});
