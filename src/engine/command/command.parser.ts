import { CommandError, CommandErrorCode, CommandParseError } from './command.errors';
import { daysInMonth } from '../dates/iso-days';
import {
  CASH_TICKER,
  COMMAND_LIMITS,
  CommandOptions,
  Contribution,
  ContributionPeriod,
  DEFAULT_OPTIONS,
  InflationOption,
  PortfolioCommand,
  Position,
  RateOption,
  RebalancePolicy,
  Side,
} from './command.types';
import { formatCanonicalCommand } from './command.canonical';
import { nearestName } from './nearest-name';
import { parseTickerExpression, PLAIN_TICKER, TICKER_LIMITS, TickerExpressionError } from './ticker-expression';

export type ParseResult =
  { ok: true; command: PortfolioCommand; canonical: string } | { ok: false; errors: CommandError[] };

export const OPTION_NAMES = [
  'capital',
  'rebalance',
  'fee',
  'rf',
  'benchmark',
  'contribute',
  'cash',
  'borrow',
  'inflation',
] as const;
type OptionName = (typeof OPTION_NAMES)[number];

/**
 * Options added after the first release: `name=value` with two or more `-` stays a position for them, as it was
 * before they existed (`CASH=X-L-10%` is the ticker CASH=X), so no command accepted then reads differently now.
 */
const LATER_OPTION_NAMES: ReadonlySet<string> = new Set(['cash', 'borrow', 'inflation']);

