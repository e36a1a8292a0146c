import { randomUUID } from 'node:crypto';
import {
  allocationStream,
  isClientTerminal,
  type AllocationClientStatusUpdated,
} from '@caravan/domain/allocations';
import { decideEvaluation, evaluationStream } from '@caravan/domain/evaluations';
import type {
  AppendResult,
  EventMetadata,
  PostgresEventStore,
  StreamAppend,
} from '@caravan/event-store';
import { lockNodesOfClaims, releaseClaims } from '../capacity/capacity.sql';

// Client status updates, batched as Nomad clients batch them. A client-terminal allocation
// (complete, failed, lost) holds nothing any more, so its claim is released in the same
// transaction as the event that says so: the capacity table never lags the log.

export interface ClientStatusUpdate {
  namespace: string;
  jobId: string;
  /** the allocation stream's version the client's decision was made on */
  expectedVersion: number | 'stream_exists';
  event: AllocationClientStatusUpdated;
  /**
   * Set when the report fails an allocation the servers still want running: like Nomad's
   * Node.UpdateAlloc, the batch then creates one `alloc-failure` evaluation per job, so the
   * scheduler applies the reschedule policy.
   */
  failureEvaluation?: { priority: number; type: string; jobModifyIndex: number };
}

/**
 * Appends the batch and frees the terminal allocations' claims, all or nothing. A version
 * conflict rejects with WrongExpectedVersionError: decide again on the newer stream.
 */
export async function commitClientStatus(
  store: PostgresEventStore,
  updates: ClientStatusUpdate[],
  metadata: EventMetadata = { actor: 'client' },
): Promise<{ appended: AppendResult | null; released: number }> {
  const appends = updates.map((u) => ({
    stream: allocationStream(u.event.data.ID, u.namespace, u.jobId),
    expectedVersion: u.expectedVersion,
    events: [
      { id: randomUUID(), type: u.event.type, data: u.event.data, schemaVersion: 1, metadata },
    ],
  }));
  const terminal = updates
    .filter((u) => isClientTerminal(u.event.data.ClientStatus))
    .map((u) => u.event.data.ID);
  const { result, appended } = await store.transaction(async ({ client, append }) => {
    await lockNodesOfClaims(client, terminal);
    const released = await releaseClaims(client, terminal);
    await append([...appends, ...failureEvaluations(updates)]);
    return released;
  });
  return { appended, released: result };
}

/** One pending `alloc-failure` evaluation per job whose allocation this batch failed. */
function failureEvaluations(updates: ClientStatusUpdate[]): StreamAppend[] {
  const byJob = new Map<string, ClientStatusUpdate>();
  for (const u of updates) {
    if (u.failureEvaluation && u.event.data.ClientStatus === 'failed')
      byJob.set(`${u.namespace}/${u.jobId}`, u);
  }
  return [...byJob.values()].map((u) => {
    const ID = randomUUID();
    const now = u.event.data.ModifyTime;
    const evaluation = {
      ID,
      Namespace: u.namespace,
      Priority: u.failureEvaluation!.priority,
      Type: u.failureEvaluation!.type,
      TriggeredBy: 'alloc-failure' as const,
      JobID: u.jobId,
      JobModifyIndex: u.failureEvaluation!.jobModifyIndex,
      Status: 'pending' as const,
      StatusDescription: '',
      PreviousEval: '',
      WaitUntil: null,
      Wait: 0,
      FailedTGAllocs: null,
      ClassEligibility: null,
      EscapedComputedClass: false,
      SnapshotIndex: 0,
      CreateTime: now,
      ModifyTime: now,
    };
    return {
      stream: evaluationStream(ID, u.namespace, u.jobId),
      expectedVersion: 'no_stream',
      events: decideEvaluation(
        { type: 'CreateFollowUpEvaluation', evaluation },
        { phase: 'absent' },
      ).map((e) => ({ id: randomUUID(), type: e.type, data: e.data, schemaVersion: 1 })),
    };
  });
}
