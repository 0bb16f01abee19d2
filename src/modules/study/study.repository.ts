import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { JobStateRepository } from '../../jobs/job-state.repository';
import { UNFINISHED_JOB_STATUSES } from '../../jobs/job-status';
import { StudyChunkEntity } from './entities/study-chunk.entity';
import { StudyEntity } from './entities/study.entity';
import type {
  NewStudy,
  StoredStudyResult,
  StudyChange,
  StudyChunkCounts,
  StudyRecord,
  StudyRequest,
} from './study.types';

/** A study the recovery sweep looks at. */
export interface UnfinishedStudy {
  id: string;
  createdAt: Date;
}

/** A chunk's stored result. */
export interface StoredStudyChunk {
  chunk: number;
  result: string;
  worker: string | null;
}

const NO_COUNTS: StudyChunkCounts = { chunksDone: 0, candidatesEvaluated: 0 };

const toRecord = (row: StudyEntity, counts: StudyChunkCounts, withResult: boolean): StudyRecord => ({
  id: row.id,
  userId: row.userId,
  status: row.status,
  // Written by this repository only, from these types.
  request: JSON.parse(row.request) as StudyRequest,
  candidateCount: row.candidateCount,
  chunkCount: row.chunkCount,
  chunkSize: row.chunkSize,
  fingerprint: row.fingerprint,
  progress: {
    phase: row.progressPhase,
    percent: row.progressPercent,
    chunksDone: counts.chunksDone,
    chunksTotal: row.chunkCount,
    candidatesEvaluated: counts.candidatesEvaluated,
  },
  failureReason: row.failureReason,
  failureCode: row.failureCode,
  result: withResult && row.result !== null ? (JSON.parse(row.result) as StoredStudyResult) : null,
  createdAt: row.createdAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

/** Every column but the result and the scatter (lists and the workers do not need them). */
const SUMMARY_COLUMNS = [
  's.id',
  's.userId',
  's.status',
  's.request',
  's.candidateCount',
  's.chunkCount',
  's.chunkSize',
  's.fingerprint',
  's.progressPhase',
  's.progressPercent',
  's.failureReason',
  's.failureCode',
  's.createdAt',
  's.startedAt',
  's.finishedAt',
];

/**
 * The only code that touches the studies and study_chunks tables: each state change of a study is written with
 * its events; a chunk's result is stored once, whichever worker (or try) gets there first.
 */
@Injectable()
export class StudyRepository extends JobStateRepository<StudyChange> {
  constructor(@InjectDataSource() dataSource: DataSource, events: EventPublisher) {
    super(dataSource, events);
  }

  /** The study (queued), one pending row per chunk, and its events, in one transaction. */
  async insert(study: NewStudy, chunkSizes: readonly number[], events: DomainEvent[]): Promise<void> {
    await this.inTransactionWithEvents(events, async (tx) => {
      await tx.getRepository(StudyEntity).insert({
        id: study.id,
        userId: study.userId,
        status: 'queued',
        request: JSON.stringify(study.request),
        candidateCount: study.candidateCount,
        chunkCount: study.chunkCount,
        chunkSize: study.chunkSize,
        fingerprint: study.fingerprint,
        progressPhase: null,
        progressPercent: 0,
        failureReason: null,
        failureCode: null,
        result: null,
        scatter: null,
        createdAt: study.createdAt,
        startedAt: null,
        finishedAt: null,
      });
      const rows = chunkSizes.map((candidates, chunk) => ({
        studyId: study.id,
        chunk,
        status: 'pending' as const,
        candidates,
        result: null,
        attempts: 0,
        worker: null,
        finishedAt: null,
      }));
      // SQLite allows 999 parameters a statement: 8 columns, 100 rows at a time.
      for (let from = 0; from < rows.length; from += 100) {
        await tx.getRepository(StudyChunkEntity).insert(rows.slice(from, from + 100));
      }
      return true;
    });
  }

  /** The study with its result (not the scatter) and its chunk counts. */
  async findById(id: string): Promise<StudyRecord | null> {
    const row = await this.dataSource
      .getRepository(StudyEntity)
      .createQueryBuilder('s')
      .select([...SUMMARY_COLUMNS, 's.result'])
      .where('s.id = :id', { id })
      .getOne();
    return row ? toRecord(row, await this.chunkCounts(id), true) : null;
  }

  /** The study without its result, with its chunk counts: what a worker reads for every chunk. */
  async findSummary(id: string): Promise<StudyRecord | null> {
    const row = await this.dataSource
      .getRepository(StudyEntity)
      .createQueryBuilder('s')
      .select(SUMMARY_COLUMNS)
      .where('s.id = :id', { id })
      .getOne();
    return row ? toRecord({ ...row, result: null }, await this.chunkCounts(id), false) : null;
  }

  /** The stored scatter (encodeStudyScatter), or null before completion. */
  async findScatter(id: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(StudyEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.scatter'])
      .where('s.id = :id', { id })
      .getOne();
    return row?.scatter ?? null;
  }

  /** A page of the user's studies, newest first, without their results. */
  async findByUser(userId: string, page: number, size: number): Promise<{ items: StudyRecord[]; total: number }> {
    const [rows, total] = await this.dataSource
      .getRepository(StudyEntity)
      .createQueryBuilder('s')
      .select(SUMMARY_COLUMNS)
      .where('s.user_id = :userId', { userId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip((page - 1) * size)
      .take(size)
      .getManyAndCount();
    const counts = await this.chunkCountsOf(rows.map((row) => row.id));
    return {
      items: rows.map((row) => toRecord({ ...row, result: null }, counts.get(row.id) ?? NO_COUNTS, false)),
      total,
    };
  }

  /** Studies still queued or running that were requested before `before`, oldest first, after `after`. */
  async findUnfinished(before: Date, limit: number, after?: UnfinishedStudy): Promise<UnfinishedStudy[]> {
    const builder = this.dataSource
      .getRepository(StudyEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.createdAt'])
      .where(`s.status IN ('queued', 'running')`)
      .andWhere('s.created_at < :before', { before });
    if (after) {
      builder.andWhere('(s.created_at > :afterAt OR (s.created_at = :afterAt AND s.id > :afterId))', {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    }
    const rows = await builder.orderBy('s.created_at', 'ASC').addOrderBy('s.id', 'ASC').limit(limit).getMany();
    return rows.map((row) => ({ id: row.id, createdAt: row.createdAt }));
  }

  /** The chunks of a study without a stored result, in order. */
  async pendingChunks(studyId: string): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(StudyChunkEntity)
      .find({ select: { chunk: true }, where: { studyId, status: 'pending' }, order: { chunk: 'ASC' } });
    return rows.map((row) => row.chunk);
  }

  /** Whether the chunk's result is stored. */
  async isChunkDone(studyId: string, chunk: number): Promise<boolean> {
    return this.dataSource.getRepository(StudyChunkEntity).exists({ where: { studyId, chunk, status: 'done' } });
  }

  /** Counts a try starting on a pending chunk, and by whom. */
  async markChunkStarted(studyId: string, chunk: number, worker: string): Promise<void> {
    await this.dataSource
      .getRepository(StudyChunkEntity)
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1', worker })
      .where('study_id = :studyId AND chunk = :chunk AND status = :pending', { studyId, chunk, pending: 'pending' })
      .execute();
  }

  /**
   * Stores a chunk's result if none is stored yet (a chunk taken again after its worker died, or run by two
   * workers at once, is written once); false when it already was.
   */
  async storeChunkResult(studyId: string, chunk: number, result: string, worker: string): Promise<boolean> {
    const written = await this.dataSource
      .getRepository(StudyChunkEntity)
      .update({ studyId, chunk, status: 'pending' }, { status: 'done', result, worker, finishedAt: new Date() });
    return (written.affected ?? 0) > 0;
  }

  /** Every stored chunk result of the study, in chunk order. */
  async storedChunks(studyId: string): Promise<StoredStudyChunk[]> {
    const rows = await this.dataSource.getRepository(StudyChunkEntity).find({
      select: { chunk: true, result: true, worker: true },
      where: { studyId, status: 'done' },
      order: { chunk: 'ASC' },
    });
    return rows.map((row) => ({ chunk: row.chunk, result: row.result ?? '', worker: row.worker }));
  }

  /** Which worker stored each chunk (tests and diagnostics). */
  async chunkWorkers(studyId: string): Promise<{ chunk: number; worker: string | null; attempts: number }[]> {
    const rows = await this.dataSource.getRepository(StudyChunkEntity).find({
      select: { chunk: true, worker: true, attempts: true },
      where: { studyId },
      order: { chunk: 'ASC' },
    });
    return rows.map(({ chunk, worker, attempts }) => ({ chunk, worker, attempts }));
  }

  async chunkCounts(studyId: string): Promise<StudyChunkCounts> {
    return (await this.chunkCountsOf([studyId])).get(studyId) ?? NO_COUNTS;
  }

  private async chunkCountsOf(ids: readonly string[]): Promise<Map<string, StudyChunkCounts>> {
    const counts = new Map<string, StudyChunkCounts>();
    if (ids.length === 0) return counts;
    const rows = await this.dataSource
      .getRepository(StudyChunkEntity)
      .createQueryBuilder('c')
      .select('c.study_id', 'studyId')
      .addSelect('COUNT(*)', 'chunks')
      .addSelect('SUM(c.candidates)', 'candidates')
      .where('c.study_id IN (:...ids)', { ids })
      .andWhere('c.status = :done', { done: 'done' })
      .groupBy('c.study_id')
      .getRawMany<{ studyId: string; chunks: string | number; candidates: string | number }>();
    for (const row of rows) {
      counts.set(row.studyId, { chunksDone: Number(row.chunks), candidatesEvaluated: Number(row.candidates) });
    }
    return counts;
  }

  async changeUnfinished(id: string, change: StudyChange, events: DomainEvent[]): Promise<boolean> {
    const written = await this.inTransactionWithEvents(events, async (tx) => {
      const result = await tx
        .getRepository(StudyEntity)
        .update({ id, status: In([...UNFINISHED_JOB_STATUSES]) }, change);
      return (result.affected ?? 0) > 0;
    });
    return written === true;
  }

  /** `change` and its events only while the study is still queued: the start is written once, by its first chunk. */
  async changeQueued(id: string, change: StudyChange, events: DomainEvent[]): Promise<boolean> {
    const written = await this.inTransactionWithEvents(events, async (tx) => {
      const result = await tx.getRepository(StudyEntity).update({ id, status: 'queued' }, change);
      return (result.affected ?? 0) > 0;
    });
    return written === true;
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(StudyChunkEntity).delete({ studyId: id });
      await tx.getRepository(StudyEntity).delete({ id });
    });
  }

  /** Frees the chunk results of a finished study (the result is stored): what a completed study no longer needs. */
  async clearChunkResults(studyId: string): Promise<void> {
    await this.dataSource.getRepository(StudyChunkEntity).update({ studyId, result: Not(IsNull()) }, { result: null });
  }
}
