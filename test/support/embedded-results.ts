import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import request from 'supertest';
import { downloadWorkbook } from '../report/report-assertions';
import { eventually, RunningApp, startApp, temporarySqlitePath } from './test-app';
import { signUp, TestUser } from './test-users';

export type Detail = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The app as `npm start` runs it (SQLite, the in-process queue, the bundled sample data, reports in a temporary
 * folder) with one signed-up person, and what the results suites do through its API: upload prices, run a command
 * to its end, build its workbook. `start()` in beforeAll, `close()` in afterAll.
 */
export class EmbeddedResults {
  running!: RunningApp;
  alice!: TestUser;
  private sqlite!: ReturnType<typeof temporarySqlitePath>;
  private reportsDir!: string;

  constructor(private readonly label: string) {}

  api = () => request(this.running.url);

  async start(): Promise<void> {
    this.sqlite = temporarySqlitePath();
    this.reportsDir = mkdtempSync(join(tmpdir(), `portofino-${this.label}-`));
    this.running = await startApp({
      SQLITE_PATH: this.sqlite.path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      REPORTS_DIR: this.reportsDir,
    });
    this.alice = await signUp(this.running.url, 'alice');
  }

  async close(): Promise<void> {
    await this.running.close();
    this.sqlite.remove();
    rmSync(this.reportsDir, { recursive: true, force: true });
  }

  /** Submits `command` and waits until it is completed or failed; its detail. */
  async simulate(command: string, user: TestUser = this.alice): Promise<Detail> {
    const accepted = await this.api().post('/simulate').set('Authorization', user.bearer).send({ command }).expect(202);
    return eventually(
      async () => {
        const response = await this.api()
          .get(`/history/${accepted.body.simulationId}`)
          .set('Authorization', user.bearer);
        return ['completed', 'failed'].includes(response.body.status) ? (response.body as Detail) : undefined;
      },
      30_000,
      `${command} to finish`,
    );
  }

  /** Uploads a CSV of daily prices for `ticker` as alice. */
  async upload(ticker: string, csv: string): Promise<void> {
    await this.api()
      .post(`/assets/${ticker}/prices`)
      .set('Authorization', this.alice.bearer)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
  }

  /** Requests alice's report of the simulation, waits for it and opens its workbook. */
  async workbookOf(simulationId: string): Promise<ExcelJS.Workbook> {
    const bearer = this.alice.bearer;
    const accepted = await this.api().post('/report').set('Authorization', bearer).send({ simulationId }).expect(202);
    await eventually(
      async () => {
        const response = await this.api().get(`/report/${accepted.body.reportId}`).set('Authorization', bearer);
        return response.body.status === 'completed' ? true : undefined;
      },
      30_000,
      'the report',
    );
    return (await downloadWorkbook(this.running.url, bearer, accepted.body.reportId as string)).workbook;
  }
}

/** The Summary sheet's rows, without Excel's empty first column. */
export const summaryRows = (workbook: ExcelJS.Workbook): unknown[][] =>
  (workbook.getWorksheet('Summary')!.getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
