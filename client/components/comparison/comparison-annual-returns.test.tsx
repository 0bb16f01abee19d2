import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { ComparisonAnnualReturns, annualReturnsSummary } from './comparison-annual-returns';
import { annualReturnsByMember } from './comparison-data';

// Tech: 2019-12-31 → 2020: +10% then −10% (1.1 × 0.9 − 1 = −1%); 2021: +20%.
// Cola from 2020-06-30 (own period): 2020: +5%; 2021 has no day.
const members = [
  {
    name: 'Tech',
    series: {
      dates: ['2019-12-31', '2020-03-02', '2020-09-01', '2021-02-01'],
      dailyReturn: [0, 0.1, -0.1, 0.2],
    },
  },
  { name: 'Cola', series: { dates: ['2020-06-30', '2020-07-01'], dailyReturn: [0, 0.05] } },
];

describe('annual returns as grouped bars', () => {
  it('gives one group per year (the union of the members’ years) and one value per member, null where none', () => {
    const data = annualReturnsByMember(members);
    expect(data.years).toEqual([2020, 2021]);
    expect(data.columns[0][0]).toBeCloseTo(-0.01, 12);
    expect(data.columns[0][1]).toBeCloseTo(0.2, 12);
    expect(data.columns[1][0]).toBeCloseTo(0.05, 12);
    expect(data.columns[1][1]).toBeNull();
  });

  it('summarises the chart in its accessible name and draws one bar per member and year', () => {
    const data = annualReturnsByMember(members);
    expect(annualReturnsSummary(['Tech', 'Cola'], data)).toBe(
      'Annual returns 2020–2021, one bar per portfolio each year: Tech best +20.00% in 2021, worst −1.00% in 2020; ' +
        'Cola best +5.00% in 2020, worst +5.00% in 2020',
    );
    render(<ComparisonAnnualReturns members={members} />);
    const chart = screen.getByRole('img', { name: /^Annual returns 2020–2021/ });
    const bars = [...chart.querySelectorAll('rect')].map((bar) => [
      bar.getAttribute('data-member'),
      bar.getAttribute('data-year'),
    ]);
    expect(bars).toEqual([
      ['0', '2020'],
      ['1', '2020'],
      ['0', '2021'],
    ]);
    // Within a year, member 0's bar is left of member 1's.
    const [first, second] = chart.querySelectorAll('rect');
    expect(Number(first.getAttribute('x'))).toBeLessThan(Number(second.getAttribute('x')));
  });
});
