import { JobEntity, JOBS_SCHEMA } from './jobs/job.entity';
import { jobsProjection } from './jobs/jobs.projection';
import { NodeEntity, NODES_SCHEMA } from './nodes/node.entity';
import { nodesProjection } from './nodes/nodes.projection';
import { anyProjection } from './projection/projection.types';
import type { ReadModel } from './read-model';

/** Every read model the projector maintains. Order does not matter: projections are independent. */
export const READ_MODELS: readonly ReadModel[] = [
  { projection: anyProjection(jobsProjection), entity: JobEntity, schema: JOBS_SCHEMA },
  { projection: anyProjection(nodesProjection), entity: NodeEntity, schema: NODES_SCHEMA },
];