export const REBALANCE_VALUES = ['none', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export const CONTRIBUTION_PERIODS: readonly ContributionPeriod[] = ['month', 'quarter', 'year'];

const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const DATE_STRICT = /^(\d{4})-(\d{2})-(\d{2})$/;
const OPTION_LIKE = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const TICKER = PLAIN_TICKER;
const UNSIGNED_DECIMAL = /^\d+(?:\.(\d+))?$/;
const PERCENT = /^(\d+(?:\.(\d+))?)%$/;
const SIGNED_PERCENT = /^([+-]?\d+(?:\.(\d+))?)%$/;
const SIGNED_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
/** Money amounts: at most two decimals. */
const MONEY = /^\d+(?:\.\d{1,2})?$/;
const SIGNED_MONEY = /^[+-]?\d+(?:\.\d{1,2})?$/;

interface Token {
  text: string;
  column: number;
}

/** Parses a command; never throws. Returns the command with defaults filled in, or every error. */
export function parseCommand(input: string): ParseResult {
  return new CommandParserRun(String(input)).run();
}

/** Same as `parseCommand` but throws a `CommandParseError` carrying all errors. */
export function parseCommandOrThrow(input: string): { command: PortfolioCommand; canonical: string } {
  const result = parseCommand(input);
  if (!result.ok) throw new CommandParseError(result.errors);
  return { command: result.command, canonical: result.canonical };
}

class CommandParserRun {
  private readonly errors: CommandError[] = [];
  private readonly positions: Position[] = [];
  private readonly positionTokens: Token[] = [];
  private readonly dateTokens: Token[] = [];
  private readonly optionTokens = new Map<OptionName, Token>();
  private readonly options: CommandOptions = { ...DEFAULT_OPTIONS };
  private positionSyntaxFailed = false;

  constructor(private readonly input: string) {}

  run(): ParseResult {
    if (this.input.length > COMMAND_LIMITS.maxLength) {
      this.fail(
        'INPUT_TOO_LONG',
        { text: this.input.slice(0, 20), column: COMMAND_LIMITS.maxLength + 1 },
        `command is ${this.input.length} characters long, the limit is ${COMMAND_LIMITS.maxLength}`,
        `at most ${COMMAND_LIMITS.maxLength} characters`,
        'shorten the command or split it into several portfolios',
        false,
      );
      return { ok: false, errors: this.errors };
    }
    const tokens = tokenize(this.input);
    if (tokens.length === 0) {
      this.fail(
        'EMPTY_COMMAND',
        { text: '', column: 1 },
        'the command is empty',
        'positions TICKER-SIDE-WEIGHT% then start and end dates YYYY-MM-DD',
        'example: AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
        false,
      );
      return { ok: false, errors: this.errors };
    }
    for (const token of tokens) this.classify(token);
    this.checkPositions();
    const dates = this.checkDates();
    if (this.errors.length > 0) {
      this.errors.sort((a, b) => a.column - b.column);
      return { ok: false, errors: this.errors };
    }
    const command: PortfolioCommand = {
      positions: this.positions,
      start: dates.start,
      end: dates.end,
      options: this.options,
    };
    return { ok: true, command, canonical: formatCanonicalCommand(command) };
  }

  private classify(token: Token): void {
    const { text } = token;
    const shape = tokenShape(text);
    if (shape === 'date') this.dateTokens.push(token);
    else if (shape === 'option') {
      const option = OPTION_LIKE.exec(text)!;
      this.parseOption(token, option[1], option[2]);
    } else if (shape === 'position') this.parsePosition(token);
    else this.unknownToken(token);
  }

  private unknownToken(token: Token): void {
    // It may be a position written wrongly: do not also claim the portfolio has none.
    this.positionSyntaxFailed = true;
    const option = nearestName(token.text, OPTION_NAMES);
    let hint: string;
    if (option) hint = `did you mean the option ${option}=...? options are written key=value`;
    else if (/^\^?[A-Za-z0-9.]+$/.test(token.text))
      hint = `a position needs a side and a weight, e.g. ${token.text.toUpperCase()}-L-50%`;
    else hint = 'remove the token or correct its spelling';
    this.fail(
      'UNKNOWN_TOKEN',
      token,
      'not a position, a date or an option',
      'a position TICKER-SIDE-WEIGHT%, a date YYYY-MM-DD or an option key=value',
      hint,
    );
  }

  /**
   * A position in named steps: its three parts (from the right), the ticker, the side and the weight (every error
   * of each reported), then its place among the others (duplicates, the limit).
   */
  private parsePosition(token: Token): void {
    const parts = token.text.split('-');
    if (parts.length < 3) {
      this.positionFormatError(token, parts);
      return;
    }
    // Parse from the right: weight, side, and everything before is the ticker (BRK-B-L-10%).
    const weightText = parts[parts.length - 1];
    const sideText = parts[parts.length - 2];
    const tickerText = parts.slice(0, -2).join('-');
    const ticker = this.parsePositionTicker(token, tickerText);
    const side = this.parseSide(token, tickerText.toUpperCase(), sideText, weightText);
    const weightPercent = this.parseWeight(token, weightText);
    if (ticker === null || weightPercent === null || side === null) {
      this.positionSyntaxFailed = true;
      return;
    }
    this.addPosition(token, { ticker, side, weightPercent });
  }

  /** A token with fewer than three parts: what is missing, and how to write it. */
  private positionFormatError(token: Token, parts: string[]): void {
    this.positionSyntaxFailed = true;
    const last = parts[parts.length - 1];
    const looksLikeWeight = /^[\d.]+%?$/.test(last);
    const ticker = parts.length === 2 ? parts[0].toUpperCase() : looksLikeWeight ? '' : parts[0].toUpperCase();
    let problem: string;
    let hint: string;
    if (parts.length === 1 || ticker === '') {
      problem = 'a position needs a ticker, a side and a weight';
      hint = 'write it as TICKER-SIDE-WEIGHT%, e.g. AAPL-L-50%';
    } else if (looksLikeWeight) {
      problem = 'missing side between ticker and weight';
      hint = `write ${ticker}-L-${last} for long or ${ticker}-S-${last} for short`;
    } else {
      problem = 'missing weight after the side';
      hint = `write the weight in percent, e.g. ${ticker}-${parts[1].toUpperCase()}-50%`;
    }
    this.fail('POSITION_FORMAT', token, problem, 'TICKER-SIDE-WEIGHT%, e.g. AAPL-L-50%', hint);
  }

  /**
   * The ticker in its canonical spelling, or null with its errors: a synthetic one (SPY?L=2) checked modifier by
   * modifier, a plain one as it always was.
   */
  private parsePositionTicker(token: Token, tickerText: string): string | null {
    const ticker = tickerText.toUpperCase();
    if (ticker.includes('?')) {
      const synthetic = parseTickerExpression(tickerText);
      if (synthetic.ok) return synthetic.canonical;
      this.expressionErrors(token, 0, synthetic.errors);
      return null;
    }
    if (TICKER.test(ticker) && ticker.length <= COMMAND_LIMITS.maxTickerLength) return ticker;
    const tooLong = ticker.length > COMMAND_LIMITS.maxTickerLength;
    this.fail(
      'TICKER_INVALID',
      token,
      tooLong
        ? `ticker ${ticker} is longer than ${COMMAND_LIMITS.maxTickerLength} characters`
        : ticker === ''
          ? 'missing ticker before the side'
          : `ticker ${ticker} has characters a ticker cannot have`,
      'a ticker of letters and digits, optionally with ^ in front and . - = inside (BRK-B, ^GSPC, 7203.T)',
      ticker === ''
        ? 'write the ticker first, e.g. AAPL-L-50%'
        : 'check the ticker symbol as your data provider spells it',
    );
    return null;
  }

  private parseSide(token: Token, ticker: string, sideText: string, weightText: string): Side | null {
    const sideUpper = sideText.toUpperCase();
    if (sideUpper === 'L' || sideUpper === 'S') return sideUpper;
    const shown = ticker === '' ? 'TICKER' : ticker;
    this.fail(
      'SIDE_INVALID',
      token,
      'side must be L or S',
      'L (long) or S (short)',
      `write ${shown}-L-${weightText} for long or ${shown}-S-${weightText} for short`,
    );
    return null;
  }

  /** A valid position joins the others unless its ticker is already there or the limit is reached. */
  private addPosition(token: Token, position: Position): void {
    const duplicateOf = this.positions.findIndex((one) => one.ticker === position.ticker);
    if (duplicateOf >= 0) {
      const first = this.positionTokens[duplicateOf];
      this.fail(
        'DUPLICATE_TICKER',
        token,
        `${position.ticker} is already in the portfolio at column ${first.column}`,
        'each ticker at most once',
        `merge ${first.text} and ${token.text} into one position`,
      );
      this.positionSyntaxFailed = true;
      return;
    }
    if (this.positions.length === COMMAND_LIMITS.maxPositions) {
      this.fail(
        'TOO_MANY_POSITIONS',
        token,
        `more than ${COMMAND_LIMITS.maxPositions} positions`,
        `at most ${COMMAND_LIMITS.maxPositions} positions`,
        'remove positions or group small ones',
      );
      this.positionSyntaxFailed = true;
      return;
    }
    this.positions.push(position);
    this.positionTokens.push(token);
  }

  /** Errors inside a ticker expression, located at the modifier (or ticker) they are about. */
  private expressionErrors(token: Token, offset: number, errors: readonly TickerExpressionError[]): void {
    for (const error of errors) {
      this.fail(
        error.code,
        { text: error.text, column: token.column + offset + error.offset },
        error.problem,
        error.expected,
        error.hint,
      );
    }
  }

  private parseWeight(token: Token, weightText: string): number | null {
    const percent = PERCENT.exec(weightText);
    if (!percent) {
      const bare = UNSIGNED_DECIMAL.test(weightText);
      this.fail(
        'WEIGHT_INVALID',
        token,
        bare ? `weight ${weightText} has no % sign` : `weight ${weightText || '(empty)'} is not a percentage`,
        'a weight in percent such as 50% or 12.5%',
        bare ? `write ${weightText}%` : 'write the weight as a number followed by %, e.g. 25%',
      );
      return null;
    }
    if ((percent[2]?.length ?? 0) > COMMAND_LIMITS.maxPercentDecimals) {
      this.fail(
        'WEIGHT_INVALID',
        token,
        `weight ${weightText} has more than ${COMMAND_LIMITS.maxPercentDecimals} decimals`,
        `a weight with at most ${COMMAND_LIMITS.maxPercentDecimals} decimals`,
        'round the weight',
      );
      return null;
    }
    const value = Number(percent[1]);
    const max = COMMAND_LIMITS.maxWeightPercent;
    if (!(value > 0 && value <= max)) {
      this.fail(
        'WEIGHT_OUT_OF_RANGE',
        token,
        `weight ${weightText} is outside (0%, ${max}%]`,
        `a weight above 0% and at most ${max}%`,
        value === 0
          ? 'remove the position instead of giving it 0%'
          : `a position is at most ${max}% of the capital (10× leverage)`,
      );
      return null;
    }
    return value;
  }

  private checkPositions(): void {
    if (this.positionSyntaxFailed) return;
    if (this.positions.length === 0) {
      this.fail(
        'NO_POSITIONS',
        { text: this.input.trim().split(/\s+/)[0] ?? '', column: firstColumn(this.input) },
        'the command has no positions',
        'at least one position TICKER-SIDE-WEIGHT% before the dates',
        'start with positions, e.g. AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
      );
      return;
    }
    const sums = weightSums(this.positions);
    if (acceptsWeights(sums)) return;
    const { text, expected, hint } = weightSumProblem(sums);
    this.errors.push({
      code: 'WEIGHT_SUM',
      token: this.positionTokens.map((token) => token.text).join(' '),
      column: this.positionTokens[0].column,
      expected,
      hint,
      message: `${text} (column ${this.positionTokens[0].column})`,
    });
  }

  private checkDates(): { start: string; end: string } {
    const parsed = this.dateTokens.map((token) => this.parseDate(token));
    if (this.dateTokens.length < 2) {
      const after = this.dateTokens.length === 1 ? ` after ${this.dateTokens[0].text}` : '';
      this.fail(
        'MISSING_DATE',
        { text: '', column: this.input.trimEnd().length + 1 },
        this.dateTokens.length === 0 ? 'missing start and end dates' : 'missing end date',
        this.dateTokens.length === 0 ? 'a start date and an end date, YYYY-MM-DD' : `an end date YYYY-MM-DD${after}`,
        this.dateTokens.length === 0
          ? 'add two dates after the positions, e.g. 2020-01-01 2023-01-01'
          : 'add the end date after the start date, e.g. 2023-01-01',
        false,
      );
    }
    for (const extra of this.dateTokens.slice(2)) {
      this.fail(
        'EXTRA_DATE',
        extra,
        'a command has exactly two dates',
        'no date after the start and end dates',
        'remove this date; the first date is the start, the second the end',
      );
    }
    const start = parsed[0];
    const end = parsed[1];
    if (start && end && start >= end) {
      this.fail(
        'DATE_ORDER',
        this.dateTokens[1],
        `the end date is not after the start date ${start}`,
        `an end date after ${start}`,
        start === end ? 'use a later end date' : `swap them: ${end} ${start}`,
      );
    }
    return { start: start ?? '', end: end ?? '' };
  }

  private parseDate(token: Token): string | null {
    const match = DATE_STRICT.exec(token.text);
    if (!match) {
      this.fail(
        'DATE_INVALID',
        token,
        'dates are written YYYY-MM-DD',
        'a date YYYY-MM-DD, e.g. 2020-01-31',
        suggestIsoDate(token.text),
      );
      return null;
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      this.fail(
        'DATE_INVALID',
        token,
        `${token.text} is not a calendar date`,
        'a real date YYYY-MM-DD',
        month < 1 || month > 12
          ? 'the month is between 01 and 12'
          : `${match[1]}-${match[2]} has ${daysInMonth(year, month)} days`,
      );
      return null;
    }
    if (year < COMMAND_LIMITS.minYear || year > COMMAND_LIMITS.maxYear) {
      this.fail(
        'DATE_OUT_OF_RANGE',
        token,
        `year ${year} is outside ${COMMAND_LIMITS.minYear}-${COMMAND_LIMITS.maxYear}`,
        `a date between ${COMMAND_LIMITS.minYear}-01-01 and ${COMMAND_LIMITS.maxYear}-12-31`,
        'check the year',
      );
      return null;
    }
    return token.text;
  }

  private parseOption(token: Token, rawKey: string, value: string): void {
    const key = rawKey.toLowerCase();
    if (!isOptionName(key)) {
      const nearest = nearestName(key, OPTION_NAMES);
      this.fail(
        'OPTION_UNKNOWN',
        token,
        `unknown option ${rawKey}`,
        `one of ${OPTION_NAMES.join(', ')}`,
        nearest ? `did you mean ${nearest}=${value}?` : `valid options are ${OPTION_NAMES.join(', ')}`,
      );
      return;
    }
    const previous = this.optionTokens.get(key);
    if (previous) {
      this.fail(
        'OPTION_DUPLICATE',
        token,
        `option ${key} is already set at column ${previous.column}`,
        `${key} at most once`,
        `keep one of ${previous.text} and ${token.text}`,
      );
      return;
    }
    this.optionTokens.set(key, token);
    switch (key) {
      case 'capital':
        this.parseCapital(token, value);
        break;
      case 'rebalance':
        this.parseRebalance(token, value);
        break;
      case 'fee':
        this.parsePercentOption(
          token,
          'fee',
          value,
          COMMAND_LIMITS.maxFeePercent,
          (v) => (this.options.feePercent = v),
        );
        break;
      case 'rf':
        this.parsePercentOption(
          token,
          'rf',
          value,
          COMMAND_LIMITS.maxRiskFreePercent,
          (v) => (this.options.riskFreePercent = v),
        );
        break;
      case 'benchmark':
        this.parseBenchmark(token, value);
        break;
      case 'contribute':
        this.parseContribution(token, value);
        break;
      case 'cash':
      case 'borrow': {
        const rate = this.parseRate(token, key, value);
        if (rate !== null) this.options[key === 'cash' ? 'cashRate' : 'borrowRate'] = rate;
        break;
      }
      case 'inflation':
        this.parseInflation(token, value);
        break;
    }
  }

  /** `cash=4.5%` (a constant, percent a year) or `cash=^IRX` (a series of annual percentages). */
  private parseRate(token: Token, key: 'cash' | 'borrow', value: string): RateOption | null {
    const min = COMMAND_LIMITS.minRatePercent;
    const max = COMMAND_LIMITS.maxRatePercent;
    const constant = this.signedPercent(value, min, max);
    if (constant !== null) return { kind: 'constant', percent: constant };
    const series = seriesTicker(value);
    if (series !== null) return { kind: 'series', ticker: series };
    const example = key === 'cash' ? 'cash=4.5%' : 'borrow=6%';
    this.optionValueError(
      token,
      SIGNED_PERCENT.test(value)
        ? `${key} ${value} is outside ${min}% to ${max}%`
        : `${key} ${value || '(empty)'} is neither a percentage nor a rate series ticker`,
      `an annual rate between ${min}% and ${max}% (e.g. ${example}) or the ticker of a series of annual percentages (e.g. ${key}=^IRX)`,
      SIGNED_DECIMAL.test(value) ? `add the % sign: ${key}=${value}%` : `write ${example} or ${key}=^IRX`,
    );
    return null;
  }

  /** `inflation=3%` (a constant, percent a year) or `inflation=CPI` (a price-level index such as CPIAUCSL). */
  private parseInflation(token: Token, value: string): void {
    const min = COMMAND_LIMITS.minInflationPercent;
    const max = COMMAND_LIMITS.maxInflationPercent;
    const constant = this.signedPercent(value, min, max);
    const index = constant === null ? seriesTicker(value) : null;
    const inflation: InflationOption | null =
      constant !== null
        ? { kind: 'constant', percent: constant }
        : index !== null
          ? { kind: 'index', ticker: index }
          : null;
    if (inflation !== null) {
      this.options.inflation = inflation;
      return;
    }
    this.optionValueError(
      token,
      SIGNED_PERCENT.test(value)
        ? `inflation ${value} is outside ${min}% to ${max}%`
        : `inflation ${value || '(empty)'} is neither a percentage nor a price-index ticker`,
      `an annual rate between ${min}% and ${max}% (e.g. inflation=3%) or the ticker of a price index (e.g. inflation=CPIAUCSL)`,
      SIGNED_DECIMAL.test(value) ? `add the % sign: inflation=${value}%` : 'write inflation=3% or inflation=CPIAUCSL',
    );
  }

  /** A signed percentage within [min, max] with at most 6 decimals, or null. */
  private signedPercent(value: string, min: number, max: number): number | null {
    const percent = SIGNED_PERCENT.exec(value);
    if (percent === null || (percent[2]?.length ?? 0) > COMMAND_LIMITS.maxPercentDecimals) return null;
    // -0% is 0%: the default.
    const amount = Number(percent[1]) + 0;
    return amount >= min && amount <= max ? amount : null;
  }

  private parseCapital(token: Token, value: string): void {
    const amount = MONEY.test(value) ? Number(value) : Number.NaN;
    if (!(amount >= COMMAND_LIMITS.minCapital && amount <= COMMAND_LIMITS.maxCapital)) {
      this.optionValueError(
        token,
        `capital ${value || '(empty)'} is not an amount between ${COMMAND_LIMITS.minCapital} and ${COMMAND_LIMITS.maxCapital}`,
        `a plain amount between ${COMMAND_LIMITS.minCapital} and ${COMMAND_LIMITS.maxCapital}`,
        'write digits with at most two decimals, e.g. capital=250000',
      );
      return;
    }
    this.options.capital = amount;
  }

  private parseRebalance(token: Token, value: string): void {
    const lower = value.toLowerCase();
    if ((REBALANCE_VALUES as readonly string[]).includes(lower)) {
      this.options.rebalance =
        lower === 'none' ? { kind: 'none' } : ({ kind: 'periodic', frequency: lower } as RebalancePolicy);
      return;
    }
    if (lower.startsWith('band:')) {
      const percent = PERCENT.exec(lower.slice(5));
      const precise = percent !== null && (percent[2]?.length ?? 0) <= COMMAND_LIMITS.maxPercentDecimals;
      const threshold = percent && precise ? Number(percent[1]) : Number.NaN;
      if (threshold > 0 && threshold < COMMAND_LIMITS.maxBandPercent) {
        this.options.rebalance = { kind: 'band', thresholdPercent: threshold };
        return;
      }
      this.optionValueError(
        token,
        `band ${value.slice(5) || '(empty)'} is not a percentage between 0% and 100%`,
        'band:N% with N above 0 and below 100, e.g. band:5%',
        'write the drift in percentage points, e.g. rebalance=band:5%',
      );
      return;
    }
    const nearest = nearestName(lower, [...REBALANCE_VALUES, 'band']);
    this.optionValueError(
      token,
      `rebalance ${value || '(empty)'} is not a rebalancing rule`,
      `${REBALANCE_VALUES.join(', ')} or band:N%`,
      nearest === 'band'
        ? 'write rebalance=band:5%'
        : nearest
          ? `did you mean rebalance=${nearest}?`
          : 'e.g. rebalance=monthly',
    );
  }

  private parsePercentOption(
    token: Token,
    key: 'fee' | 'rf',
    value: string,
    max: number,
    assign: (percent: number) => void,
  ): void {
    const percent = PERCENT.exec(value);
    const precise = percent !== null && (percent[2]?.length ?? 0) <= COMMAND_LIMITS.maxPercentDecimals;
    const amount = percent && precise ? Number(percent[1]) : Number.NaN;
    if (!(amount >= 0 && amount <= max)) {
      const bare = SIGNED_DECIMAL.test(value);
      const negative = value.startsWith('-');
      this.optionValueError(
        token,
        `${key} ${value || '(empty)'} is not a percentage between 0% and ${max}%`,
        `a percentage between 0% and ${max}%, e.g. ${key === 'fee' ? '0.1%' : '2%'}`,
        negative
          ? `${key} cannot be negative`
          : bare
            ? `add the % sign: ${key}=${value}%`
            : `write ${key}=${key === 'fee' ? '0.1%' : '2%'}`,
      );
      return;
    }
    assign(amount);
  }

  private parseBenchmark(token: Token, value: string): void {
    const ticker = value.toUpperCase();
    if (ticker.includes('?')) {
      const synthetic = parseTickerExpression(value);
      if (synthetic.ok) this.options.benchmark = synthetic.canonical;
      else this.expressionErrors(token, 'benchmark='.length, synthetic.errors);
      return;
    }
    if (!TICKER.test(ticker) || ticker.length > COMMAND_LIMITS.maxTickerLength || ticker === CASH_TICKER) {
      this.optionValueError(
        token,
        ticker === CASH_TICKER ? 'CASH cannot be a benchmark' : `benchmark ${value || '(empty)'} is not a ticker`,
        'a ticker such as ^GSPC or SPY, or a synthetic one such as SPY?L=2',
        'e.g. benchmark=^GSPC',
      );
      return;
    }
    this.options.benchmark = ticker;
  }

  private parseContribution(token: Token, value: string): void {
    const [amountText, periodText, ...rest] = value.split('/');
    const amount = SIGNED_MONEY.test(amountText ?? '') ? Number(amountText) : Number.NaN;
    const period = (periodText ?? '').toLowerCase();
    const amountOk = Number.isFinite(amount) && amount !== 0 && Math.abs(amount) <= COMMAND_LIMITS.maxCapital;
    const periodOk = (CONTRIBUTION_PERIODS as readonly string[]).includes(period) && rest.length === 0;
    if (amountOk && periodOk) {
      this.options.contribution = { amount, period: period as ContributionPeriod } satisfies Contribution;
      return;
    }
    let hint: string;
    if (!amountOk)
      hint =
        'write a non-zero amount with at most two decimals, negative for withdrawals, e.g. contribute=1000/month or contribute=-500/quarter';
    else {
      const nearest = nearestName(period.replace(/ly$/, ''), CONTRIBUTION_PERIODS);
      hint = nearest ? `did you mean contribute=${amountText}/${nearest}?` : `write contribute=${amountText}/month`;
    }
    this.optionValueError(
      token,
      `contribute ${value || '(empty)'} is not AMOUNT/PERIOD`,
      'AMOUNT/month, AMOUNT/quarter or AMOUNT/year with a non-zero amount',
      hint,
    );
  }

  private optionValueError(token: Token, problem: string, expected: string, hint: string): void {
    this.fail('OPTION_VALUE', token, problem, expected, hint);
  }

  private fail(
    code: CommandErrorCode,
    token: Token,
    problem: string,
    expected: string,
    hint: string,
    prefixToken = true,
  ): void {
    const prefix = prefixToken && token.text !== '' ? `${token.text}: ` : '';
    this.errors.push({
      code,
      token: token.text,
      column: token.column,
      expected,
      hint,
      message: `${prefix}${problem} (column ${token.column})`,
    });
  }
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(input)) !== null) tokens.push({ text: match[0], column: match.index + 1 });
  return tokens;
}

