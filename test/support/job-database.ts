import { ProjectionEntity } from '../../src/modules/projection/entities/projection.entity';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { serializeTransactions } from '../../src/database/serialized-transactions';
import type { EventEnvelope } from '../../src/events/event-envelope';
import { EventPublisher } from '../../src/events/event-publisher';
import { InProcessEventTransport } from '../../src/events/in-process-event.transport';
import { ComparisonEntity } from '../../src/modules/comparison/entities/comparison.entity';
import { OutboxEventEntity } from '../../src/events/outbox-event.entity';
import { OutboxRelay } from '../../src/events/outbox-relay';
import { OutboxRepository } from '../../src/events/outbox.repository';
import { SimulationTickerEntity } from '../../src/modules/history/entities/simulation-ticker.entity';
import { SimulationEntity } from '../../src/modules/history/entities/simulation.entity';
import { ReportEntity } from '../../src/modules/report/entities/report.entity';
import { StudyChunkEntity } from '../../src/modules/study/entities/study-chunk.entity';
import { StudyEntity } from '../../src/modules/study/entities/study.entity';
import { UserEntity } from '../../src/modules/users/entities/user.entity';
import { RefreshTokenEntity } from '../../src/modules/auth/entities/refresh-token.entity';
import { ShareLinkEntity } from '../../src/modules/sharing/entities/share-link.entity';
import { AssetEntity } from '../../src/modules/market-data/entities/asset.entity';
import { PriceCoverageEntity } from '../../src/modules/market-data/entities/price-coverage.entity';
import { PriceEntity } from '../../src/modules/market-data/entities/price.entity';
import { testDatabaseUrl } from '../harness/test-services';
import { temporarySqlitePath } from './test-app';

export type DatabaseKind = 'SQLite' | 'PostgreSQL';

/**
 * A migrated database (a SQLite file, or a fresh database on the harness's PostgreSQL) with the real outbox
 * behind an EventPublisher, for repository and lifecycle specs (jobs, accounts, sessions, share links, prices)
 * that need no Nest application: seconds, not a server's boot.
 */
export interface JobDatabase {
  dataSource: DataSource;
  events: EventPublisher;
  /** A new account (simulations and reports have a foreign key to users): its id. */
  newUser(): Promise<string>;
  /** The envelopes in the outbox with this key, in the order they were written. */
  envelopes(key: string): Promise<EventEnvelope<Record<string, unknown>>[]>;
  /** One row of raw SQL (? placeholders are turned into $n on PostgreSQL). */
  row(sql: string, parameters: unknown[]): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
}

export async function openJobDatabase(kind: DatabaseKind): Promise<JobDatabase> {
  const sqlite = kind === 'SQLite' ? temporarySqlitePath() : undefined;
  const options = buildDataSourceOptions(
    sqlite
      ? { kind: 'sqlite', path: sqlite.path, migrationsRun: true }
      : { kind: 'postgres', url: await testDatabaseUrl('jobs'), poolSize: 4, migrationsRun: true },
  );
  const dataSource = new DataSource({
    ...options,
    entities: [
      OutboxEventEntity,
      SimulationEntity,
      SimulationTickerEntity,
      ReportEntity,
      ComparisonEntity,
      ProjectionEntity,
      StudyEntity,
      StudyChunkEntity,
      UserEntity,
      RefreshTokenEntity,
      ShareLinkEntity,
      AssetEntity,
      PriceCoverageEntity,
      PriceEntity,
    ],
  });
  await dataSource.initialize();
  // As DatabaseModule does: concurrent transactions on SQLite's one connection wait their turn.
  if (sqlite) serializeTransactions(dataSource);
  const outbox = new OutboxRepository(dataSource);
  const relay = new OutboxRelay(outbox, new InProcessEventTransport(), 60_000);
  const placeholders = (sql: string) => {
    let n = 0;
    return kind === 'PostgreSQL' ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  };
  const rows = async (sql: string, parameters: unknown[]) =>
    (await dataSource.query(placeholders(sql), parameters)) as Record<string, unknown>[];
  return {
    dataSource,
    events: new EventPublisher(outbox, relay),
    async newUser() {
      const id = randomUUID();
      const now = new Date();
      await dataSource.getRepository(UserEntity).insert({
        id,
        email: `${id}@example.com`,
        passwordHash: null,
        googleSubject: null,
        displayName: null,
        emailVerifiedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      return id;
    },
    async envelopes(key) {
      const found = await rows('SELECT payload FROM event_outbox WHERE "key" = ? ORDER BY seq', [key]);
      return found.map((one) => JSON.parse(String(one.payload)) as EventEnvelope<Record<string, unknown>>);
    },
    async row(sql, parameters) {
      return (await rows(sql, parameters))[0];
    },
    async close() {
      await relay.beforeApplicationShutdown();
      await dataSource.destroy();
      sqlite?.remove();
    },
  };
}
