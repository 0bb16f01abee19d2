import { Injectable, Logger } from '@nestjs/common';
import YahooFinance from 'yahoo-finance2';
import { AppConfig } from '../../../config/app-config';
import { addDays } from '../date-ranges';
import type { AssetMetadata, DateRange } from '../market-data.types';
import {
  MarketDataProvider,
  ProviderSeries,
  ProviderTickerNotFoundError,
  ProviderUnavailableError,
} from './market-data.provider';
import { chartPeriod, seriesOfChart } from './yahoo-chart';

const YAHOO_ORIGIN = 'https://query2.finance.yahoo.com';
const BACKOFF_BASE_MS = 250;

/** Thrown by our fetch (below) so that yahoo-finance2 passes it through untouched. */
class YahooHttpProblem extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly transient: boolean,
    readonly unreachable = false,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Yahoo Finance through yahoo-finance2's `chart` API: daily adjusted and raw closes, dividends and splits,
 * and the ticker's name, currency, exchange and type. Every request has a time limit; transient failures
 * (HTTP 429/5xx, reset connections) are retried with exponential back-off; a network that cannot reach Yahoo
 * at all (DNS, refused, time-out) marks it offline for YAHOO_OFFLINE_SECONDS so later requests fall back to
 * the next source at once instead of waiting again. yahoo-finance2's queue limits requests in flight.
 */
@Injectable()
export class YahooProvider extends MarketDataProvider {
  readonly name = 'yahoo';
  private readonly logger = new Logger(YahooProvider.name);
  private readonly options: AppConfig['marketData']['yahoo'];
  private readonly client: InstanceType<typeof YahooFinance>;
  private offlineUntil = 0;

  constructor(config: AppConfig) {
    super();
    this.options = config.marketData.yahoo;
    const logger = this.logger;
    this.client = new YahooFinance({
      queue: { concurrency: this.options.concurrency },
      versionCheck: false,
      suppressNotices: ['yahooSurvey'],
      validation: { logErrors: false, logOptionsErrors: false },
      fetch: (input: string | URL | Request, init?: RequestInit) => this.fetch(input, init),
      logger: {
        // "Unsupported environment: Requires Node >= 22" on Node 20 is a warning about its own tests.
        info: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
        warn: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
        error: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
        debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
        dir: (...args: unknown[]) => logger.debug(args.map((a) => JSON.stringify(a)).join(' ')),
      },
    });
  }

  override isAvailable(): boolean {
    return Date.now() >= this.offlineUntil;
  }

  override retryAfterSeconds(): number {
    const remaining = Math.ceil((this.offlineUntil - Date.now()) / 1000);
    return remaining > 0 ? remaining : 30;
  }

  finalUntil(): string {
    // Today's bar (in any time zone) may still change: only days before yesterday (UTC) are final.
    return addDays(new Date().toISOString().slice(0, 10), -2);
  }

  /** Global fetch with a time limit, the configured origin, and HTTP failures classified before parsing. */
  private async fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const original = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = original.startsWith(YAHOO_ORIGIN)
      ? this.options.baseUrl + original.slice(YAHOO_ORIGIN.length)
      : original;
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      const reset = cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET';
      throw new YahooHttpProblem(
        null,
        timedOut
          ? `no answer within ${this.options.timeoutMs} ms`
          : `cannot reach Yahoo (${cause ?? (error as Error).message})`,
        reset,
        !reset,
      );
    }
    if (response.status === 404 && /\/v8\/finance\/chart\//.test(url)) {
      await response.body?.cancel();
      throw new YahooHttpProblem(404, 'not found', false);
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new YahooHttpProblem(response.status, `Yahoo answered HTTP ${response.status}`, true);
    }
    return response;
  }

  /** Runs one Yahoo call with retries; maps every failure to the provider errors. */
  private async call<T>(ticker: string, what: () => Promise<T>): Promise<T> {
    if (!this.isAvailable()) {
      throw new ProviderUnavailableError(this.name, 'Yahoo was unreachable moments ago', true, true);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await what();
      } catch (error) {
        if (error instanceof YahooHttpProblem && error.status === 404) {
          throw new ProviderTickerNotFoundError(this.name, ticker);
        }
        const problem =
          error instanceof YahooHttpProblem
            ? error
            : new YahooHttpProblem(
                null,
                `unexpected reply from Yahoo: ${(error as Error).message.slice(0, 300)}`,
                false,
              );
        if (problem.unreachable) {
          this.offlineUntil = Date.now() + this.options.offlineSeconds * 1000;
          this.logger.warn({ message: 'Yahoo unreachable: serving other sources', ticker, reason: problem.message });
          throw new ProviderUnavailableError(this.name, problem.message, true, true);
        }
        if (!problem.transient || attempt >= this.options.retries) {
          throw new ProviderUnavailableError(this.name, problem.message, problem.transient);
        }
        const delay = BACKOFF_BASE_MS * 4 ** attempt;
        this.logger.warn({
          message: 'Yahoo request failed, retrying',
          ticker,
          attempt: attempt + 1,
          delay,
          reason: problem.message,
        });
        await sleep(delay);
      }
    }
  }

  async fetchDaily(ticker: string, range: DateRange): Promise<ProviderSeries> {
    const { period1, period2 } = chartPeriod(range);
    const chart = await this.call(ticker, () =>
      this.client.chart(ticker, { period1, period2, interval: '1d', events: 'div|split', return: 'array' }),
    );
    return seriesOfChart(ticker, chart, range);
  }

  /** A chart request for the last ten days: Yahoo answers 404 for a ticker it does not know. */
  async knows(ticker: string): Promise<boolean> {
    const period2 = Math.floor(Date.now() / 1000);
    try {
      await this.call(ticker, () =>
        this.client.chart(ticker, { period1: period2 - 10 * 86_400, period2, interval: '1d', return: 'array' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ProviderTickerNotFoundError) return false;
      throw error;
    }
  }

  async search(query: string, limit: number): Promise<AssetMetadata[]> {
    try {
      const result = await this.call(query, () => this.client.search(query, { quotesCount: limit, newsCount: 0 }));
      return result.quotes
        .filter((quote) => quote.isYahooFinance === true && typeof quote.symbol === 'string')
        .slice(0, limit)
        .map((quote) => {
          const q = quote as {
            symbol: string;
            longname?: string;
            shortname?: string;
            exchDisp?: string;
            exchange?: string;
            quoteType?: string;
          };
          return {
            ticker: q.symbol.toUpperCase(),
            name: q.longname ?? q.shortname ?? null,
            currency: null,
            exchange: q.exchDisp ?? q.exchange ?? null,
            type: q.quoteType ?? null,
          };
        });
    } catch (error) {
      this.logger.debug({ message: 'Yahoo search failed', query, error: (error as Error).message });
      return [];
    }
  }
}
