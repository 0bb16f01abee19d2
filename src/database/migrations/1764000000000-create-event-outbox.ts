import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/** The transactional outbox: events committed with the state change they describe, published by the relay. */
export class CreateEventOutbox1764000000000 implements MigrationInterface {
  name = 'CreateEventOutbox1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'event_outbox',
        columns: [
          {
            name: 'seq',
            type: types.bigSerial,
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'id', type: types.uuid, length: types.postgres ? undefined : '36', isUnique: true },
          { name: 'topic', type: 'varchar', length: '200' },
          { name: 'key', type: 'varchar', length: '200' },
          { name: 'type', type: 'varchar', length: '100' },
          { name: 'payload', type: 'text' },
          { name: 'headers', type: 'text', isNullable: true },
          { name: 'created_at', type: types.timestamp, default: types.now },
          { name: 'published_at', type: types.timestamp, isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'last_error', type: 'text', isNullable: true },
        ],
      }),
    );
    // The relay scans unpublished rows in order; the partial index stays small as rows are published.
    await queryRunner.createIndex(
      'event_outbox',
      new TableIndex({ name: 'idx_event_outbox_unpublished', columnNames: ['seq'], where: 'published_at IS NULL' }),
    );
    await queryRunner.createIndex(
      'event_outbox',
      new TableIndex({ name: 'idx_event_outbox_published_at', columnNames: ['published_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('event_outbox');
  }
}
