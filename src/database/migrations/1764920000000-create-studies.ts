import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Studies (a job kind, docs/jobs.md, docs/studies.md): one row per study with its request, its size and, once
 * completed, the finalised result (JSON, without the scatter) and the encoded scatter. `study_chunks` holds one
 * row per chunk of candidates with its encoded chunk result once a worker stored it, so results survive a
 * crashed worker and a chunk taken again is written once (primary key (study_id, chunk)). The owner's rows go
 * with the account, a study's chunks with the study (ON DELETE CASCADE).
 */
export class CreateStudies1764920000000 implements MigrationInterface {
  name = 'CreateStudies1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'studies',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'request', type: 'text' },
          { name: 'candidate_count', type: 'integer' },
          { name: 'chunk_count', type: 'integer' },
          { name: 'chunk_size', type: 'integer' },
          { name: 'fingerprint', type: 'varchar', length: '200' },
          { name: 'progress_phase', type: 'varchar', length: '60', isNullable: true },
          { name: 'progress_percent', type: 'integer', default: 0 },
          { name: 'failure_reason', type: 'text', isNullable: true },
          { name: 'failure_code', type: 'varchar', length: '60', isNullable: true },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'scatter', type: 'text', isNullable: true },
          { name: 'created_at', type: types.timestamp },
          { name: 'started_at', type: types.timestamp, isNullable: true },
          { name: 'finished_at', type: types.timestamp, isNullable: true },
        ],
      }),
    );
    // The list reads a user's studies newest first; the recovery sweep the unfinished ones oldest first.
    await queryRunner.createIndex(
      'studies',
      new TableIndex({ name: 'idx_studies_user_created', columnNames: ['user_id', 'created_at'] }),
    );
    await queryRunner.createIndex(
      'studies',
      new TableIndex({ name: 'idx_studies_unfinished', columnNames: ['status', 'created_at'] }),
    );
    await queryRunner.createForeignKey(
      'studies',
      new TableForeignKey({
        name: 'fk_studies_user',
        columnNames: ['user_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'study_chunks',
        columns: [
          { name: 'study_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'chunk', type: 'integer', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'candidates', type: 'integer' },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'worker', type: 'varchar', length: '200', isNullable: true },
          { name: 'finished_at', type: types.timestamp, isNullable: true },
        ],
      }),
    );
    await queryRunner.createForeignKey(
      'study_chunks',
      new TableForeignKey({
        name: 'fk_study_chunks_study',
        columnNames: ['study_id'],
        referencedTableName: 'studies',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('study_chunks');
    await queryRunner.dropTable('studies');
  }
}
