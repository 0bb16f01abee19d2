import { autocompletion } from '@codemirror/autocomplete';
import { history, historyKeymap, standardKeymap } from '@codemirror/commands';
import type { Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { commandKeywordSource, tickerCompletionSource } from './command-completions';
import type { TickerSearch } from './ticker-search';

/**
 * What the command field needs once someone types in it: undo history, the standard editing keys and completion.
 * Its own module (with @codemirror/commands, autocomplete and the language package they pull in, about a third of
 * the editor's weight) so that it loads when the field is first focused, not with the page.
 */
export function commandTypingExtensions(search: TickerSearch): Extension {
  return [
    history(),
    autocompletion({ override: [commandKeywordSource, tickerCompletionSource(search)], icons: false }),
    // Cursor motion, deletion, select all, undo. A one-line field needs no line, indent or comment commands, and
    // no indentWithTab: Tab must move focus on, out of the field.
    keymap.of([...standardKeymap, ...historyKeymap]),
  ];
}
