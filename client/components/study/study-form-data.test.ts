import { describe, expect, it } from '@jest/globals';
import { fieldErrors, formFieldOf, parseTickers, STUDY_FORM_DEFAULTS, studyRequestBody } from './study-form-data';

describe('studyRequestBody', () => {
  it('sends only the universe, the period, the method and the default 10,000 candidates when nothing else is set', () => {
    expect(studyRequestBody({ ...STUDY_FORM_DEFAULTS, tickers: 'aapl, msft  ko;xom msft' })).toEqual({
      tickers: ['AAPL', 'MSFT', 'KO', 'XOM'],
      start: '2010-01-01',
      end: '2022-12-28',
      method: 'random',
      candidates: 10_000,
    });
  });

  it('maps every field: constraints, bounds of the universe only, objectives and options as in a command', () => {
    const body = studyRequestBody({
      ...STUDY_FORM_DEFAULTS,
      tickers: 'AAPL KO XOM',
      start: '2000-01-03',
      end: '2020-12-31',
      method: 'both',
      candidates: '2000',
      seed: '42',
      concentration: '0.5',
      gridStepPercent: '12.5',
      allowShorts: true,
      maxHoldings: '2',
      defaultMinPercent: '-20',
      defaultMaxPercent: '60',
      bounds: {
        KO: { minPercent: '10', maxPercent: '' },
        XOM: { minPercent: '', maxPercent: '' },
        // Typed while MSFT was in the universe, then MSFT was removed: not sent.
        MSFT: { minPercent: '5', maxPercent: '50' },
      },
      maxDrawdownPercent: '25',
      targetCagrPercent: '8',
      rebalance: 'monthly',
      feePercent: '0.1',
      rfPercent: '2',
    });
    expect(body).toEqual({
      tickers: ['AAPL', 'KO', 'XOM'],
      start: '2000-01-03',
      end: '2020-12-31',
      method: 'both',
      candidates: 2000,
      seed: 42,
      concentration: 0.5,
      gridStepPercent: 12.5,
      constraints: {
        allowShorts: true,
        maxHoldings: 2,
        defaultBounds: { minPercent: -20, maxPercent: 60 },
        bounds: { KO: { minPercent: 10 } },
      },
      objectives: { maxDrawdownPercent: 25, targetCagrPercent: 8 },
      options: { rebalance: 'monthly', fee: '0.1%', rf: '2%' },
    });
  });

  it('leaves out what the method does not use', () => {
    const form = {
      ...STUDY_FORM_DEFAULTS,
      tickers: 'KO PEP',
      candidates: '500',
      concentration: '3',
      gridStepPercent: '10',
    };
    // A grid has no sampled candidates and no concentration.
    expect(studyRequestBody({ ...form, method: 'grid' })).toEqual({
      tickers: ['KO', 'PEP'],
      start: '2010-01-01',
      end: '2022-12-28',
      method: 'grid',
      gridStepPercent: 10,
    });
    // Uniform draws have no grid step and no concentration; Dirichlet draws have a concentration.
    expect(studyRequestBody({ ...form, method: 'random' })).not.toHaveProperty('gridStepPercent');
    expect(studyRequestBody({ ...form, method: 'random' })).not.toHaveProperty('concentration');
    expect(studyRequestBody({ ...form, method: 'dirichlet' })).toMatchObject({ candidates: 500, concentration: 3 });
    expect(studyRequestBody({ ...form, method: 'dirichlet' })).not.toHaveProperty('gridStepPercent');
  });

  it('reads the universe as upper-case tickers, each once', () => {
    expect(parseTickers(' brk-b ^gspc,BRK-B\n spy?l=2 ')).toEqual(['BRK-B', '^GSPC', 'SPY?L=2']);
    expect(parseTickers('   ')).toEqual([]);
  });
});

describe('fieldErrors', () => {
  it('puts each 422 problem under the field that holds the value', () => {
    expect(formFieldOf('tickers.3')).toBe('tickers');
    expect(formFieldOf('constraints.bounds.ko.minPercent')).toBe('bounds.KO.min');
    expect(formFieldOf('constraints.bounds.KO.maxPercent')).toBe('bounds.KO.max');
    expect(formFieldOf('constraints.defaultBounds.maxPercent')).toBe('defaultMaxPercent');
    expect(formFieldOf('options.fee')).toBe('feePercent');
    expect(formFieldOf('options.contribute')).toBe('form');
    expect(formFieldOf('topN')).toBe('form');
    expect(
      fieldErrors([
        { field: 'candidates', code: 'INVALID_FIELD', message: 'candidates must be 1 to 1,000,000' },
        {
          field: 'constraints.bounds.KO.minPercent',
          code: 'INVALID_FIELD',
          message: 'minPercent -10% is a short weight',
        },
        { field: 'candidates', code: 'TOO_MANY_CANDIDATES', message: 'over 1,000,000 with the grid' },
        'not a problem',
        { field: 'constraints', code: 'INFEASIBLE_CONSTRAINTS', message: 'no portfolio satisfies the bounds' },
      ]),
    ).toEqual({
      candidates: ['candidates must be 1 to 1,000,000', 'over 1,000,000 with the grid'],
      'bounds.KO.min': ['minPercent -10% is a short weight'],
      form: ['no portfolio satisfies the bounds'],
    });
  });
});
