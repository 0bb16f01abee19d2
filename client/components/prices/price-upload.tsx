'use client';

import { PriceUploadParser, type UploadParseResult } from '@engine/market/price-upload.parser';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useId, useRef, useState, type DragEvent } from 'react';
import { api, ApiError, errorMessage, unwrap, type Schemas } from '../../lib/api/client';
import styles from './price-upload.module.css';

/** The same ticker rule as the command language and the server (BRK-B, ^GSPC, 7203.T). */
const TICKER = /^\^?[A-Z0-9]+(?:[.\-=][A-Z0-9]+)*$/;
/** Rows shown at each end of the preview. */
const PREVIEW_ROWS = 5;
/** Lines read between two paints, so a large file does not freeze the page. */
const LINES_PER_STEP = 20_000;

type Uploaded = Schemas['UploadResultDto'];

interface ReadFile {
  name: string;
  bytes: number;
  text: string;
  parsed: UploadParseResult;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Reads the file with the server's own parser (src/engine/market/price-upload.parser.ts), a slice at a time. */
async function readCsv(text: string): Promise<UploadParseResult> {
  const parser = new PriceUploadParser(text, today());
  while (!parser.step(LINES_PER_STEP)) await new Promise((resolve) => setTimeout(resolve, 0));
  return parser.result();
}

/** The file's text (UTF-8). FileReader rather than Blob.text(): older browsers and jsdom have only the former. */
function fileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsText(file);
  });
}

/** "Ticker from the file name": MYFUND.csv → MYFUND, when it is one. */
function tickerFromFileName(name: string): string {
  const base = name.replace(/\.(csv|txt)$/i, '').toUpperCase();
  return TICKER.test(base) && base.length <= 20 ? base : '';
}

const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/**
 * Upload your own daily prices: drop or choose a CSV (our date,close,adj_close, Yahoo's export, semicolon-separated
 * files), see the rows as they will be stored and every bad line named, then store them for a ticker of yours.
 */
