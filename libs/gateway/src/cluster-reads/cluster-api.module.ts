import { Module } from '@nestjs/common';
import { CommandSender } from '../job-writes/command-sender';
import { AllocationReads } from './allocation-reads';
import { AllocationStop } from './allocation-stop';
import {
  AllocationsController,
  EvaluationsController,
  NodesController,
} from './cluster.controllers';
import { EvaluationReads } from './evaluation-reads';
import { NodeReads } from './node-reads';

/**
 * Allocations, evaluations and nodes (issue 8, "Read side"). Needs GatewayModule's global
 * providers (BlockingQueries, PG_POOL, JOB_REGISTRY, INDEX_HUB). Exports AllocationReads for the job routes.
 */
@Module({
  controllers: [AllocationsController, EvaluationsController, NodesController],
  providers: [AllocationReads, AllocationStop, EvaluationReads, NodeReads, CommandSender],
  exports: [AllocationReads],
})
export class ClusterApiModule {}
