import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWidePriceCsv } from '../market/price-csv.parser';
import { PriceMatrix } from '../market/price-matrix';

/** Test helper: the committed sample prices (data/sample/prices.csv), parsed once per test file. */
let matrix: PriceMatrix | null = null;

export function samplePrices(): PriceMatrix {
  matrix ??= parseWidePriceCsv(readFileSync(join(__dirname, '..', '..', '..', 'data', 'sample', 'prices.csv'), 'utf8'));
  return matrix;
}
