import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SimulationTickerEntity } from './entities/simulation-ticker.entity';
import { SimulationEntity } from './entities/simulation.entity';
import { HistoryController } from './history.controller';
import { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';

/** The user's simulations and their stored results: GET/DELETE /history. */
@Module({
  imports: [TypeOrmModule.forFeature([SimulationEntity, SimulationTickerEntity])],
  controllers: [HistoryController],
  providers: [HistoryRepository, HistoryService],
  exports: [HistoryService],
})
export class HistoryModule {}
