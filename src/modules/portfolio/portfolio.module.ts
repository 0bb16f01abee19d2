import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';
import { PriceSource } from './price-source';
import { MarketDataModule } from '../market-data/market-data.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MarketDataPriceSource } from './market-data.price-source';
import { SimulationProcessor } from './simulation.processor';
import { SimulationsGateway } from './simulations.gateway';

/** Simulation: POST /simulate, the Bull processor that runs the engine, the /simulations live gateway. */
@Module({
  imports: [HistoryModule, MarketDataModule, MetricsModule],
  controllers: [PortfolioController],
  providers: [
    PortfolioService,
    SimulationProcessor,
    SimulationsGateway,
    { provide: PriceSource, useClass: MarketDataPriceSource },
  ],
  exports: [PortfolioService],
})
export class PortfolioModule {}
