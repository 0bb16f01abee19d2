import { reportFileName } from './report.service';

describe('reportFileName', () => {
  it('is portofino-<slug of the canonical command>-<day>.xlsx, safe in any file system', () => {
    expect(
      reportFileName('AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28 benchmark=^GSPC', new Date('2026-11-24T04:00:00Z')),
    ).toBe('portofino-aapl-l-50pct-msft-l-50pct-2020-01-01-2022-12-28-benchmark-gspc-2026-11-24.xlsx');
    expect(reportFileName('"../../x"', new Date('2026-01-02T00:00:00Z'))).toBe('portofino-x-2026-01-02.xlsx');
    expect(reportFileName('%%%', new Date('2026-01-02T00:00:00Z'))).toBe('portofino-pctpctpct-2026-01-02.xlsx');
    expect(reportFileName('A'.repeat(200), new Date('2026-01-02T00:00:00Z'))).toBe(
      `portofino-${'a'.repeat(80)}-2026-01-02.xlsx`,
    );
  });
});
