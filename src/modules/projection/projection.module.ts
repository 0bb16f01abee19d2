import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HistoryModule } from '../history/history.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ProjectionEntity } from './entities/projection.entity';
import { ProjectionController } from './projection.controller';
import { ProjectionLifecycle } from './projection-lifecycle.service';
import { ProjectionProcessor } from './projection.processor';
import { ProjectionRepository } from './projection.repository';
import { ProjectionService } from './projection.service';
import { ProjectionsGateway } from './projections.gateway';

/** Monte Carlo projections: POST /history/{id}/projections, GET /projections/{id}, the worker, the /projections socket. */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectionEntity]), HistoryModule, MetricsModule],
  controllers: [ProjectionController],
  providers: [ProjectionRepository, ProjectionLifecycle, ProjectionService, ProjectionProcessor, ProjectionsGateway],
  exports: [ProjectionService],
})
export class ProjectionModule {}
