import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { MetricsModule } from '../metrics/metrics.module';
import { MemorySeriesCache } from './cache/memory-series.cache';
import { RedisSeriesCache } from './cache/redis-series.cache';
import { SeriesCache } from './cache/series-cache';
import { CsvBodyMiddleware } from './csv-body.middleware';
import { AssetEntity } from './entities/asset.entity';
import { PriceCoverageEntity } from './entities/price-coverage.entity';
import { PriceEntity } from './entities/price.entity';
import { MarketDataController } from './market-data.controller';
import { MarketDataRepository } from './market-data.repository';
import { MARKET_DATA_PROVIDERS, MarketDataService } from './market-data.service';
import { MarketDataProvider } from './providers/market-data.provider';
import { SampleProvider } from './providers/sample.provider';
import { YahooProvider } from './providers/yahoo.provider';
import { TickersController } from './tickers.controller';

/**
 * Market data: providers (Yahoo, the bundled sample data) in the configured order, the user's uploads, the
 * price store (assets, prices, price_coverage) and the hot-series cache (Redis with REDIS_URL, else memory).
 * Exports MarketDataService only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AssetEntity, PriceEntity, PriceCoverageEntity]), MetricsModule],
  controllers: [MarketDataController, TickersController],
  providers: [
    MarketDataRepository,
    YahooProvider,
    SampleProvider,
    {
      provide: MARKET_DATA_PROVIDERS,
      inject: [AppConfig, YahooProvider, SampleProvider],
      useFactory: (config: AppConfig, yahoo: YahooProvider, sample: SampleProvider): MarketDataProvider[] =>
        config.marketData.providers.map((name) => (name === 'yahoo' ? yahoo : sample)),
    },
    {
      provide: SeriesCache,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SeriesCache =>
        config.queue.kind === 'bull'
          ? new RedisSeriesCache(
              config.queue.redisUrl,
              config.marketData.cache.redisPrefix,
              config.marketData.cache.redisTtlSeconds,
            )
          : new MemorySeriesCache(config.marketData.cache.memorySeries),
    },
    MarketDataService,
    CsvBodyMiddleware,
  ],
  exports: [MarketDataService],
})
export class MarketDataModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsvBodyMiddleware).forRoutes({ path: 'assets/:ticker/prices', method: RequestMethod.POST });
  }
}
