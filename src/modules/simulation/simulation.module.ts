import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { MarketDataModule } from '../market-data/market-data.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MarketDataPriceSource } from './market-data.price-source';
import { PriceSource } from './price-source';
import { SimulationLifecycle } from './simulation-lifecycle.service';
import { SimulationController } from './simulation.controller';
import { SimulationProcessor } from './simulation.processor';
import { SimulationRepository } from './simulation.repository';
import { SimulationService } from './simulation.service';
import { SimulationsGateway } from './simulations.gateway';

/**
 * The simulation lifecycle, in one place: submission (POST /simulate, rerun), every state change with its events
 * (SimulationLifecycle over SimulationRepository), the processor that runs the engine, the /simulations live
 * gateway. Its read and list side is the history module (GET/DELETE /history), which it reads through.
 */
@Module({
  imports: [HistoryModule, MarketDataModule, MetricsModule],
  controllers: [SimulationController],
  providers: [
    SimulationRepository,
    SimulationLifecycle,
    SimulationService,
    SimulationProcessor,
    SimulationsGateway,
    { provide: PriceSource, useClass: MarketDataPriceSource },
  ],
  exports: [SimulationService],
})
export class SimulationModule {}
