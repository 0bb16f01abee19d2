import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReportModule } from '../report/report.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

/**
 * An account's end: DELETE /auth/me. A module of its own because it reaches across the others (auth proves who
 * is asking, users deletes, reports removes files), which must not depend on each other for it. See docs/auth.md.
 */
@Module({
  imports: [AuthModule, UsersModule, ReportModule],
  controllers: [AccountController],
  providers: [AccountService],
  exports: [AccountService],
})
export class AccountModule {}
