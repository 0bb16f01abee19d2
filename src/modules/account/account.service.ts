import { Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedUser } from '../../common/authenticated-user';
import { AuthService } from '../auth/auth.service';
import { ReportService } from '../report/report.service';
import { UsersService } from '../users/users.service';
import { ACCOUNT_EVENTS, accountEvent } from './account.events';

/**
 * The life of an account beyond signing in: deleting it with everything it owns. The users module deletes the
 * row, and the database's foreign keys everything that refers to it, in one transaction with the
 * `account.deleted` event; the report module removes the workbook files, which no foreign key reaches.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly reports: ReportService,
  ) {}

  /**
   * Deletes the account after the person proved it is theirs (the password, or a recent sign-in): sessions,
   * simulations and their results, reports and their files, uploaded prices. Its access tokens are refused
   * from then on.
   */
  async delete(user: AuthenticatedUser, password: string | undefined): Promise<void> {
    await this.auth.confirmIdentity(user, password);
    // Listed before the rows go (their keys are in them), removed after: a build finishing meanwhile discards its own.
    const files = await this.reports.fileKeysOfUser(user.id);
    const deleted = await this.users.delete(user.id, [
      accountEvent(ACCOUNT_EVENTS.deleted, user.id, { reason: 'deleted-by-user' as const }),
    ]);
    this.auth.forgetAccount(user.id);
    await this.reports.removeFiles(files);
    this.logger.log({ message: 'account deleted', userId: user.id, reportFiles: files.length, deleted });
  }
}
