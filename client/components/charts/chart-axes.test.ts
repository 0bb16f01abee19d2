import { describe, expect, it } from '@jest/globals';
import { calendarDay, growingAxisSize, percentTick } from './chart-axes';
import { logTickLabel } from './value-chart';

describe('percentTick', () => {
  it('writes as many decimals as the step between ticks has', () => {
    expect([0, 0.25, 0.5, 1.25].map((value) => percentTick(value, 0.25))).toEqual(['0%', '25%', '50%', '125%']);
    expect([-0.05, -0.025, 0].map((value) => percentTick(value, 0.025))).toEqual(['−5.0%', '−2.5%', '0.0%']);
    expect([0.0025, 0.005].map((value) => percentTick(value, 0.0025))).toEqual(['0.25%', '0.50%']);
    // Floating-point noise in the step or at zero does not add digits or a sign.
    expect(percentTick(-1e-17, 0.2 + 0.1 - 0.1)).toBe('0%');
  });
});

describe('calendarDay', () => {
  it('keeps the UTC calendar day whatever the time zone', () => {
    const day = calendarDay(Date.UTC(2009, 2, 6) / 1000);
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2009, 2, 6, 0]);
  });
});

describe('logTickLabel', () => {
  it('labels 1, 2 and 5 × 10ⁿ only', () => {
    expect([100_000, 200_000, 300_000, 500_000, 900_000, 1_000_000, 20_000_000].map(logTickLabel)).toEqual([
      '100K',
      '200K',
      '',
      '500K',
      '',
      '1M',
      '20M',
    ]);
    expect(logTickLabel(0)).toBe('');
  });
});

describe('growingAxisSize', () => {
  it('makes room for the longest label and never gives it back', () => {
    const size = growingAxisSize();
    const chart = null; // the size reads only the labels
    expect(size(chart, null)).toBe(48); // before the labels are known
    expect(size(chart, ['0', '10M', '20M'])).toBe(38); // 3 characters × 7.2 px + 16
    expect(size(chart, ['0', '1.5M', '2M'])).toBe(45);
    // Shorter labels (a smaller capital typed in the live preview) keep the width: the plot does not move.
    expect(size(chart, ['0', '5M'])).toBe(45);
    expect(size(chart, null)).toBe(45);
    // Each axis has its own.
    expect(growingAxisSize()(chart, ['0', '5M'])).toBe(31);
  });
});
