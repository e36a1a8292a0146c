import { column, defineTable } from '../schema/table-definition';
import type { NomadAllocation } from './allocation.json';
import type { AllocationRow } from './allocation.row';

/** Keys in byte order: lists page on id (Nomad orders allocations by ID). */
export const ALLOCATIONS_TABLE = defineTable<AllocationRow>(
  'rm_allocations',
  {
    id: column.key({ primary: true }),
    namespace: column.key(),
    jobId: column.key({ name: 'job_id' }),
    nodeId: column.key({ name: 'node_id' }),
    evalId: column.key({ name: 'eval_id' }),
    clientStatus: column.text({ name: 'client_status' }),
    desiredStatus: column.text({ name: 'desired_status' }),
    jobVersion: column.integer({ name: 'job_version' }),
    createIndex: column.logIndex('create_index'),
    modifyIndex: column.logIndex('modify_index'),
    allocation: column.jsonb<NomadAllocation>(),
    lastIndex: column.logIndex('last_index'),
  },
  {
    indexes: [
      { name: 'rm_allocations_job', columns: ['namespace', 'jobId'] },
      { name: 'rm_allocations_node', columns: ['nodeId'] },
      { name: 'rm_allocations_eval', columns: ['evalId'] },
    ],
  },
);

export const AllocationEntity = ALLOCATIONS_TABLE.entity;
