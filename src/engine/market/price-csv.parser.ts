import { createPriceMatrix, PriceMatrix, PriceMatrixError } from './price-matrix';

/**
 * Parses wide CSV text (`Date,T1,T2,...`, one row per date, adjusted closes) into a price matrix.
 * Empty cells are days without a price (NaN). Pure: the caller reads the file.
 */
export function parseWidePriceCsv(text: string): PriceMatrix {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines.length < 2) throw new PriceMatrixError('price CSV has no data rows');
  const header = lines[0].split(',');
  if (header[0] !== 'Date') throw new PriceMatrixError(`price CSV must start with a Date column, found ${header[0]}`);
  const tickers = header.slice(1);
  const width = tickers.length;
  const dates: string[] = new Array<string>(lines.length - 1);
  const values = new Float64Array((lines.length - 1) * width);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    if (cells.length !== width + 1) {
      throw new PriceMatrixError(`price CSV line ${r + 1} has ${cells.length} cells, expected ${width + 1}`);
    }
    dates[r - 1] = cells[0];
    const offset = (r - 1) * width;
    for (let j = 0; j < width; j++) {
      const cell = cells[j + 1];
      const price = cell === '' ? Number.NaN : Number(cell);
      if (cell !== '' && Number.isNaN(price)) {
        throw new PriceMatrixError(`price CSV line ${r + 1}: ${tickers[j]} price "${cell}" is not a number`);
      }
      values[offset + j] = price;
    }
  }
  return createPriceMatrix(dates, tickers, values);
}
