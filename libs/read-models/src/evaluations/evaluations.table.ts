import { column, defineTable } from '../schema/table-definition';
import type { NomadEvaluation } from './evaluation.json';
import type { EvaluationRow } from './evaluation.row';

export const EVALUATIONS_TABLE = defineTable<EvaluationRow>(
  'rm_evaluations',
  {
    id: column.key({ primary: true }),
    namespace: column.key(),
    jobId: column.key({ name: 'job_id' }),
    status: column.text(),
    createIndex: column.logIndex('create_index'),
    modifyIndex: column.logIndex('modify_index'),
    evaluation: column.jsonb<NomadEvaluation>(),
    lastIndex: column.logIndex('last_index'),
  },
  { indexes: [{ name: 'rm_evaluations_job', columns: ['namespace', 'jobId'] }] },
);

export const EvaluationEntity = EVALUATIONS_TABLE.entity;
