import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { newSimulation } from '../../../test/support/stored-simulation';
import { parseEnvironment } from '../../config/environment.schema';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import { JobRecovery } from '../../queue/job-recovery';
import { AccessTokenService } from '../auth/access-token.service';
import { AuthSecrets } from '../auth/auth-secrets';
import { AccountNotFoundError, FreshSignInRequiredError, InvalidCredentialsError } from '../auth/auth.errors';
import { AuthService, Session } from '../auth/auth.service';
import { ExistingAccounts } from '../auth/existing-accounts';
import { PasswordHasher } from '../auth/password-hasher';
import { MemoryRateLimitStore } from '../auth/rate-limit.store';
import { hashRefreshToken } from '../auth/refresh-token';
import { RefreshTokenRepository } from '../auth/refresh-token.repository';
import { SignInLimiter } from '../auth/sign-in-limiter';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { MetricsService } from '../metrics/metrics.service';
import { LocalReportStorage } from '../report/report-storage';
import { REPORT_EVENTS, reportEvent } from '../report/report.events';
import { ReportRepository } from '../report/report.repository';
import { ReportService } from '../report/report.service';
import { SimulationLifecycle } from '../simulation/simulation-lifecycle.service';
import { SimulationRepository } from '../simulation/simulation.repository';
import { UserEntity } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AccountService } from './account.service';

const SECRET = 'a-test-secret-of-more-than-thirty-two-bytes';
const PASSWORD = 'correct horse battery staple';
const COMMAND = 'AAPL-L-100% 2020-01-01 2020-12-31';

/** Argon2 costs tens of milliseconds a hash: a readable stand-in. */
class PlainPasswords extends PasswordHasher {
  override async hash(password: string): Promise<string> {
    return `plain:${password}`;
  }

  override async verify(hash: string, password: string): Promise<boolean> {
    return hash === `plain:${password}`;
  }

  override async verifyNothing(): Promise<false> {
    return false;
  }
}

/**
 * Deleting an account on the real auth, users and report services (SQLite, a temporary reports directory): the
 * person proves it is theirs, then the row goes with everything it owns, the account.deleted event is written,
 * the workbook files are removed and the account's access tokens are refused at once.
 */
describe('AccountService', () => {
  let db: JobDatabase;
  let reportsDir: string;
  let queues: InMemoryJobQueues;
  let auth: AuthService;
  let users: UsersService;
  let accessTokens: AccessTokenService;
  let reports: ReportRepository;
  let storage: LocalReportStorage;
  let simulations: SimulationLifecycle;
  let account: AccountService;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    reportsDir = mkdtempSync(join(tmpdir(), 'pft-account-'));
    const config = parseEnvironment({ NODE_ENV: 'test', JWT_SECRET: SECRET, REPORTS_DIR: reportsDir });
    users = new UsersService(new UsersRepository(db.dataSource.getRepository(UserEntity)), db.events);
    const accounts = new ExistingAccounts(users);
    accessTokens = new AccessTokenService(config, new AuthSecrets(SECRET), accounts);
    const metrics = new MetricsService();
    auth = new AuthService(
      config,
      users,
      new PlainPasswords(),
      accessTokens,
      new RefreshTokenRepository(db.dataSource),
      metrics,
      accounts,
      new SignInLimiter(config, new MemoryRateLimitStore()),
    );
    queues = new InMemoryJobQueues();
    reports = new ReportRepository(db.dataSource, db.events);
    storage = new LocalReportStorage(config);
    simulations = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
    const reportService = new ReportService(
      reports,
      new HistoryService(new HistoryRepository(db.dataSource, db.events)),
      storage,
      queues,
      metrics,
      new JobRecovery(config, queues),
    );
    account = new AccountService(auth, users, reportService);
  });

  afterAll(async () => {
    await queues?.beforeApplicationShutdown();
    await db?.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  /** A signed-up person with a simulation and a built report of it: the session and the report's file key. */
  async function personWithReport(): Promise<{ session: Session; fileKey: string; simulationId: string }> {
    const session = await auth.register({ email: `${randomUUID()}@example.com`, password: PASSWORD }, randomUUID());
    const userId = session.user.id;
    const simulation = await simulations.submit(newSimulation(COMMAND, userId));
    const reportId = randomUUID();
    await reports.insert({ id: reportId, userId, simulationId: simulation.id, createdAt: new Date() }, [
      reportEvent(REPORT_EVENTS.requested, userId, reportId, {
        simulationId: simulation.id,
        taskId: reportId,
        force: false,
      }),
    ]);
    const fileKey = `${simulation.id}/${reportId}.xlsx`;
    await storage.put(fileKey, Buffer.from('workbook'));
    return { session, fileKey, simulationId: simulation.id };
  }

  const signedIn = (session: Session, secondsAgo = 0) => ({
    id: session.user.id,
    email: session.user.email,
    signedInAt: new Date(Date.now() - secondsAgo * 1000),
    expiresAt: new Date(Date.now() + 600_000),
  });

  it('refuses a wrong password or a stale sign-in and deletes nothing', async () => {
    const { session, fileKey } = await personWithReport();
    await expect(account.delete(signedIn(session), 'not the password')).rejects.toThrow(InvalidCredentialsError);
    await expect(account.delete(signedIn(session, 3600), undefined)).rejects.toThrow(FreshSignInRequiredError);
    expect(await users.findById(session.user.id)).not.toBeNull();
    expect(await storage.exists(fileKey)).toBe(true);
    expect(await db.envelopes(session.user.id)).toEqual([]);
  });

  it('deletes the account with its simulations, reports, files and sessions, and refuses its tokens at once', async () => {
    const { session, fileKey, simulationId } = await personWithReport();
    const userId = session.user.id;
    expect((await accessTokens.verify(session.accessToken)).id).toBe(userId);

    await account.delete(signedIn(session), PASSWORD);

    expect(await users.findById(userId)).toBeNull();
    expect(await db.row('SELECT COUNT(*) AS n FROM simulations WHERE id = ?', [simulationId])).toEqual({ n: 0 });
    expect(await db.row('SELECT COUNT(*) AS n FROM reports WHERE user_id = ?', [userId])).toEqual({ n: 0 });
    expect(
      await db.row('SELECT COUNT(*) AS n FROM refresh_tokens WHERE token_hash = ?', [
        hashRefreshToken(session.refreshToken),
      ]),
    ).toEqual({ n: 0 });
    expect(await storage.exists(fileKey)).toBe(false);
    expect(existsSync(join(reportsDir, simulationId))).toBe(false);
    expect((await db.envelopes(userId)).map((envelope) => [envelope.type, envelope.data])).toEqual([
      ['account.deleted', { reason: 'deleted-by-user' }],
    ]);
    await expect(accessTokens.verify(session.accessToken)).rejects.toThrow(AccountNotFoundError);
  });

  it('accepts a sign-in of the last minutes in place of the password', async () => {
    const { session } = await personWithReport();
    await account.delete(signedIn(session, 60), undefined);
    expect(await users.findById(session.user.id)).toBeNull();
  });
});
