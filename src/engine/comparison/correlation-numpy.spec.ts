import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correlationMatrix } from './correlation-matrix';

interface Fixture {
  members: { name: string; dates: string[]; dailyReturn: number[] }[];
  expected: { commonDates: number; observations: number; matrix: number[][] };
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', '__fixtures__', 'comparison-correlation.json'), 'utf8'),
) as Fixture;

describe('the correlation matrix of four sample-price members with different calendars, against numpy', () => {
  // scripts/comparison/generate_correlation_fixture.py: AAPL over 2019; MSFT on a calendar missing every fifth
  // day; KO/PEP 50/50 daily; XOM 2019-03-01..2019-10-31. numpy.corrcoef of pandas' inner-joined growth returns.
  const result = correlationMatrix(fixture.members);

  it('correlates the 136 returns between the 137 dates all four have', () => {
    expect(result.commonDates).toBe(137);
    expect(result.observations).toBe(136);
    expect(fixture.expected).toMatchObject({ commonDates: 137, observations: 136 });
  });

  it('matches numpy.corrcoef to 1e-12 in every cell', () => {
    result.matrix.forEach((row, i) =>
      row.forEach((value, j) => {
        expect(value).not.toBeNull();
        expect(Math.abs((value as number) - fixture.expected.matrix[i][j])).toBeLessThan(1e-12);
      }),
    );
  });

  it('is symmetric with ones on the diagonal', () => {
    result.matrix.forEach((row, i) => {
      expect(row[i]).toBe(1);
      row.forEach((value, j) => expect(value).toBe(result.matrix[j][i]));
    });
    // The two figures the fixture's generator printed: AAPL–MSFT and KO/PEP–XOM.
    expect(result.matrix[0][1]).toBeCloseTo(0.540190883358, 12);
    expect(result.matrix[2][3]).toBeCloseTo(0.22812397296, 11);
  });
});
