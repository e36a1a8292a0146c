import { Column, Entity, PrimaryColumn } from 'typeorm';
import { indexColumn, int64Column } from '../data-source/column-transformers';
import type { Job } from '@caravan/nomad-api';
import type { JobStatus, JobStatusInputs } from '@caravan/domain/jobs';
import type { JobRow } from './job.row';

@Entity({ name: 'rm_jobs' })
export class JobEntity implements JobRow {
  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  status!: JobStatus;

  @Column({ type: 'integer' })
  priority!: number;

  @Column({ type: 'boolean' })
  stop!: boolean;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'create_index', type: 'bigint', transformer: indexColumn })
  createIndex!: number;

  @Column({ name: 'modify_index', type: 'bigint', transformer: indexColumn })
  modifyIndex!: number;

  @Column({ name: 'job_modify_index', type: 'bigint', transformer: indexColumn })
  jobModifyIndex!: number;

  @Column({ name: 'submit_time', type: 'bigint', transformer: int64Column })
  submitTime!: bigint;

  @Column({ type: 'jsonb' })
  job!: Job;

  @Column({ name: 'status_inputs', type: 'jsonb' })
  statusInputs!: JobStatusInputs;

  @Column({ name: 'last_index', type: 'bigint', transformer: indexColumn })
  lastIndex!: number;
}

export const JOBS_SCHEMA: readonly string[] = [
  `create table if not exists rm_jobs (
     namespace        text    not null,
     id               text    not null,
     name             text    not null,
     type             text    not null,
     status           text    not null,
     priority         integer not null,
     stop             boolean not null,
     version          integer not null,
     create_index     bigint  not null,
     modify_index     bigint  not null,
     job_modify_index bigint  not null,
     submit_time      bigint  not null,
     job              jsonb   not null,
     status_inputs    jsonb   not null,
     last_index       bigint  not null,
     primary key (namespace, id)
   )`,
];
