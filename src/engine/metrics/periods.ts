/** Trading days per year, for annualising (QuantStats' default). */
export const PERIODS_PER_YEAR = 252;
