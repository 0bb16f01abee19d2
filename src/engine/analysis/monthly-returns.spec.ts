import { monthlyReturnsFromDaily } from './monthly-returns';

describe('monthly returns from a daily series', () => {
  it('compounds each calendar month and drops a partial first and last month', () => {
    // Row 0 is 2024-01-17 (mid-January: January is partial and dropped). February compounds
    // 10 % and −5 %: 1.1 × 0.95 − 1 = 4.5 %. March compounds 2 % twice: 4.04 %. The run ends on
    // 2024-04-10, far from April's end: April is dropped.
    const dates = ['2024-01-17', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-28', '2024-04-10'];
    const daily = [0, 0.03, 0.1, -0.05, 0.02, 0.02, 0.01];
    const monthly = monthlyReturnsFromDaily(dates, daily);
    expect(monthly.months).toEqual(['2024-02', '2024-03']);
    expect(monthly.returns[0]).toBeCloseTo(0.045, 15);
    expect(monthly.returns[1]).toBeCloseTo(0.0404, 15);
    expect(monthly).toMatchObject({ droppedFirstMonth: true, droppedLastMonth: true });
  });

  it('keeps months the run covers to within 5 calendar days at either end', () => {
    // Row 0 on 2024-01-02 (January's first trading day: only its own return is missing) and the
    // last row on 2024-02-28 (a Wednesday; the 29th is within the tolerance): both months count.
    const dates = ['2024-01-02', '2024-01-03', '2024-01-31', '2024-02-01', '2024-02-28'];
    const monthly = monthlyReturnsFromDaily(dates, [0, 0.01, 0.01, -0.02, 0.03]);
    expect(monthly.months).toEqual(['2024-01', '2024-02']);
    expect(monthly.returns[0]).toBeCloseTo(1.01 * 1.01 - 1, 15);
    expect(monthly.returns[1]).toBeCloseTo(0.98 * 1.03 - 1, 15);
    expect(monthly).toMatchObject({ droppedFirstMonth: false, droppedLastMonth: false });
  });

  it('counts the first month whole when row 0 closes the month before', () => {
    const dates = ['2023-12-29', '2024-01-02', '2024-01-31'];
    expect(monthlyReturnsFromDaily(dates, [0, 0.01, 0.02]).months).toEqual(['2024-01']);
  });
});
