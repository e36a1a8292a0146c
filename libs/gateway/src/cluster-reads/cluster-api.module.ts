import { Module } from '@nestjs/common';
import { AllocationReads } from './allocation-reads';
import {
  AllocationsController,
  EvaluationsController,
  NodesController,
} from './cluster.controllers';
import { EvaluationReads } from './evaluation-reads';
import { NodeReads } from './node-reads';

/**
 * Allocations, evaluations and nodes (issue 8, "Read side"). Needs GatewayModule's global
 * providers (BlockingQueries, PG_POOL). Exports AllocationReads for the job routes.
 */
@Module({
  controllers: [AllocationsController, EvaluationsController, NodesController],
  providers: [AllocationReads, EvaluationReads, NodeReads],
  exports: [AllocationReads],
})
export class ClusterApiModule {}
