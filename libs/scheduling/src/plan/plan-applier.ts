import { randomUUID } from 'node:crypto';
import { DatabaseError, type PoolClient } from 'pg';
import {
  WrongExpectedVersionError,
  type PostgresEventStore,
  type StreamAppend,
} from '@caravan/event-store';
import { claimOf, placementClaim, type ResourceClaim } from '../capacity/claims';
import {
  addUsage,
  claimHolder,
  insertClaims,
  insertPorts,
  lockNodes,
  releaseClaims,
  upsertCapacity,
} from '../capacity/capacity.sql';
import { planAppends } from './plan-appends';
import type { Dimension, PlanCommit, PlanRefusal, PlanResult } from './plan-commit.types';

// The plan applier: one short transaction appends the plan's events and moves the capacity
// table. Either all of it commits or nothing does, and the caller is told why not. Everything
// that does not need the transaction (events, claims, ordering) is computed before BEGIN,
// because an open writing transaction holds back the log's horizon for every appender.

class Refused extends Error {
  constructor(readonly refusal: PlanRefusal) {
    super(refusal.kind);
  }
}

export async function applyPlan(store: PostgresEventStore, plan: PlanCommit): Promise<PlanResult> {
  const appends = toStoreAppends(plan);
  const claims = [
    ...plan.placements.map(placementClaim),
    ...plan.inPlaceUpdates.map((u) => ({
      allocId: u.allocId,
      nodeId: u.nodeId,
      namespace: plan.evaluation.Namespace,
      jobId: plan.evaluation.JobID,
      name: u.name,
      ...claimOf(u.resources),
    })),
  ];
  // Replacements free their predecessor: Nomad only replaces allocations that are terminal or
  // stopped by the same plan. In-place updates re-claim their (possibly new) resources.
  const releases = [
    ...plan.stops.map((s) => s.allocId),
    ...plan.releases,
    ...plan.placements.map((p) => p.PreviousAllocation).filter((id) => id !== ''),
    ...plan.inPlaceUpdates.map((u) => u.allocId),
  ];
  const nodeIds = [
    ...new Set([
      ...plan.nodes.map((n) => n.nodeId),
      ...claims.map((c) => c.nodeId),
      ...plan.stops.map((s) => s.nodeId),
    ]),
  ].sort();
  try {
    const { result, appended } = await store.transaction(async ({ client, append }) => {
      await lockNodes(client, nodeIds);
      await upsertCapacity(client, plan.nodes);
      const released = await releaseClaims(client, releases);
      await claim(client, claims);
      await append(appends);
      return { released };
    });
    return {
      committed: true,
      firstIndex: appended?.firstIndex ?? 0,
      lastIndex: appended?.lastIndex ?? 0,
      released: result.released,
      claimed: claims.length,
    };
  } catch (error) {
    const refusal = asRefusal(error, nodeIds);
    if (refusal === null) throw error;
    return { committed: false, refusal };
  }
}

async function claim(client: PoolClient, claims: ResourceClaim[]): Promise<void> {
  const rejected = await insertClaims(client, claims);
  if (rejected.length > 0) {
    const c = rejected[0]!;
    const holder = await claimHolder(client, c);
    if (holder?.sameId !== false)
      throw new Refused({ kind: 'allocation-exists', allocId: c.allocId });
    throw new Refused({
      kind: 'name-taken',
      name: c.name,
      allocId: c.allocId,
      byAllocId: holder.allocId,
    });
  }
  const port = await insertPorts(client, claims);
  if (port !== null) throw new Refused({ kind: 'port-taken', ...port });
  const unknown = await addUsage(client, claims);
  if (unknown.length > 0) throw new Refused({ kind: 'node-unknown', nodeId: unknown[0]! });
}

function toStoreAppends(plan: PlanCommit): StreamAppend[] {
  const metadata = {
    actor: 'scheduler',
    correlationId: plan.correlationId ?? plan.evaluation.ID,
    causationId: plan.evaluation.ID,
    snapshotIndex: plan.snapshotIndex,
    seed: plan.seed,
  };
  return planAppends(plan).map((a) => ({
    stream: a.stream,
    expectedVersion: a.expectedVersion,
    events: a.events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.data,
      schemaVersion: e.schemaVersion,
      metadata,
    })),
  }));
}

const DIMENSIONS: Record<string, Dimension> = {
  sched_node_usage_cpu: 'cpu',
  sched_node_usage_memory: 'memory',
  sched_node_usage_disk: 'disk',
};

function asRefusal(error: unknown, nodeIds: string[]): PlanRefusal | null {
  if (error instanceof Refused) return error.refusal;
  if (error instanceof WrongExpectedVersionError)
    return {
      kind: 'stream-moved',
      streamId: error.streamId,
      expected: error.expected,
      actual: error.actual,
    };
  if (!(error instanceof DatabaseError)) return null;
  if (error.code === '40P01') return { kind: 'deadlock' };
  const dimension = DIMENSIONS[error.constraint ?? ''];
  if (error.code === '23514' && dimension !== undefined) {
    // The failing row starts with its node id: "Failing row contains (<node_id>, ...)".
    const detail = error.detail ?? '';
    const nodeId = nodeIds.find((id) => detail.startsWith(`Failing row contains (${id}, `)) ?? '';
    return { kind: 'node-exhausted', nodeId, dimension };
  }
  return null;
}
