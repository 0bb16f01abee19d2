import { correlationMatrix } from './correlation-matrix';

describe('the correlation of three members on a calendar where one skips a day', () => {
  // A: returns 0.1, −0.1, 0.2, 0 on days 2..5. B skips day 3: its return on day 4 is the growth from day 2.
  // C: all returns 0 (cash): constant, so its correlations are undefined (null), not NaN.
  const A = { dates: ['d1', 'd2', 'd3', 'd4', 'd5'], dailyReturn: [0, 0.1, -0.1, 0.2, 0] };
  const B = { dates: ['d1', 'd2', 'd4', 'd5'], dailyReturn: [0, 0.05, 0.1, -0.05] };
  const C = { dates: ['d1', 'd2', 'd3', 'd4', 'd5'], dailyReturn: [0, 0, 0, 0, 0] };
  const result = correlationMatrix([A, B, C]);

  it('compounds A over the day B skips: common dates d1 d2 d4 d5, three returns', () => {
    expect(result.commonDates).toBe(4);
    expect(result.observations).toBe(3);
  });

  it('correlates A and B exactly', () => {
    // A's growth 1, 1.1, 0.99 (d3), 1.188, 1.188 → on common dates: 1, 1.1, 1.188, 1.188.
    // A's returns: 0.1, 1.188/1.1 − 1 = 0.08, 0. B's: 0.05, 0.1, −0.05.
    // Means: A 0.06, B 0.0333…; deviations A (0.04, 0.02, −0.06), B (0.01667, 0.06667, −0.08333).
    // Σab = 0.04·0.016667 + 0.02·0.066667 + 0.06·0.083333 = 0.000666667 + 0.001333333 + 0.005 = 0.007
    // Σa² = 0.0016 + 0.0004 + 0.0036 = 0.0056; Σb² = 0.000277778 + 0.004444444 + 0.006944444 = 0.011666667
    // r = 0.007 / √(0.0056 · 0.011666667) = 0.007 / 0.008082904 = 0.866025404 (√3 / 2).
    expect(result.matrix[0][1]).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(result.matrix[1][0]).toBe(result.matrix[0][1]);
    expect(result.matrix[0][0]).toBe(1);
    expect(result.matrix[1][1]).toBe(1);
  });

  it('leaves the constant member’s row and column null', () => {
    expect(result.matrix[2]).toEqual([null, null, null]);
    expect(result.matrix.map((row) => row[2])).toEqual([null, null, null]);
  });

  it('has no correlation at all with fewer than two returns', () => {
    const short = correlationMatrix([
      { dates: ['d1', 'd2'], dailyReturn: [0, 0.1] },
      { dates: ['d1', 'd2'], dailyReturn: [0, 0.2] },
    ]);
    expect(short).toEqual({
      commonDates: 2,
      observations: 1,
      matrix: [
        [null, null],
        [null, null],
      ],
    });
  });
});
