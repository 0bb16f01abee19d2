import { isIsoDate } from './trading-calendar';

/** One day of an uploaded series. */
export interface UploadedPrice {
  date: string;
  /** Raw close; null when the file has adjusted closes only. */
  close: number | null;
  /** Adjusted close (what simulations use); the close when the file has no adjusted column. */
  adjClose: number;
}

/** A bad line: its number in the file (1 = the header) and what is wrong with it. */
export interface UploadProblem {
  line: number;
  message: string;
}

/** How the file was read, for people to check (the dashboard's preview shows it). */
export interface UploadFormat {
  delimiter: ',' | ';' | '\t';
  /** Numbers written with a decimal comma (101,25), as in semicolon-separated files from European spreadsheets. */
  decimalComma: boolean;
  /** The header's own names of the columns read, e.g. { date: 'Date', close: 'Close', adjClose: 'Adj Close' }. */
  columns: { date: string; close: string | null; adjClose: string | null };
  /** Columns present and not read (Yahoo's Open, High, Low, Volume). */
  ignored: string[];
}

export interface UploadParseResult {
  /** Every good row, sorted by date (also when some lines are bad: the preview shows them). */
  rows: UploadedPrice[];
  /** The first MAX_LISTED_PROBLEMS problems, in line order. */
  problems: UploadProblem[];
  /** All problems found (problems lists at most MAX_LISTED_PROBLEMS of them). */
  totalProblems: number;
  /** Null when the header could not be read. */
  format: UploadFormat | null;
  /** Data lines read (blank lines not counted). */
  lines: number;
}

/** At most this many problems are listed (totalProblems says how many there were). */
export const MAX_LISTED_PROBLEMS = 100;
/** The earliest date accepted: older ones are typing errors (year 0000, 0202) rather than prices. */
export const EARLIEST_UPLOAD_DATE = '1600-01-01';
/** Prices outside [MIN_PRICE, MAX_PRICE] are refused as implausible (1e-320, a misplaced exponent). */
export const MIN_PRICE = 1e-9;
export const MAX_PRICE = 1e12;

/** Header names (lower case, without spaces, _ and -) of each column read. */
const DATE_NAMES = new Set(['date', 'day', 'datetime', 'timestamp']);
const CLOSE_NAMES = new Set(['close', 'closeprice', 'price', 'last']);
const ADJ_CLOSE_NAMES = new Set(['adjclose', 'adjustedclose', 'adjclosingprice', 'closeadjusted']);

const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replace(/""/g, '"').trim()
    : trimmed;
}

const normalizedName = (cell: string) =>
  unquote(cell)
    .toLowerCase()
    .replace(/[\s_\-.*]/g, '');

/** The delimiter of a header line: the one of , ; tab that splits it into the most cells. */
function delimiterOf(header: string): UploadFormat['delimiter'] {
  const count = (c: string) => header.split(c).length;
  const semicolons = count(';');
  const tabs = count('\t');
  const commas = count(',');
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas) return '\t';
  return ',';
}

function readHeader(header: string): UploadFormat | string {
  const delimiter = delimiterOf(header);
  const names = header.split(delimiter).map(unquote);
  const find = (accepted: Set<string>) => names.findIndex((name) => accepted.has(normalizedName(name)));
  const date = find(DATE_NAMES);
  const close = find(CLOSE_NAMES);
  const adjClose = find(ADJ_CLOSE_NAMES);
  if (date < 0 || (close < 0 && adjClose < 0)) {
    return (
      `the header must name a date column and a close or adjusted close column ` +
      `(date,close,adj_close or Yahoo's Date,Open,High,Low,Close,Adj Close,Volume; any case, comma or semicolon), found "${header}"`
    );
  }
  const used = new Set([date, close, adjClose]);
  return {
    delimiter,
    decimalComma: false,
    columns: {
      date: names[date],
      close: close >= 0 ? names[close] : null,
      adjClose: adjClose >= 0 ? names[adjClose] : null,
    },
    ignored: names.filter((name, index) => !used.has(index) && name !== ''),
  };
}

/**
 * Reads an uploaded daily price series a slice of lines at a time (so a server can let other work run between two
 * slices of a 5 MB file), checking every line: a real date YYYY-MM-DD between EARLIEST_UPLOAD_DATE and `today`, no
 * date twice, prices between MIN_PRICE and MAX_PRICE. The shapes people have are read as they are: our own
 * `date,close[,adj_close]`, Yahoo's export `Date,Open,High,Low,Close,Adj Close,Volume`, semicolon- or
 * tab-separated files (with decimal commas too), any case, quoted cells, a BOM, CRLF, blank lines.
 * Pure: no I/O; the caller passes today's date.
 */
export class PriceUploadParser {
  private readonly text: string;
  private position = 0;
  private lineNumber = 0;
  private format: UploadFormat | null = null;
  private indexes = { date: -1, close: -1, adjClose: -1, width: 0 };
  private readonly rows: UploadedPrice[] = [];
  private readonly problems: UploadProblem[] = [];
  private totalProblems = 0;
  private readonly lineOfDate = new Map<string, number>();
  private dataLines = 0;
  private done = false;

