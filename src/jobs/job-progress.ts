/** How a job kind writes its progress (each write is a state change with its event, see JobStateRepository). */
export interface ProgressWrites {
  /** Records the start (`running` and the started event) together with the first reported phase. */
  start(phase: string, percent: number): Promise<unknown>;
  /** Records a later phase (its progress event). */
  progress(phase: string, percent: number): Promise<unknown>;
}

export interface JobProgressOptions {
  /**
   * 0: every phase is written as it is reported (and report() waits for it). Otherwise the latest phase is written
   * once the run has gone this long without a write (SIMULATION_PROGRESS_MS), so a run of milliseconds writes none.
   */
  intervalMs: number;
  /** The queue's own progress of the job (Bull's), before each write. */
  queue(percent: number): Promise<void>;
  writes: ProgressWrites;
  /** The start is already recorded: every write is a progress write. */
  started?: boolean;
  /** A write that failed. Returning makes it not fatal (progress is for people); throwing fails report(). */
  onWriteError(error: unknown, phase: string): void;
}

/**
 * The progress of one run of a job, shared by every job kind. Progress is for people: with an interval, the latest
 * phase is written once the run has gone `intervalMs` without a write, so a cached simulation (milliseconds)
 * costs no progress writes or events while a slow provider fetch shows up as it happens (a new phase does not
 * restart the wait). The start is written with the first written phase; a run that ends before any records its
 * start in its final state change instead (settle() says whether the start is recorded), so a short run costs
 * one write and its consumers still see started before completed. Writes happen one after another; settle()
 * drops a pending one, ignores later reports and waits for the one in flight, so no progress can land after the
 * final state.
 */
export class JobProgress {
  private timer: NodeJS.Timeout | undefined;
  private startRecorded: boolean;
  private settled = false;
  private chain: Promise<void> = Promise.resolve();
  private pending: { phase: string; percent: number } | undefined;

  constructor(private readonly options: JobProgressOptions) {
    this.startRecorded = options.started ?? false;
  }

  /** Reports a phase; each report is a moment for other requests to run (the work between is synchronous). */
  readonly report = async (phase: string, percent: number): Promise<void> => {
    // A ticker still loading after another failed must not report over the final state.
    if (this.settled) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.settled) return;
    if (this.options.intervalMs === 0) return this.write(phase, percent);
    // The latest phase is written once the first unwritten one has lasted the interval, then at most once an
    // interval: steadily changing progress (fetching prices 1/20, 2/20, …) shows while it changes.
    this.pending = { phase, percent };
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const latest = this.pending!;
      this.pending = undefined;
      this.write(latest.phase, latest.percent).catch(() => undefined);
    }, this.options.intervalMs);
  };

  /** Ends reporting: whether the start has been recorded (if not, the final state change records it). */
  async settle(): Promise<{ startRecorded: boolean }> {
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
    return { startRecorded: this.startRecorded };
  }

  private write(phase: string, percent: number): Promise<void> {
    const next = this.chain.then(async () => {
      await this.options.queue(percent);
      if (this.startRecorded) {
        await this.options.writes.progress(phase, percent);
      } else {
        await this.options.writes.start(phase, percent);
        this.startRecorded = true;
      }
    });
    this.chain = next.catch(() => undefined);
    return next.catch((error: unknown) => this.options.onWriteError(error, phase));
  }
}
