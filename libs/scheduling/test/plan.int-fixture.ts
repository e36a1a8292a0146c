import { randomUUID } from 'node:crypto';
import { newAllocation } from '@caravan/domain/allocations';
import { evaluationStream, type EvaluationCreated } from '@caravan/domain/evaluations';
import type { NewAllocation } from '@caravan/domain/allocations';
import type { PostgresEventStore } from '@caravan/event-store';
import type { NodeCapacity, PlanCommit } from '@caravan/scheduling';

// Builders for plan-applier tests: evaluations to commit against, small nodes, placements.

export const SMALL_NODE = { cpuShares: 1000, memoryMB: 1000, diskMB: 1000 };

export function smallNodes(count: number): NodeCapacity[] {
  return Array.from({ length: count }, (_, k) => ({
    nodeId: `node-${k}`,
    ...SMALL_NODE,
    sourceIndex: 1,
  }));
}

/** Appends a pending evaluation for a job; its stream is then at version 1. */
export async function createEvaluation(store: PostgresEventStore, jobId: string): Promise<string> {
  const id = randomUUID();
  const event: EvaluationCreated = {
    type: 'EvaluationCreated',
    schemaVersion: 1,
    data: {
      evaluation: {
        ID: id,
        Namespace: 'default',
        Priority: 50,
        Type: 'service',
        TriggeredBy: 'job-register',
        JobID: jobId,
        Status: 'pending',
        CreateTime: 1,
        ModifyTime: 1,
      },
      jobModifyIndex: 1,
    },
  };
  await store.append({
    stream: evaluationStream(id, 'default', jobId),
    expectedVersion: 'no_stream',
    events: [{ id: randomUUID(), type: event.type, data: event.data, schemaVersion: 1 }],
  });
  return id;
}

export function placement(
  evalId: string,
  jobId: string,
  index: number,
  nodeId: string,
  size: { cpu: number; mem: number; disk: number; port?: number },
): NewAllocation {
  const base = newAllocation();
  return newAllocation({
    ID: randomUUID(),
    EvalID: evalId,
    JobID: jobId,
    Name: `${jobId}.g[${index}]`,
    NodeID: nodeId,
    NodeName: nodeId,
    AllocatedResources: {
      Tasks: {
        t: {
          ...base.AllocatedResources.Tasks.t!,
          Cpu: { CpuShares: size.cpu, ReservedCores: [] },
          Memory: { MemoryMB: size.mem, MemoryMaxMB: 0 },
        },
      },
      TaskLifecycles: { t: null },
      Shared: {
        DiskMB: size.disk,
        Networks: null,
        Ports:
          size.port === undefined
            ? null
            : [{ Label: 'http', Value: size.port, To: 0, HostIP: '10.0.0.1' }],
      },
    },
  });
}

export function plan(
  evalId: string,
  jobId: string,
  nodes: NodeCapacity[],
  parts: Partial<PlanCommit> = {},
  expectedVersion = 1,
): PlanCommit {
  return {
    evaluation: {
      ID: evalId,
      Namespace: 'default',
      JobID: jobId,
      expectedVersion,
      status: 'pending',
    },
    snapshotIndex: 1,
    seed: 'seed',
    now: 1_700_000_000_000_000_000n,
    nodes,
    placements: [],
    stops: [],
    inPlaceUpdates: [],
    releases: [],
    deferredReschedules: [],
    outcome: {
      status: 'complete',
      fields: {
        StatusDescription: '',
        QueuedAllocations: { g: 0 },
        FailedTGAllocs: null,
        SnapshotIndex: 1,
        NextEval: '',
        BlockedEval: '',
        ClassEligibility: null,
        EscapedComputedClass: false,
        DeploymentID: '',
        DeliveryAttempt: 1,
        ModifyTime: 2,
      },
    },
    createEvaluations: [],
    cancelEvaluations: [],
    ...parts,
  };
}
