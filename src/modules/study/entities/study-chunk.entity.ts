import { Column, Entity, PrimaryColumn } from 'typeorm';

export const STUDY_CHUNK_STATUSES = ['pending', 'done'] as const;
export type StudyChunkStatus = (typeof STUDY_CHUNK_STATUSES)[number];

/** One chunk of a study's candidates: pending until a worker stores its encoded chunk result (once). */
@Entity({ name: 'study_chunks' })
export class StudyChunkEntity {
  @PrimaryColumn({ name: 'study_id', type: 'varchar', length: 36 })
  studyId!: string;

  @PrimaryColumn({ type: 'integer' })
  chunk!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: StudyChunkStatus;

  /** Candidates in the chunk. */
  @Column({ type: 'integer' })
  candidates!: number;

  /** encodeStudyChunkResult of the chunk, once done. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  /** Tries that started on the chunk. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The worker (host:pid) that stored the result, or the last one that started it. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  worker!: string | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
