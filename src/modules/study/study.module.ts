import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketDataModule } from '../market-data/market-data.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MarketDataPriceSource } from '../simulation/market-data.price-source';
import { PriceSource } from '../simulation/price-source';
import { StudyChunkEntity } from './entities/study-chunk.entity';
import { StudyEntity } from './entities/study.entity';
import { StudiesGateway } from './studies.gateway';
import { StudyChunkProcessor } from './study-chunk.processor';
import { StudyController } from './study.controller';
import { StudyLifecycle } from './study-lifecycle.service';
import { StudyPlanner } from './study-planner';
import { StudyRepository } from './study.repository';
import { StudyService } from './study.service';
import { StudyThreads } from './study-threads';

/**
 * Studies, a job kind on the shared lifecycle (docs/jobs.md, docs/studies.md): POST/GET/DELETE /studies, the
 * chunk processor every worker runs on its threads, the /studies live gateway.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StudyEntity, StudyChunkEntity]), MarketDataModule, MetricsModule],
  controllers: [StudyController],
  providers: [
    StudyRepository,
    StudyLifecycle,
    StudyPlanner,
    StudyService,
    StudyThreads,
    StudyChunkProcessor,
    StudiesGateway,
    { provide: PriceSource, useClass: MarketDataPriceSource },
  ],
  exports: [StudyService],
})
export class StudyModule {}
