import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { MemoryRateLimitStore, RateLimitStore, RedisRateLimitStore } from '../auth/rate-limit.store';
import { ComparisonModule } from '../comparison/comparison.module';
import { HistoryModule } from '../history/history.module';
import { ReportModule } from '../report/report.module';
import { ComparisonSharingController } from './comparison-sharing.controller';
import { ShareLinkEntity } from './entities/share-link.entity';
import { SharedController } from './shared.controller';
import { SharedReadLimiter } from './shared-read-limiter';
import { SharingController } from './sharing.controller';
import { SharingRepository } from './sharing.repository';
import { SharingService } from './sharing.service';

/** Read-only share links: /history/{id}/share and /comparisons/{id}/share for the owner, the public /shared/{token}. See docs/sharing.md. */
@Module({
  imports: [TypeOrmModule.forFeature([ShareLinkEntity]), HistoryModule, ComparisonModule, ReportModule],
  controllers: [SharingController, ComparisonSharingController, SharedController],
  providers: [
    SharingRepository,
    SharingService,
    SharedReadLimiter,
    {
      provide: RateLimitStore,
      inject: [AppConfig],
      // Shared by every API process when the deployment has Redis (the queue's); one process otherwise.
      useFactory: (config: AppConfig): RateLimitStore =>
        config.queue.kind === 'bull'
          ? new RedisRateLimitStore(config.queue.redisUrl, `${config.queue.prefix}:sharing`)
          : new MemoryRateLimitStore(),
    },
  ],
  exports: [SharingService],
})
export class SharingModule {}
