import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { commandTokenSpans, type CommandTokenKind } from './command-tokens';

const MARKS: Record<CommandTokenKind, Decoration> = {
  ticker: Decoration.mark({ class: 'cm-cmd-ticker' }),
  side: Decoration.mark({ class: 'cm-cmd-side' }),
  weight: Decoration.mark({ class: 'cm-cmd-weight' }),
  date: Decoration.mark({ class: 'cm-cmd-date' }),
  'option-name': Decoration.mark({ class: 'cm-cmd-option-name' }),
  'option-value': Decoration.mark({ class: 'cm-cmd-option-value' }),
  'modifier-name': Decoration.mark({ class: 'cm-cmd-modifier-name' }),
  'modifier-value': Decoration.mark({ class: 'cm-cmd-modifier-value' }),
  punctuation: Decoration.mark({ class: 'cm-cmd-punctuation' }),
};

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  // A command is at most 1000 characters on one line: colouring all of it is cheaper than tracking viewports.
  for (const span of commandTokenSpans(view.state.doc.toString())) builder.add(span.from, span.to, MARKS[span.kind]);
  return builder.finish();
}

/** Colours tickers (synthetic ones' modifiers too), sides, weights, dates and options; the colours are CSS variables (see command-editor.module.css). */
export const commandHighlighting: Extension = [
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = decorate(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
  EditorView.baseTheme({
    '.cm-cmd-ticker': { color: 'var(--cmd-ticker)', fontWeight: '600' },
    '.cm-cmd-side': { color: 'var(--cmd-side)', fontWeight: '600' },
    '.cm-cmd-weight': { color: 'var(--cmd-weight)' },
    '.cm-cmd-date': { color: 'var(--cmd-date)' },
    '.cm-cmd-option-name': { color: 'var(--cmd-option)' },
    '.cm-cmd-option-value': { color: 'var(--cmd-option-value)' },
    '.cm-cmd-modifier-name': { color: 'var(--cmd-option)', fontStyle: 'italic' },
    '.cm-cmd-modifier-value': { color: 'var(--cmd-option-value)', fontStyle: 'italic' },
    '.cm-cmd-punctuation': { color: 'var(--muted)' },
  }),
];
