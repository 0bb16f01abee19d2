import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPriceMatrix, PriceMatrix } from '../engine/market/price-matrix';

/**
 * Loads the bundled sample prices (data/sample/prices.csv, from skfolio; for testing and
 * examples only, not investment use) into the engine's price matrix. Empty cells become NaN.
 */
export const SAMPLE_PRICES_PATH = join(__dirname, '..', '..', 'data', 'sample', 'prices.csv');

let cached: PriceMatrix | null = null;

export function loadSamplePrices(path: string = SAMPLE_PRICES_PATH): PriceMatrix {
  if (path === SAMPLE_PRICES_PATH && cached) return cached;
  const matrix = parseWidePriceCsv(readFileSync(path, 'utf8'));
  if (path === SAMPLE_PRICES_PATH) cached = matrix;
  return matrix;
}

/** Parses `Date,T1,T2,...` rows of adjusted closes into a row-major matrix. */
export function parseWidePriceCsv(text: string): PriceMatrix {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines.length < 2) throw new Error('price CSV has no data rows');
  const header = lines[0].split(',');
  if (header[0] !== 'Date') throw new Error(`price CSV must start with a Date column, found ${header[0]}`);
  const tickers = header.slice(1);
  const width = tickers.length;
  const dates: string[] = new Array<string>(lines.length - 1);
  const values = new Float64Array((lines.length - 1) * width);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    if (cells.length !== width + 1) throw new Error(`price CSV line ${r + 1} has ${cells.length} cells, expected ${width + 1}`);
    dates[r - 1] = cells[0];
    const offset = (r - 1) * width;
    for (let j = 0; j < width; j++) {
      const cell = cells[j + 1];
      values[offset + j] = cell === '' ? Number.NaN : Number(cell);
    }
  }
  return createPriceMatrix(dates, tickers, values);
}
