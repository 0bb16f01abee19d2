'use client';

import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { isWarning, type CommandIssue } from './command-diagnostics';
import styles from './command-editor.module.css';
import { commandErrorMarks, setCommandErrors } from './command-error-marks';
import { commandHighlighting } from './command-highlighting';
import type { TickerSearch } from './ticker-search';

export interface CommandEditorHandle {
  focus(): void;
}

/** Parser errors and ticker warnings together with the text they were found in. */
export interface CheckedCommand {
  text: string;
  errors: readonly CommandIssue[];
}

export interface CommandEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Enter (or Mod-Enter) without an open completion list. */
  onSubmit: () => void;
  /** Errors to underline; ignored while the text differs from the one they were found in (a new check is due). */
  checked: CheckedCommand;
  searchTickers: TickerSearch;
  /** Ids of the elements that describe the field: the error list and the help. */
  describedBy?: string;
  placeholder?: string;
  ref?: Ref<CommandEditorHandle>;
}

/**
 * Shift-Enter starts a new line: one portfolio per line makes a comparison (Enter still submits). Written here, not
 * with @codemirror/commands' insertNewline, so it works before the typing extensions load.
 */
const newLine = (view: EditorView): boolean => {
  view.dispatch(view.state.replaceSelection('\n'), { scrollIntoView: true, userEvent: 'input' });
  return true;
};

const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--fg)',
    backgroundColor: 'var(--bg)',
    border: '1px solid var(--border)',
    borderRadius: '8px',
    fontSize: '1rem',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.6' },
  '.cm-content': { padding: '0.55rem 0', caretColor: 'var(--fg)' },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--cmd-selection)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--card)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderRadius: '8px',
    boxShadow: '0 6px 20px rgb(0 0 0 / 0.18)',
    overflow: 'hidden',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'inherit', maxHeight: '16rem' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '0.3rem 0.75rem', lineHeight: '1.4' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-fg)',
  },
  '.cm-completionLabel': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontWeight: '600' },
  '.cm-completionDetail': { fontStyle: 'normal', opacity: '0.8', marginLeft: '0.75em' },
  '.cm-completionIcon': { display: 'none' },
});

/**
 * The portfolio command field: a CodeMirror editor with coloured tokens, the parser's errors underlined, and
 * completion of tickers (from the server), option names and values. One portfolio per line (several make a
 * comparison; Shift-Enter or a paste starts a new line). Enter submits; Tab leaves the field.
 */
export function CommandEditor({
  value,
  onChange,
  onSubmit,
  checked,
  searchTickers,
  describedBy,
  placeholder = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28',
  ref,
}: CommandEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // The editor is created once; it reads the latest props through this ref.
  const latest = useRef({ value, onChange, onSubmit, searchTickers, describedBy, placeholder, invalid: false });
  const attributes = useRef(new Compartment());
  // Warnings (a ticker no source can price now) do not make the command invalid.
  const invalid = checked.text === value && checked.errors.some((issue) => !isWarning(issue));

  useLayoutEffect(() => {
    latest.current = { value, onChange, onSubmit, searchTickers, describedBy, placeholder, invalid };
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const props = latest.current;
    // History, editing keys and completion load on first focus (see command-editor-typing.ts). Until they are
    // there the browser's own editing of the field works, and nobody types into an unfocused field.
    const typing = new Compartment();
    let typingRequested = false;
    let destroyed = false;
    const enableTyping = (view: EditorView) => {
      if (typingRequested) return;
      typingRequested = true;
      void import('./command-editor-typing').then(({ commandTypingExtensions }) => {
        const search: TickerSearch = (query, signal) => latest.current.searchTickers(query, signal);
        if (!destroyed) view.dispatch({ effects: typing.reconfigure(commandTypingExtensions(search)) });
      });
    };
    const submit = () => {
      latest.current.onSubmit();
      return true;
    };
    const extensions: Extension = [
      EditorView.lineWrapping,
      placeholderText(props.placeholder),
      commandHighlighting,
      commandErrorMarks,
      typing.of([]),
      // Below the completion keymap (Prec.highest), so Enter picks a suggestion when the list is open.
      Prec.high(
        keymap.of([
          { key: 'Enter', run: submit },
          { key: 'Mod-Enter', run: submit },
          { key: 'Shift-Enter', run: newLine },
        ]),
      ),
      EditorView.contentAttributes.of({
        'aria-label': 'Portfolio command',
        'aria-multiline': 'true',
        spellcheck: 'false',
        autocapitalize: 'off',
        autocorrect: 'off',
        enterkeyhint: 'go',
      }),
      attributes.current.of(describedAttributes(props.describedBy, props.invalid)),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        if (update.focusChanged && update.view.hasFocus) enableTyping(update.view);
      }),
      editorTheme,
    ];
    const view = new EditorView({ parent: host, state: EditorState.create({ doc: props.value, extensions }) });
    viewRef.current = view;
    return () => {
      destroyed = true;
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({ focus: () => viewRef.current?.focus() }), []);

  // A value set from outside (an example, a reset) replaces the text; the editor's own edits already match.
  useEffect(() => {
    const view = viewRef.current;
    if (view && value !== view.state.doc.toString())
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: value },
        selection: { anchor: value.length },
      });
  }, [value]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || checked.text !== view.state.doc.toString()) return;
    view.dispatch({ effects: setCommandErrors.of(checked) });
  }, [checked]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: attributes.current.reconfigure(describedAttributes(describedBy, invalid)) });
  }, [describedBy, invalid]);

  return <div ref={hostRef} className={styles.editor} data-testid="command-editor" />;
}

function describedAttributes(describedBy: string | undefined, invalid: boolean): Extension {
  const attributes: Record<string, string> = { 'aria-invalid': String(invalid) };
  if (describedBy) attributes['aria-describedby'] = describedBy;
  return EditorView.contentAttributes.of(attributes);
}
