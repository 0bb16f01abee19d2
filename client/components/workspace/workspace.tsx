'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { lazy, memo, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api, ApiError, errorMessage, unwrap } from '../../lib/api/client';
import { isCommandError, tickerSpans, tickerWarnings, type CommandIssue } from '../editor/command-diagnostics';
import type { CheckedCommand, CommandEditorHandle } from '../editor/command-editor';
import { CommandErrors } from '../editor/command-errors';
import { createTickerCheck, type TickerAvailability, type TickerCheck } from '../editor/ticker-check';
import { createTickerSearch, type TickerSearch } from '../editor/ticker-search';
import type { TypedCommands } from '../preview/live-preview';
import type { PreviewEnvironment } from '../preview/use-live-preview';
import { ProgressBar } from '../progress/progress-bar';
import { COMMAND_EXAMPLES, type CommandExample } from './examples';
import { RecentSimulations } from './recent-simulations';
import type { RunOutcome } from './run-progress';
import { SyntaxHelp } from './syntax-help';
import {
  commandSpans,
  loadComparisonParser,
  locateMemberErrors,
  readWorkspace,
  writtenLines,
  type ComparisonParser,
} from './command-lines';
import { useDebouncedValue } from './use-debounced-value';
import styles from './workspace.module.css';

// CodeMirror is most of this page's JavaScript: it loads beside the page, fetched as soon as this module runs
// (while the session is still being checked), so the page itself stays small and nothing waits for it.
const loadCommandEditor = () => import('../editor/command-editor');
if (typeof window !== 'undefined') void loadCommandEditor();
const CommandEditor = lazy(async () => ({ default: (await loadCommandEditor()).CommandEditor }));

// The socket client comes with the first run, not with the page.
const RunProgress = lazy(() => import('./run-progress'));

// The live preview (its charts, and the engine's worker after it) comes when a command first parses, after the
// page has painted: never part of the page's first load.
const LivePreview = lazy(() => import('../preview/live-preview'));
// Several lines: the same worker and panel pieces, every line side by side.
const MultiLinePreview = lazy(() => import('../preview/multi-line-preview'));

/** How long typing must pause before errors show (instant enough, without flashing on every keystroke). */
const CHECK_DELAY_MS = 150;

const NO_ERRORS: readonly CommandIssue[] = [];

const DRAFT_KEY = 'portofino.workspace.command';

/** The draft this tab was writing before it went to a result and came back. */
function savedDraft(): string {
  if (typeof window === 'undefined') return '';
  try {
    return window.sessionStorage.getItem(DRAFT_KEY) ?? '';
  } catch {
    return ''; // storage can be disabled
  }
}

function saveDraft(command: string): void {
  try {
    if (command === '') window.sessionStorage.removeItem(DRAFT_KEY);
    else window.sessionStorage.setItem(DRAFT_KEY, command);
  } catch {
    // No storage: the draft is simply not kept.
  }
}

interface Run {
  simulationId: string;
  settled: boolean;
}

export interface WorkspaceProps {
  /** Ticker lookup for autocomplete; the API's by default (tests pass their own). */
  searchTickers?: TickerSearch;
  /** Whether tickers can be priced, for warnings under them; the API's by default (tests pass their own). */
  checkTickers?: TickerCheck;
  /** Where the live preview's engine runs and gets prices; the browser's worker and IndexedDB by default. */
  previewEnvironment?: PreviewEnvironment;
}

