import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { AppConfigModule, AppConfigModuleOptions } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { AccountModule } from './modules/account/account.module';
import { AuthModule } from './modules/auth/auth.module';
import { MarketDataModule } from './modules/market-data/market-data.module';
import { HistoryModule } from './modules/history/history.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { SimulationModule } from './modules/simulation/simulation.module';
import { ComparisonModule } from './modules/comparison/comparison.module';
import { ReportModule } from './modules/report/report.module';
import { ProjectionModule } from './modules/projection/projection.module';
import { SharingModule } from './modules/sharing/sharing.module';
import { StudyModule } from './modules/study/study.module';
import { QueueModule } from './queue/queue.module';
import { RealtimeModule } from './realtime/realtime.module';

/**
 * The modular monolith: infrastructure (config, database, queue, events, realtime, health) and the domain
 * modules. The same module graph runs as api, worker or both; the role decides which processors consume
 * jobs and which HTTP routes answer.
 */
@Module({})
export class AppModule {
  static async forRoot(options: AppConfigModuleOptions = {}): Promise<{ module: DynamicModule; config: AppConfig }> {
    const { module: configModule, config } = await AppConfigModule.load(options);
    return {
      config,
      module: {
        module: AppModule,
        imports: [
          configModule,
          DatabaseModule,
          QueueModule.forRoot(config),
          EventsModule,
          RealtimeModule,
          HealthModule,
          MetricsModule.forRoot(),
          AuthModule,
          MarketDataModule,
          HistoryModule,
          SimulationModule,
          ReportModule,
          ProjectionModule,
          SharingModule,
          ComparisonModule,
          StudyModule,
          AccountModule,
        ],
      },
    };
  }
}