function isOptionName(key: string): key is OptionName {
  return (OPTION_NAMES as readonly string[]).includes(key.toLowerCase());
}

/**
 * What a whitespace-free token is, by its shape alone (docs/command-language.md, "How a token is classified"):
 * the parser's rule, shared with the editor's colouring.
 */
export function tokenShape(text: string): 'date' | 'option' | 'position' | 'unknown' {
  if (DATE_LIKE.test(text)) return 'date';
  const option = OPTION_LIKE.exec(text);
  const dashCount = text.split('-').length - 1;
  if (option) {
    const key = option[1].toLowerCase();
    if (dashCount < 2 || (isOptionName(key) && !LATER_OPTION_NAMES.has(key))) return 'option';
  }
  if (text.includes('-') || text.endsWith('%')) return 'position';
  return 'unknown';
}

/** A series ticker as an option value (cash=^IRX, inflation=CPIAUCSL): plain, not CASH, with a letter in it. */
function seriesTicker(value: string): string | null {
  const ticker = value.toUpperCase();
  const plain = TICKER.test(ticker) && ticker.length <= TICKER_LIMITS.maxTickerLength;
  // Digits alone are a percentage without its % sign, not a ticker.
  return plain && ticker !== CASH_TICKER && /[A-Z]/.test(ticker) ? ticker : null;
}

