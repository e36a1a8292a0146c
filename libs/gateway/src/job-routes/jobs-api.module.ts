import { Module } from '@nestjs/common';
import { ClusterApiModule } from '../cluster-reads/cluster-api.module';
import { JobsController } from '../jobs/jobs.controller';
import { JobReadsService } from '../job-reads/job-reads.service';
import { ParseJobService } from '../job-parse/parse-job.service';
import { JobPlanAction } from '../job-plan/job-plan.action';
import { CommandSender } from '../job-writes/command-sender';
import { AGENT_REGION, JobWritesService } from '../job-writes/job-writes.service';
import { JobActionRegistry } from './job-action.registry';
import { JobController } from './job.controller';

/**
 * Nomad's Jobs API (issue 3). Needs GatewayModule's global providers (BlockingQueries,
 * INDEX_HUB, JOB_REGISTRY) and JOB_READS_REPOSITORY, which GatewayModule provides.
 * The agent region is `CARAVAN_REGION` (validated by @caravan/config), else `global`.
 */
@Module({
  imports: [ClusterApiModule],
  controllers: [JobsController, JobController],
  providers: [
    JobReadsService,
    JobWritesService,
    ParseJobService,
    CommandSender,
    JobActionRegistry,
    JobPlanAction,
    { provide: AGENT_REGION, useFactory: () => process.env.CARAVAN_REGION || 'global' },
  ],
  exports: [JobActionRegistry],
})
export class JobsApiModule {}
