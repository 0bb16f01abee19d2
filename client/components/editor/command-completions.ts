import {
  insertCompletionText,
  startCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { CONTRIBUTION_PERIODS, OPTION_NAMES, REBALANCE_VALUES } from '@engine/command/command.parser';
import type { TickerSearch } from './ticker-search';

type OptionName = (typeof OPTION_NAMES)[number];

const isOptionName = (name: string): name is OptionName => (OPTION_NAMES as readonly string[]).includes(name);

/** What each option does, shown next to its name (typed by the parser's list: a new option needs a line here). */
const OPTION_DETAILS: Record<OptionName, string> = {
  capital: 'money invested at the start (default 100000)',
  rebalance: 'back to target weights (default none)',
  fee: 'fee on traded value (default 0%)',
  rf: 'annual risk-free rate for Sharpe and Sortino',
  benchmark: 'a ticker to compare with',
  contribute: 'money added (or withdrawn) each period',
  cash: 'annual rate earned by cash (default 0%)',
  borrow: 'annual rate paid on loans (default 0%)',
  inflation: 'real returns beside nominal ones',
};

/** Typical values per option; rebalancing rules and contribution periods come from the parser itself. */
const OPTION_VALUES: Record<OptionName, readonly Completion[]> = {
  capital: [{ label: '100000', detail: 'the default' }, { label: '10000' }, { label: '1000000' }],
  rebalance: [
    ...REBALANCE_VALUES.map((value) => ({ label: value, detail: rebalanceDetail(value) })),
    { label: 'band:5%', detail: 'when a weight drifts 5 points from its target' },
  ],
  fee: [
    { label: '0.1%', detail: 'of traded value' },
    { label: '0.25%', detail: 'of traded value' },
    { label: '0%', detail: 'the default' },
  ],
  rf: [
    { label: '2%', detail: 'a year' },
    { label: '3%', detail: 'a year' },
    { label: '0%', detail: 'the default' },
  ],
  benchmark: [
    { label: '^GSPC', detail: 'S&P 500' },
    { label: 'SPY?L=2', detail: 'a synthetic 2× daily-reset SPY' },
  ],
  cash: [
    { label: '4%', detail: 'a year, accrued daily (actual/360)' },
    { label: '^IRX', detail: '13-week T-bill yield, day by day' },
    { label: '0%', detail: 'the default' },
  ],
  borrow: [
    { label: '6%', detail: 'a year on loans, accrued daily (actual/360)' },
    { label: '^IRX', detail: 'a rate series, day by day' },
    { label: '0%', detail: 'the default' },
  ],
  inflation: [
    { label: '3%', detail: 'a year' },
    { label: 'CPIAUCSL', detail: 'a price index (upload it under Prices)' },
  ],
  contribute: [
    ...CONTRIBUTION_PERIODS.map((period) => ({ label: `1000/${period}`, detail: `adds 1000 every ${period}` })),
    { label: '-500/month', detail: 'withdraws 500 every month' },
  ],
};

function rebalanceDetail(rule: (typeof REBALANCE_VALUES)[number]): string {
  if (rule === 'none') return 'buy and hold (the default)';
  if (rule === 'daily') return 'every trading day';
  return `first trading day of each ${rule.replace(/ly$/, '')}`;
}

/** Keeps a list in the order written here (CodeMirror sorts equal matches alphabetically otherwise). */
function inOrder(completions: readonly Completion[]): readonly Completion[] {
  return completions.map((completion, index) => ({ ...completion, boost: -index }));
}

/** Inserts `name=` and opens the value list straight away. */
function applyOptionName(view: EditorView, completion: Completion, from: number, to: number): void {
  view.dispatch(insertCompletionText(view.state, completion.label, from, to));
  startCompletion(view);
}

const OPTION_NAME_COMPLETIONS: readonly Completion[] = OPTION_NAMES.map((name) => ({
  label: `${name}=`,
  detail: OPTION_DETAILS[name],
  type: 'property',
  apply: applyOptionName,
  boost: -1,
}));

/** testfol.io's ticker modifiers (docs/command-language.md, "Synthetic tickers"). */
const MODIFIER_COMPLETIONS: readonly Completion[] = inOrder([
  { label: 'L=', detail: 'daily-reset leverage, e.g. L=2 (negative: inverse)', type: 'property' },
  { label: 'E=', detail: 'expense ratio, % a year (default 0.5 per leverage point above 1)', type: 'property' },
  { label: 'SP=', detail: 'financing spread over the cash= rate, % a year (default 0.4)', type: 'property' },
  { label: 'FB=', detail: 'a ticker that fills the history backward, e.g. FB=SPY?L=3', type: 'property' },
]);

const SIDE_COMPLETIONS: readonly Completion[] = [
  { label: 'L', detail: 'long', apply: 'L-', type: 'keyword' },
  { label: 'S', detail: 'short', apply: 'S-', type: 'keyword' },
];

/** The whitespace-free word before the cursor (a command's tokens never contain spaces). */
function wordBefore(context: CompletionContext) {
  return context.matchBefore(/\S+/);
}

/**
 * Completes what the parser knows without asking the server: option names (`rebalance=`), their values
 * (`monthly`, `band:5%`, `1000/month`) and the side after a ticker (`L-`, `S-`).
 */
export const commandKeywordSource: CompletionSource = (context) => {
  const word = wordBefore(context);
  if (!word) return context.explicit ? { from: context.pos, options: OPTION_NAME_COMPLETIONS } : null;
  const text = word.text;
  // Inside a synthetic ticker (SPY?L=2&…): a modifier name after ? or &.
  const separator = Math.max(text.lastIndexOf('?'), text.lastIndexOf('&'));
  if (separator > 0 && text.indexOf('?') > 0) {
    const fragment = text.slice(separator + 1);
    if (/^[a-z]*$/i.test(fragment)) {
      return { from: word.from + separator + 1, options: MODIFIER_COMPLETIONS, validFor: /^[a-z]*$/i };
    }
    if (fragment.includes('=') && !fragment.includes('-')) return null;
  }
  const equals = text.indexOf('=');
  // A synthetic ticker's = are modifiers (SPY?L=2-): the side comes after it as for any ticker.
  if (equals > 0 && !text.slice(0, equals).includes('?')) {
    const name = text.slice(0, equals).toLowerCase();
    if (!isOptionName(name)) return null;
    const valueFrom = word.from + equals + 1;
    const slash = text.indexOf('/', equals);
    if (name === 'contribute' && slash > 0) {
      const periods = inOrder(CONTRIBUTION_PERIODS.map((period) => ({ label: period, type: 'keyword' })));
      return { from: word.from + slash + 1, options: periods, validFor: /^[a-z]*$/i };
    }
    return { from: valueFrom, options: inOrder(OPTION_VALUES[name]), validFor: /^[^\s]*$/ };
  }
  if (/^\d/.test(text)) return null; // a date or a weight: nothing to suggest
  const lastDash = text.lastIndexOf('-');
  if (lastDash > 0) {
    const before = text.slice(0, lastDash);
    const after = text.slice(lastDash + 1);
    const previousPart = before.slice(before.lastIndexOf('-') + 1);
    // "AAPL-L-" is at the weight; "AAPL-" or "AAPL-l" is at the side.
    if (before.includes('-') && /^[LS]$/i.test(previousPart)) return null;
    if (!/^[LS]?$/i.test(after)) return null;
    return { from: word.from + lastDash + 1, options: SIDE_COMPLETIONS, validFor: /^[LS]?$/i };
  }
  return { from: word.from, options: OPTION_NAME_COMPLETIONS, validFor: /^[a-z]*$/i };
};

const TICKER_FRAGMENT = /^\^?[A-Za-z0-9.]+$/;

/** Waits `ms`, or less if the query is abandoned; true when it was. */
function settle(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(true);
    const timer = setTimeout(() => resolve(signal.aborted), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Suggests tickers from the server for the word being typed (a position's ticker or a benchmark), after a
 * pause in typing; a keystroke aborts the pending request and starts a new one.
 */
export function tickerCompletionSource(search: TickerSearch, debounceMs = 150): CompletionSource {
  return async (context): Promise<CompletionResult | null> => {
    const word = wordBefore(context);
    if (!word) return null;
    let from = word.from;
    let fragment = word.text;
    const benchmark = /^benchmark=/i.exec(fragment);
    if (benchmark) {
      from += benchmark[0].length;
      fragment = fragment.slice(benchmark[0].length);
    }
    if (!TICKER_FRAGMENT.test(fragment) || /^\d/.test(fragment)) return null;
    const abort = new AbortController();
    context.addEventListener('abort', () => abort.abort(), { onDocChange: true });
    if (await settle(debounceMs, abort.signal)) return null;
    const suggestions = await search(fragment, abort.signal);
    if (abort.signal.aborted || suggestions.length === 0) return null;
    return {
      from,
      // The server matched names too ("apple" finds AAPL): keep its answers and its order.
      filter: false,
      options: suggestions.map((suggestion, index) => ({
        label: suggestion.ticker,
        detail: suggestion.name ?? undefined,
        info: suggestion.type ?? undefined,
        type: 'variable',
        boost: -index,
      })),
    };
  };
}