/** The workspace: write a command, see its errors as you type, run it, follow it, and find recent runs. */
export function Workspace({ searchTickers, checkTickers, previewEnvironment }: WorkspaceProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // `/?command=…` (a link that opens a command for editing) wins over the draft. Read through the router: on a
  // navigation inside the app the page renders before the address bar changes, so window.location still has the
  // previous page's address (the editor opened empty until a reload).
  const linked = useSearchParams().get('command');
  const [command, setCommand] = useState(() => linked ?? savedDraft());
  const shownLink = useRef(linked);
  useEffect(() => {
    if (linked === shownLink.current) return;
    shownLink.current = linked;
    if (linked !== null) setCommand(linked);
  }, [linked]);
  const [shownCommand, showNow] = useDebouncedValue(command, CHECK_DELAY_MS);
  useEffect(() => saveDraft(shownCommand), [shownCommand]);
  const [serverChecked, setServerChecked] = useState<CheckedCommand | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [run, setRun] = useState<Run | null>(null);
  // Several lines: on the period every member covers (the API's default) or each on its own.
  const [period, setPeriod] = useState<'common' | 'own'>('common');
  const editor = useRef<CommandEditorHandle>(null);
  const inFlight = useRef(false);
  // One key per submission, kept while its outcome is unknown so a retry cannot start a second simulation.
  const pendingSubmission = useRef<{ command: string; key: string } | null>(null);
  const [defaultSearch] = useState(() => createTickerSearch());
  const [defaultCheck] = useState(() => createTickerCheck());
  const check = checkTickers ?? defaultCheck;
  const [tickerAnswers, setTickerAnswers] = useState<{ text: string; answers: readonly TickerAvailability[] } | null>(
    null,
  );
  const errorsId = useId();
  // The editor's text goes to the live preview's worker before the page renders it (see LivePreview's `typed`).
  const typedCommands = useRef<TypedCommands>({ current: null }).current;
  const onEditorChange = useCallback(
    (text: string) => {
      typedCommands.current?.(text);
      setCommand(text);
    },
    [typedCommands],
  );

  // Parsing is microseconds: the button follows every keystroke, only the error list waits for a pause.
  // One line is a single run; several lines (one portfolio each) are a comparison.
  // The comparison parser comes with the second line (it is not part of the page's first load).
  const [parseComparison, setParseComparison] = useState<ComparisonParser | null>(null);
  const severalLines = useMemo(() => writtenLines(command).length > 1, [command]);
  useEffect(() => {
    if (severalLines && parseComparison === null)
      void loadComparisonParser().then((parser) => setParseComparison(() => parser));
  }, [severalLines, parseComparison]);
  const readNow = useMemo(() => readWorkspace(command, parseComparison), [command, parseComparison]);
  const comparing = readNow.kind === 'comparison';
  // Once a command has parsed the preview stays, showing its last result while the text is being fixed.
  const [previewing, setPreviewing] = useState(false);
  if (readNow.kind !== 'empty' && readNow.ok && !previewing) setPreviewing(true);
  const shownRead = useMemo(() => readWorkspace(shownCommand, parseComparison), [shownCommand, parseComparison]);
  const shownOk = shownRead.kind !== 'empty' && shownRead.ok;

  // Once the command parses, ask whether its tickers can be priced: a warning under each one no source can.
  useEffect(() => {
    if (!shownOk) return;
    const tickers = [...new Set(commandSpans(shownCommand, tickerSpans).map((span) => span.ticker))];
    if (tickers.length === 0) return;
    const controller = new AbortController();
    void check(tickers, controller.signal).then((answers) => {
      if (!controller.signal.aborted) setTickerAnswers({ text: shownCommand, answers });
    });
    return () => controller.abort();
  }, [shownCommand, shownOk, check]);

  const checked = useMemo((): CheckedCommand => {
    if (shownRead.kind === 'empty') return { text: shownCommand, errors: NO_ERRORS };
    if (!shownRead.ok) return { text: shownCommand, errors: shownRead.errors };
    if (serverChecked?.text === shownCommand) return serverChecked;
    if (tickerAnswers?.text === shownCommand) {
      const spans = commandSpans(shownCommand, tickerSpans);
      const warnings = tickerWarnings(shownCommand, tickerAnswers.answers, spans);
      if (warnings.length > 0) return { text: shownCommand, errors: warnings };
    }
    return { text: shownCommand, errors: NO_ERRORS };
  }, [shownCommand, shownRead, serverChecked, tickerAnswers]);
  const shownErrors = checked.text === command ? checked.errors : NO_ERRORS;

  const running = run !== null && !run.settled;
  const serverRejected = serverChecked?.text === command && serverChecked.errors.length > 0;
  const canSubmit = readNow.kind !== 'empty' && readNow.ok && !serverRejected && !submitting && !running;

  /** Several lines: one comparison of them, then its page (live progress there). */
  const compare = async (text: string) => {
    const read = readWorkspace(text, parseComparison);
    if (read.kind !== 'comparison') return;
    inFlight.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const accepted = unwrap(await api.POST('/comparisons', { body: { members: read.members, period } }));
      void queryClient.invalidateQueries({ queryKey: ['comparisons'] });
      router.push(`/comparisons/${accepted.comparisonId}`);
    } catch (error) {
      // 422 INVALID_COMPARISON: each error names its member and column; put it on that member's line.
      const located =
        error instanceof ApiError && error.status === 422 ? locateMemberErrors(read.lines, error.details) : [];
      if (located.length > 0) {
        setServerChecked({ text, errors: located });
        showNow();
      } else setSubmitError(error);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const submit = async () => {
    const text = command;
    if (inFlight.current || running) return;
    const read = readWorkspace(text, parseComparison);
    if (read.kind === 'empty') return;
    if (!read.ok) {
      showNow();
      return;
    }
    if (read.kind === 'comparison') {
      await compare(text);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setSubmitError(null);
    const submission =
      pendingSubmission.current?.command === text
        ? pendingSubmission.current
        : { command: text, key: crypto.randomUUID() };
    pendingSubmission.current = submission;
    try {
      const accepted = unwrap(
        await api.POST('/simulate', {
          body: { command: read.command },
          params: { header: { 'Idempotency-Key': submission.key } },
        }),
      );
      pendingSubmission.current = null;
      setRun({ simulationId: accepted.simulationId, settled: false });
      void queryClient.invalidateQueries({ queryKey: ['history'] });
    } catch (error) {
      // A 4xx is a definite no: the next attempt is a new submission. Otherwise the server may have it.
      if (error instanceof ApiError && error.status < 500) pendingSubmission.current = null;
      const parserErrors =
        error instanceof ApiError && error.status === 422 ? error.details.filter(isCommandError) : [];
      if (parserErrors.length > 0) {
        setServerChecked({ text, errors: parserErrors });
        showNow();
      } else setSubmitError(error);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const onSettled = useCallback(
    (simulationId: string, outcome: RunOutcome) => {
      setRun((current) =>
        current?.simulationId === simulationId && !current.settled ? { ...current, settled: true } : current,
      );
      void queryClient.invalidateQueries({ queryKey: ['history'] });
      if (outcome.status === 'completed') router.push(`/simulations/${simulationId}`);
    },
    [router, queryClient],
  );

  // Stable: the examples below are not rendered again on every keystroke.
  const fillExample = useCallback((example: string) => {
    setCommand(example);
    setSubmitError(null);
    editor.current?.focus();
  }, []);

  return (
    <div className={styles.workspace}>
      <h1 className={styles.title}>Backtest a portfolio</h1>
      <p className={`muted ${styles.lead}`}>
        Write positions, a start and an end date, then any options, as one line. Errors show as you type. Several lines,
        one portfolio each (<kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line), compare them side by side.
      </p>

      <section className="card" aria-labelledby="command-title">
        <h2 id="command-title" className={styles.label}>
          Portfolio command
        </h2>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Suspense
            fallback={
              <div className={styles.editorLoading} role="status">
                Loading the editor…
              </div>
            }
          >
            <CommandEditor
              ref={editor}
              value={command}
              onChange={onEditorChange}
              onSubmit={() => void submit()}
              checked={checked}
              searchTickers={searchTickers ?? defaultSearch}
              describedBy={errorsId}
            />
          </Suspense>
          <CommandErrors id={errorsId} errors={shownErrors} />
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={!canSubmit} aria-busy={submitting || running}>
              {comparing ? 'Compare' : 'Run backtest'}
            </button>
            {comparing && (
              <label className={styles.period}>
                Period{' '}
                <select value={period} onChange={(event) => setPeriod(event.target.value === 'own' ? 'own' : 'common')}>
                  <option value="common">common to all</option>
                  <option value="own">each its own</option>
                </select>
              </label>
            )}
            <span className={`muted ${styles.keyHint}`}>
              or press <kbd>Enter</kbd>
            </span>
          </div>
        </form>

        {submitError !== null && (
          <div role="alert" className={`error-box ${styles.submitError}`}>
            <p>The backtest could not be started: {errorMessage(submitError)}</p>
          </div>
        )}

        {run && (
          <Suspense
            fallback={
              <div className={styles.run}>
                <ProgressBar label="Simulation progress" percent={0} phase="queued" />
              </div>
            }
          >
            <RunProgress key={run.simulationId} simulationId={run.simulationId} onSettled={onSettled} />
          </Suspense>
        )}

        <CommandExamples examples={COMMAND_EXAMPLES} onPick={fillExample} />

        <StaticSyntaxHelp />
      </section>

      {previewing && (
        <Suspense fallback={null}>
          {comparing ? (
            <MultiLinePreview lines={readNow.lines} environment={previewEnvironment} />
          ) : (
            <LivePreview
              command={command}
              onCommandChange={setCommand}
              typed={typedCommands}
              environment={previewEnvironment}
            />
          )}
        </Suspense>
      )}

      <StaticRecentSimulations />
    </div>
  );
}

/**
 * The example commands. Memoised, like the help and the recent runs below: a keystroke changes the workspace's
 * text, and only what follows the text should be rendered again (the live preview's budget is per keystroke).
 */
const CommandExamples = memo(function CommandExamples({
  examples,
  onPick,
}: {
  examples: readonly CommandExample[];
  onPick: (command: string) => void;
}) {
  return (
    <div className={styles.examples}>
      <h3 id="examples-title" className={styles.examplesTitle}>
        Examples
      </h3>
      <ul className={styles.exampleList} aria-labelledby="examples-title">
        {examples.map((example) => (
          <li key={example.label}>
            <button
              type="button"
              className={`button secondary ${styles.example}`}
              title={example.command}
              onClick={() => onPick(example.command)}
            >
              <span>{example.label}</span>
              <span className={styles.exampleDescription}>{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});

const StaticSyntaxHelp = memo(SyntaxHelp);
const StaticRecentSimulations = memo(RecentSimulations);