export function PriceUpload() {
  const linkedTicker = (useSearchParams().get('ticker') ?? '').toUpperCase();
  const [ticker, setTicker] = useState(linkedTicker);
  const [file, setFile] = useState<ReadFile | null>(null);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const tickerHintId = useId();

  const symbol = ticker.trim().toUpperCase();
  const tickerValid = TICKER.test(symbol) && symbol.length <= 20;
  const parsed = file?.parsed;
  const canUpload =
    !!parsed && parsed.totalProblems === 0 && parsed.rows.length > 0 && tickerValid && !uploading && !reading;

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setReading(true);
    setUploaded(null);
    setFailure(null);
    try {
      const text = await fileText(chosen);
      setFile({ name: chosen.name, bytes: chosen.size, text, parsed: await readCsv(text) });
      if (ticker.trim() === '') setTicker(tickerFromFileName(chosen.name));
    } catch (error) {
      setFile(null);
      setFailure(error);
    } finally {
      setReading(false);
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  };

  const upload = async () => {
    if (!file || !canUpload) return;
    setUploading(true);
    setFailure(null);
    try {
      const stored = unwrap(
        await api.POST('/assets/{ticker}/prices', {
          params: { path: { ticker: symbol } },
          body: file.text,
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv' },
        }),
      );
      setUploaded(stored);
    } catch (error) {
      setFailure(error);
    } finally {
      setUploading(false);
    }
  };

  const serverProblems =
    failure instanceof ApiError
      ? failure.details.filter(
          (detail): detail is { line: number; message: string } =>
            typeof (detail as { line?: unknown }).line === 'number' &&
            typeof (detail as { message?: unknown }).message === 'string',
        )
      : [];

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Your prices</h1>
      <p className="muted">
        Upload daily prices for a fund, a private index or any ticker no source has. They are yours only: in your
        commands they replace the public prices of that ticker.
      </p>

      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title" className={styles.label}>
          Upload a CSV
        </h2>
        <div
          className={dragging ? `${styles.dropZone} ${styles.dragging}` : styles.dropZone}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>
            Drop a CSV file here, or{' '}
            <button type="button" className="button secondary" onClick={() => input.current?.click()}>
              choose a file
            </button>
          </p>
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-label="CSV file"
            className={styles.fileInput}
            onChange={(event) => void choose(event.target.files?.[0])}
          />
          <p className={`muted ${styles.formats}`}>
            Read as they are: <code>date,close,adj_close</code>, Yahoo&apos;s export (
            <code>Date,Open,High,Low,Close,Adj Close,Volume</code>), semicolon- or tab-separated files with decimal
            commas, a header in any case. Dates YYYY-MM-DD; every line is checked.
          </p>
        </div>

        {reading && (
          <p role="status" className="muted">
            Reading the file…
          </p>
        )}

        {file && parsed && <FilePreview file={file} parsed={parsed} />}

        <div className={styles.uploadRow}>
          <label className={styles.tickerField}>
            <span>Ticker</span>
            <input
              className={styles.ticker}
              value={ticker}
              onChange={(event) => setTicker(event.target.value.toUpperCase())}
              aria-describedby={tickerHintId}
              aria-invalid={ticker !== '' && !tickerValid}
              autoCapitalize="characters"
              spellCheck={false}
            />
          </label>
          <button type="button" className="button" disabled={!canUpload} onClick={() => void upload()}>
            {uploading ? 'Uploading…' : 'Upload prices'}
          </button>
        </div>
        <p id={tickerHintId} className={`muted ${styles.tickerHint}`}>
          {ticker !== '' && !tickerValid
            ? 'A ticker is letters, digits and . - = (an index may start with ^), at most 20 characters.'
            : 'The name to use in your commands, e.g. MYFUND.'}
        </p>

        {uploaded && (
          <div role="status" className={styles.success}>
            <p>
              Stored {uploaded.rows.toLocaleString('en-US')} rows of <strong>{uploaded.ticker}</strong>, from{' '}
              {uploaded.available.start} to {uploaded.available.end}.
            </p>
            <p>
              <Link
                href={`/?command=${encodeURIComponent(
                  `${uploaded.ticker}-L-100% ${uploaded.available.start} ${uploaded.available.end}`,
                )}`}
              >
                Backtest {uploaded.ticker} in the workspace
              </Link>
            </p>
          </div>
        )}
        {failure !== null && (
          <div role="alert" className="error-box">
            <p>The prices were not stored: {errorMessage(failure)}</p>
            {serverProblems.length > 0 && (
              <ul aria-label="Bad lines the server found">
                {serverProblems.map((problem, index) => (
                  <li key={`${problem.line}-${index}`}>
                    Line {problem.line}: {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

/** What the file holds as it will be stored: the format read, the first and last rows, and every bad line. */
function FilePreview({ file, parsed }: { file: ReadFile; parsed: UploadParseResult }) {
  const { rows, problems, totalProblems, format } = parsed;
  const head = rows.slice(0, PREVIEW_ROWS);
  const tail = rows.length > 2 * PREVIEW_ROWS ? rows.slice(-PREVIEW_ROWS) : rows.slice(PREVIEW_ROWS);
  const skipped = rows.length - head.length - tail.length;
  return (
    <div className={styles.preview} aria-label="Preview">
      <p>
        <strong>{file.name}</strong> ({(file.bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KB):{' '}
        {rows.length.toLocaleString('en-US')} good row{rows.length === 1 ? '' : 's'}
        {rows.length > 0 && ` from ${rows[0].date} to ${rows[rows.length - 1].date}`}
        {totalProblems > 0 && `, ${totalProblems.toLocaleString('en-US')} bad line${totalProblems === 1 ? '' : 's'}`}.
      </p>
      {format && (
        <p className="muted">
          Read as {DELIMITER_NAMES[format.delimiter]}-separated{format.decimalComma ? ' with decimal commas' : ''}: date
          from “{format.columns.date}”{format.columns.close !== null && `, close from “${format.columns.close}”`}
          {format.columns.adjClose !== null
            ? `, adjusted close from “${format.columns.adjClose}”`
            : ' (no adjusted close: the close is used)'}
          {format.ignored.length > 0 && `; not used: ${format.ignored.join(', ')}`}.
        </p>
      )}
      {totalProblems > 0 && (
        <div role="alert" className="error-box">
          <p>
            Fix {totalProblems === 1 ? 'this line' : `these ${totalProblems.toLocaleString('en-US')} lines`} and choose
            the file again: nothing is stored while one line is bad.
          </p>
          <ul aria-label="Bad lines">
            {problems.map((problem, index) => (
              <li key={`${problem.line}-${index}`}>
                Line {problem.line}: {problem.message}
              </li>
            ))}
          </ul>
          {totalProblems > problems.length && (
            <p>…and {(totalProblems - problems.length).toLocaleString('en-US')} more.</p>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <table aria-label="Parsed rows" className={styles.rows}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Close</th>
              <th scope="col">Adjusted close</th>
            </tr>
          </thead>
          <tbody>
            {head.map((row) => (
              <PriceRow key={row.date} {...row} />
            ))}
            {skipped > 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  … {skipped.toLocaleString('en-US')} more rows …
                </td>
              </tr>
            )}
            {tail.map((row) => (
              <PriceRow key={row.date} {...row} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function PriceRow({ date, close, adjClose }: { date: string; close: number | null; adjClose: number }) {
  return (
    <tr>
      <td>{date}</td>
      <td>{close === null ? '—' : close}</td>
      <td>{adjClose}</td>
    </tr>
  );
}