/** Long and short weights of a command's positions, in percent: the two rules of acceptance read them. */
export interface WeightSums {
  /** Every weight, long and short alike, CASH-L included, summed in command order (the rule of the first release). */
  gross: number;
  /** Longs − shorts + CASH-L − CASH-S. */
  net: number;
  shorts: number;
  borrowed: number;
}

export function weightSums(positions: readonly Position[]): WeightSums {
  let gross = 0;
  let net = 0;
  let shorts = 0;
  let borrowed = 0;
  for (const { ticker, side, weightPercent } of positions) {
    gross += weightPercent;
    net += side === 'S' ? -weightPercent : weightPercent;
    if (side === 'S') {
      if (ticker === CASH_TICKER) borrowed += weightPercent;
      else shorts += weightPercent;
    }
  }
  return { gross, net, shorts, borrowed };
}

/**
 * A command's weights are accepted when they sum to 100% either gross (long and short alike, with CASH-L: the
 * short proceeds stay in cash, as always) or net (longs − shorts + CASH-L − CASH-S: leverage and long/short books
 * whose cash is written out). Without shorts the two are the same sum; a CASH-S (a loan) makes it net only.
 */
function acceptsWeights(sums: WeightSums): boolean {
  const tolerance = COMMAND_LIMITS.weightSumTolerance;
  return (sums.borrowed === 0 && Math.abs(100 - sums.gross) <= tolerance) || Math.abs(100 - sums.net) <= tolerance;
}

