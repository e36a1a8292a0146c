import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JobSummary } from '@caravan/nomad-api';
import { indexColumn } from '../data-source/column-transformers';
import type { JobSummaryRow } from './job-summary.row';

@Entity({ name: 'rm_job_summaries' })
export class JobSummaryEntity implements JobSummaryRow {
  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  @PrimaryColumn({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Column({ name: 'create_index', type: 'bigint', transformer: indexColumn })
  createIndex!: number;

  @Column({ name: 'modify_index', type: 'bigint', transformer: indexColumn })
  modifyIndex!: number;

  @Column({ type: 'jsonb' })
  summary!: JobSummary;

  @Column({ name: 'last_index', type: 'bigint', transformer: indexColumn })
  lastIndex!: number;
}

export const JOB_SUMMARIES_SCHEMA: readonly string[] = [
  `create table if not exists rm_job_summaries (
     namespace    text   not null,
     job_id       text   not null,
     create_index bigint not null,
     modify_index bigint not null,
     summary      jsonb  not null,
     last_index   bigint not null,
     primary key (namespace, job_id)
   )`,
];
