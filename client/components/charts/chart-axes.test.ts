import { describe, expect, it } from '@jest/globals';
import { calendarDay, percentTick } from './chart-axes';

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
