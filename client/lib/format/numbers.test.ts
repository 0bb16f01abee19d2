import { describe, expect, it } from '@jest/globals';
import { formatMoney, formatPercent, formatRatio, formatSignedPercent, signClass } from './numbers';

describe('number formats', () => {
  it('writes fractions as percents and missing values as a dash', () => {
    expect(formatPercent(0.123456)).toBe('12.35%');
    expect(formatPercent(-0.3378, 1)).toBe('−33.8%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatSignedPercent(0.031)).toBe('+3.10%');
    expect(formatSignedPercent(-0.02)).toBe('−2.00%');
    expect(formatRatio(-0.456)).toBe('−0.46');
    expect(formatMoney(123456.7)).toBe('123,457');
    expect(signClass(-0.1)).toBe('loss');
    expect(signClass(0)).toBe('');
  });
});
