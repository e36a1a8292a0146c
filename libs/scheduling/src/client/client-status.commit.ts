import { randomUUID } from 'node:crypto';
import {
  allocationStream,
  isClientTerminal,
  type AllocationClientStatusUpdated,
} from '@caravan/domain/allocations';
import type { AppendResult, EventMetadata, PostgresEventStore } from '@caravan/event-store';
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
    await append(appends);
    return released;
  });
  return { appended, released: result };
}