/** The WEIGHT_SUM error in words: both sums when they differ, and how to write cash or leverage. */
function weightSumProblem(sums: WeightSums): { text: string; expected: string; hint: string } {
  const show = formatPercentNumber;
  const netGap = 100 - sums.net;
  const netFix =
    netGap > 0
      ? sums.borrowed > netGap
        ? `borrow ${show(netGap)}% less: ${CASH_TICKER}-S-${show(sums.borrowed - netGap)}%`
        : sums.borrowed > 0
          ? `hold ${show(netGap - sums.borrowed)}% as ${CASH_TICKER}-L-${show(netGap - sums.borrowed)}% instead of the ${CASH_TICKER}-S`
          : `hold the rest as ${CASH_TICKER}-L-${show(netGap)}%`
      : `borrow the extra ${show(-netGap)}% for leverage: ${CASH_TICKER}-S-${show(sums.borrowed - netGap)}%`;
  const expected =
    'weights that sum to 100%: long and short alike with CASH-L (short proceeds stay in cash), ' +
    'or longs − shorts + CASH-L − CASH-S (CASH-S borrows)';
  if (sums.shorts === 0 && sums.borrowed === 0) {
    // Longs only: one sum. Below 100% the message of the first release, word for word.
    const text = `weights sum to ${show(sums.gross)}%, expected 100%`;
    if (netGap > 0) {
      return {
        text,
        expected: 'weights (long and short alike) that sum to 100%',
        hint: `add ${show(netGap)}% to the positions or hold it as ${CASH_TICKER}-L-${show(netGap)}%`,
      };
    }
    return { text, expected, hint: `remove ${show(-netGap)}% from the positions, or ${netFix}` };
  }
  if (sums.borrowed > 0) {
    const text = `weights sum to ${show(sums.net)}% as longs − shorts + cash (CASH-S counts negative), expected 100%`;
    const positionsFix =
      netGap > 0 ? `add ${show(netGap)}% to the positions` : `remove ${show(-netGap)}% from the positions`;
    return { text, expected, hint: `${positionsFix}, or ${netFix}` };
  }
  const grossGap = 100 - sums.gross;
  const grossFix =
    grossGap > 0
      ? `add ${show(grossGap)}% to the positions or hold it as ${CASH_TICKER}-L-${show(grossGap)}%`
      : `remove ${show(-grossGap)}% from the positions`;
  const text =
    `weights sum to ${show(sums.gross)}% long and short alike and to ${show(sums.net)}% as longs − shorts, ` +
    'expected 100% for one of them';
  return {
    text,
    expected,
    hint: `${netFix} (longs − shorts + cash = 100%), or ${grossFix} (longs + shorts + cash = 100%, the short proceeds staying in cash)`,
  };
}

function firstColumn(input: string): number {
  const match = /\S/.exec(input);
  return match ? match.index + 1 : 1;
}

/** Turns 2020-1-5, 2020/01/05 or 05.01.2020 into the ISO spelling when it is unambiguous. */
function suggestIsoDate(text: string): string {
  const parts = text.split(/[-/.]/);
  if (parts.length === 3 && parts[0].length === 4) {
    return `write ${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  }
  return 'write the year first with four digits, then month and day with two: YYYY-MM-DD';
}

/** Formats a sum of percentages without float noise (99.99999999 → 100). */
function formatPercentNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
