import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { serializeTransactions } from './serialized-transactions';

/** PostgreSQL when DATABASE_URL is set, embedded SQLite otherwise; migrations run at start-up. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        autoLoadEntities: true,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        return dataSource.options.type === 'better-sqlite3' ? serializeTransactions(dataSource) : dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
