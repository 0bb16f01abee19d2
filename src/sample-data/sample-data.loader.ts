import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWidePriceCsv } from '../engine/market/price-csv.parser';
import { PriceMatrix } from '../engine/market/price-matrix';

/**
 * The bundled sample prices (data/sample/prices.csv): adjusted closes of 20 US stocks and ^GSPC,
 * 1990-01-02..2022-12-28, from skfolio (BSD-3). For testing and examples only, not investment use.
 */
export const SAMPLE_PRICES_PATH = join(__dirname, '..', '..', 'data', 'sample', 'prices.csv');

const cache = new Map<string, PriceMatrix>();

/** Reads and parses the sample prices once per path; the engine itself does no I/O. */
export function loadSamplePrices(path: string = SAMPLE_PRICES_PATH): PriceMatrix {
  let matrix = cache.get(path);
  if (!matrix) {
    matrix = parseWidePriceCsv(readFileSync(path, 'utf8'));
    cache.set(path, matrix);
  }
  return matrix;
}