  constructor(
    text: string,
    private readonly today: string,
  ) {
    this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Reads up to `maxLines` more lines; true once the whole text is read. */
  step(maxLines: number): boolean {
    for (let read = 0; read < maxLines && !this.done; read++) {
      const line = this.nextLine();
      if (line === null) {
        this.finish();
        break;
      }
      if (this.lineNumber === 1) this.readHeaderLine(line);
      else if (this.format !== null && line.trim() !== '') this.readRow(line);
    }
    return this.done;
  }

  /** What was read so far (the whole file, sorted, once step() returned true). */
  result(): UploadParseResult {
    return {
      rows: this.rows,
      problems: this.problems,
      totalProblems: this.totalProblems,
      format: this.format,
      lines: this.dataLines,
    };
  }

  private finish(): void {
    this.done = true;
    if (this.format !== null && this.rows.length === 0 && this.totalProblems === 0) {
      this.problem(2, 'the file has no price rows');
    }
    sortByDate(this.rows);
  }

  private nextLine(): string | null {
    if (this.position >= this.text.length && this.lineNumber > 0) return null;
    const end = this.text.indexOf('\n', this.position);
    const stop = end < 0 ? this.text.length : end;
    const line = this.text.slice(this.position, stop > this.position && this.text[stop - 1] === '\r' ? stop - 1 : stop);
    this.position = stop + 1;
    this.lineNumber += 1;
    return line;
  }

  private problem(line: number, message: string): void {
    this.totalProblems += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ line, message });
  }

  private readHeaderLine(line: string): void {
    const header = readHeader(line.trim());
    if (typeof header === 'string') {
      this.problem(1, header);
      this.done = true;
      return;
    }
    const names = line.trim().split(header.delimiter).map(unquote);
    this.format = header;
    this.indexes = {
      date: names.indexOf(header.columns.date),
      close: header.columns.close === null ? -1 : names.indexOf(header.columns.close),
      adjClose: header.columns.adjClose === null ? -1 : names.indexOf(header.columns.adjClose),
      width: names.length,
    };
  }

  private readRow(line: string): void {
    const format = this.format as UploadFormat;
    const lineNumber = this.lineNumber;
    this.dataLines += 1;
    const cells = line.split(format.delimiter);
    if (cells.length !== this.indexes.width) {
      this.problem(
        lineNumber,
        `expected ${this.indexes.width} values separated by "${format.delimiter === '\t' ? 'tab' : format.delimiter}", found ${cells.length}`,
      );
      return;
    }
    const before = this.totalProblems;
    const written = unquote(cells[this.indexes.date]);
    // A time after the date (2024-01-02 00:00:00, 2024-01-02T00:00:00Z) says nothing for daily prices.
    const date = written.length > 10 && (written[10] === ' ' || written[10] === 'T') ? written.slice(0, 10) : written;
    if (!isIsoDate(date)) this.problem(lineNumber, `date "${date}" is not a calendar date YYYY-MM-DD`);
    else if (date < EARLIEST_UPLOAD_DATE) {
      this.problem(lineNumber, `date ${date} is before ${EARLIEST_UPLOAD_DATE}: not a plausible trading day`);
    } else if (date > this.today) this.problem(lineNumber, `date ${date} is in the future (today is ${this.today})`);
    else if (this.lineOfDate.has(date)) {
      this.problem(lineNumber, `date ${date} already appears on line ${this.lineOfDate.get(date)}`);
    }
    const close = this.indexes.close >= 0 ? this.price(cells[this.indexes.close], format.columns.close!) : null;
    const adjusted =
      this.indexes.adjClose >= 0 ? this.price(cells[this.indexes.adjClose], format.columns.adjClose!) : close;
    if (this.totalProblems > before || close === undefined || adjusted === undefined || adjusted === null) return;
    this.lineOfDate.set(date, lineNumber);
    this.rows.push({ date, close, adjClose: adjusted });
  }

  /** A price cell as a number, or undefined after naming the problem. */
  private price(raw: string, column: string): number | undefined {
    const format = this.format as UploadFormat;
    let cell = unquote(raw);
    // "101,25" in a semicolon- or tab-separated file: a decimal comma.
    if (format.delimiter !== ',' && /^[+]?\d*,\d+([eE][+-]?\d+)?$/.test(cell)) {
      cell = cell.replace(',', '.');
      format.decimalComma = true;
    }
    const lineNumber = this.lineNumber;
    if (!NUMBER.test(cell)) {
      this.problem(lineNumber, `${column} "${unquote(raw)}" is not a positive number`);
      return undefined;
    }
    const value = Number(cell);
    if (!(value > 0) || !Number.isFinite(value)) {
      this.problem(lineNumber, `${column} "${unquote(raw)}" is not a positive number`);
      return undefined;
    }
    if (value < MIN_PRICE || value > MAX_PRICE) {
      this.problem(
        lineNumber,
        `${column} ${unquote(raw)} is not a plausible price (between ${MIN_PRICE} and ${MAX_PRICE.toExponential()})`,
      );
      return undefined;
    }
    return value;
  }
}

/** Puts the rows in ascending date order: files are mostly in order already (or newest first), so sorting is rare. */
function sortByDate(rows: UploadedPrice[]): void {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < rows.length && (ascending || descending); i++) {
    if (rows[i].date < rows[i - 1].date) ascending = false;
    else descending = false;
  }
  if (ascending) return;
  if (descending) rows.reverse();
  else rows.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Reads a whole upload at once (small files, the dashboard's preview, tests). */
export function parsePriceUpload(text: string, today: string): UploadParseResult {
  const parser = new PriceUploadParser(text, today);
  parser.step(Number.POSITIVE_INFINITY);
  return parser.result();
}
