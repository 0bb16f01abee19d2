import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HistoryModule } from '../history/history.module';
import { MarketDataModule } from '../market-data/market-data.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MarketDataPriceSource } from '../simulation/market-data.price-source';
import { PriceSource } from '../simulation/price-source';
import { ComparisonController } from './comparison.controller';
import { ComparisonProcessor } from './comparison.processor';
import { ComparisonRepository } from './comparison.repository';
import { ComparisonService } from './comparison.service';
import { ComparisonsGateway } from './comparisons.gateway';
import { ComparisonEntity } from './entities/comparison.entity';

/**
 * Comparisons, a job kind on the shared lifecycle (docs/jobs.md): POST/GET/DELETE /comparisons and re-run, the
 * processor that simulates every member as a single run does (the same PriceSource and engine), the
 * /comparisons live gateway.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ComparisonEntity]), HistoryModule, MarketDataModule, MetricsModule],
  controllers: [ComparisonController],
  providers: [
    ComparisonRepository,
    ComparisonService,
    ComparisonProcessor,
    ComparisonsGateway,
    { provide: PriceSource, useClass: MarketDataPriceSource },
  ],
  exports: [ComparisonService],
})
export class ComparisonModule {}
