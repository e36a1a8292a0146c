import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { indexColumn } from '../data-source/column-transformers';
import type { NomadEvaluation } from './evaluation.json';
import type { EvaluationRow } from './evaluation.row';

@Entity({ name: 'rm_evaluations' })
@Index('rm_evaluations_job', ['namespace', 'jobId'])
export class EvaluationEntity implements EvaluationRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  namespace!: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'create_index', type: 'bigint', transformer: indexColumn })
  createIndex!: number;

  @Column({ name: 'modify_index', type: 'bigint', transformer: indexColumn })
  modifyIndex!: number;

  @Column({ type: 'jsonb' })
  evaluation!: NomadEvaluation;

  @Column({ name: 'last_index', type: 'bigint', transformer: indexColumn })
  lastIndex!: number;
}

export const EVALUATIONS_SCHEMA: readonly string[] = [
  `create table if not exists rm_evaluations (
     id           text   not null primary key,
     namespace    text   not null,
     job_id       text   not null,
     status       text   not null,
     create_index bigint not null,
     modify_index bigint not null,
     evaluation   jsonb  not null,
     last_index   bigint not null
   )`,
  `create index if not exists rm_evaluations_job on rm_evaluations (namespace, job_id)`,
];
