// Kept for createGatewayApp's `jobs` option: the job reads port of job-reads/.
import type { JobReadsRepository } from '../job-reads/job-reads.repository';

export type JobsReadRepository = JobReadsRepository;
