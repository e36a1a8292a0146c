import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Job } from '@caravan/nomad-api';
import type { JobSubmission } from '@caravan/domain/jobs';
import { indexColumn } from '../data-source/column-transformers';
import type { JobVersionRow } from './job-version.row';

@Entity({ name: 'rm_job_versions' })
export class JobVersionEntity implements JobVersionRow {
  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  @PrimaryColumn({ name: 'job_id', type: 'text' })
  jobId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'boolean' })
  stable!: boolean;

  @Column({ name: 'modify_index', type: 'bigint', transformer: indexColumn })
  modifyIndex!: number;

  @Column({ type: 'jsonb' })
  job!: Job;

  @Column({ type: 'jsonb', nullable: true })
  submission!: JobSubmission | null;

  @Column({ name: 'last_index', type: 'bigint', transformer: indexColumn })
  lastIndex!: number;
}

export const JOB_VERSIONS_SCHEMA: readonly string[] = [
  `create table if not exists rm_job_versions (
     namespace    text    not null,
     job_id       text    not null,
     version      integer not null,
     stable       boolean not null,
     modify_index bigint  not null,
     job          jsonb   not null,
     submission   jsonb,
     last_index   bigint  not null,
     primary key (namespace, job_id, version)
   )`,
];
