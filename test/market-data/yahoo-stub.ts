import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(__dirname, 'fixtures', 'yahoo');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

export interface StubRequest {
  path: string;
  symbol: string;
  period1: number;
  period2: number;
}

/** Yahoo's chart reply for `symbol` keeping only the bars in [period1, period2), like Yahoo itself. */
function chartBetween(symbol: string, period1: number, period2: number): unknown {
  const normal = fixture('chart-ACME-normal.json') as {
    chart: {
      result: [
        {
          meta: Record<string, unknown>;
          timestamp: number[];
          events: Record<string, Record<string, { date: number }>>;
          indicators: { quote: [Record<string, unknown[]>]; adjclose: [{ adjclose: unknown[] }] };
        },
      ];
    };
  };
  const result = normal.chart.result[0];
  const keep = result.timestamp.map((t) => t >= period1 && t < period2);
  if (!keep.includes(true)) {
    const empty = fixture('chart-EMPTY-empty-range.json') as { chart: { result: [{ meta: Record<string, unknown> }] } };
    empty.chart.result[0].meta = { ...result.meta, symbol };
    return empty;
  }
  const pick = <T>(values: T[]) => values.filter((_, i) => keep[i]);
  const quote = result.indicators.quote[0];
  result.meta.symbol = symbol;
  if (symbol !== 'ACME') result.meta = { ...result.meta, longName: `${symbol} Holdings`, shortName: symbol };
  result.timestamp = pick(result.timestamp);
  for (const key of Object.keys(quote)) quote[key] = pick(quote[key]);
  result.indicators.adjclose[0].adjclose = pick(result.indicators.adjclose[0].adjclose);
  for (const kind of Object.keys(result.events)) {
    for (const [key, event] of Object.entries(result.events[kind])) {
      if (event.date < period1 || event.date >= period2) delete result.events[kind][key];
    }
  }
  return normal;
}

/** A local stand-in for query2.finance.yahoo.com on 127.0.0.1 (plain HTTP): YAHOO_BASE_URL points at it. */
export class YahooStub {
  readonly requests: StubRequest[] = [];
  private server!: Server;
  private flakyFailures = 0;
  /** Replies wait this long first (concurrency tests use it to overlap requests). */
  delayMs = 0;
  private readonly held = new Set<string>();
  private releases: (() => void)[] = [];

  /** Chart requests for these symbols wait, unanswered, until release() (or until their client goes away). */
  hold(...symbols: string[]): void {
    for (const symbol of symbols) this.held.add(symbol);
  }

  /** Answers every held request and holds nothing any more. */
  release(): void {
    this.held.clear();
    for (const release of this.releases.splice(0)) release();
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  chartRequests(symbol: string): StubRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/v8/finance/chart/') && r.symbol === symbol);
  }

  /** The asked ranges as ISO dates [period1, period2 - 1 day]. */
  chartRanges(symbol: string): string[] {
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
    return this.chartRequests(symbol).map((r) => `${iso(r.period1)}..${iso(r.period2 - 86_400)}`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stub');
    const symbol = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    const period1 = Number(url.searchParams.get('period1'));
    const period2 = Number(url.searchParams.get('period2'));
    this.requests.push({ path: url.pathname, symbol, period1, period2 });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    if (this.held.has(symbol)) {
      await new Promise<void>((resolve) => {
        this.releases.push(resolve);
        response.once('close', resolve);
      });
      if (response.destroyed) return;
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (url.pathname === '/v1/finance/search') return send(200, fixture('search-acme.json'));
    if (!url.pathname.startsWith('/v8/finance/chart/')) return send(404, { error: 'stub: unknown path' });
    switch (symbol) {
      case 'NOPE':
        return send(404, fixture('chart-NOPE-unknown-ticker.json'));
      case 'EMPTY':
        return send(200, fixture('chart-EMPTY-empty-range.json'));
      case 'BROKEN':
        return send(200, fixture('chart-BROKEN-malformed.json'));
      case 'SLOW':
        await new Promise((resolve) => setTimeout(resolve, 3000));
        if (response.destroyed) return;
        return send(200, chartBetween(symbol, period1, period2));
      case 'FLAKY':
        if (this.flakyFailures++ === 0) {
          response.writeHead(503, { 'content-type': 'text/html' });
          return void response.end('<html>Service Unavailable</html>');
        }
        return send(200, chartBetween(symbol, period1, period2));
      default:
        return send(200, chartBetween(symbol, period1, period2));
    }
  }
}
