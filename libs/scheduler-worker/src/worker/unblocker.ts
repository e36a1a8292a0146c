import { randomUUID } from 'node:crypto';
import { isClientTerminal, type ClientStatus } from '@caravan/domain/allocations';
import {
  decideEvaluation,
  evaluationStream,
  type EvaluationUnblocked,
} from '@caravan/domain/evaluations';
import {
  WrongExpectedVersionError,
  type RecordedEvent,
  type StreamAppend,
} from '@caravan/event-store';
import type { EvaluationView, NodeView, SchedulingSnapshot } from '@caravan/scheduling';
import type { SchedulerSnapshotAdapter } from '../adapt/scheduler-snapshot.adapter';
import { msToNanos } from '../adapt/time';

// Nomad's blocked-evaluation tracker, level-triggered: capacity became available on a node (it
// registered or came back ready, or an allocation on it stopped or ended) → every blocked
// evaluation that did not mark the node's computed class ineligible (or escaped class
// tracking) is unblocked with EvaluationUnblocked, which re-delivers it on its job's partition.
// The missed-unblock check covers the other order: a blocked evaluation planned at index S is
// unblocked at once if some eligible node freed capacity after S.

export interface UnblockPorts {
  waitForIndex(index: number, timeoutMs: number): Promise<number>;
  snapshot(): SchedulingSnapshot;
  append(append: StreamAppend): Promise<unknown>;
  now(): number;
}

export class Unblocker {
  constructor(
    private readonly ports: UnblockPorts,
    private readonly adapter: SchedulerSnapshotAdapter,
    private readonly waitTimeoutMs = 5_000,
  ) {}

  /** A node or allocation event: unblocks what may fit now if it freed capacity. */
  async onCapacityEvent(event: RecordedEvent): Promise<void> {
    if (!freesCapacity(event)) return;
    await this.ports.waitForIndex(event.logIndex, this.waitTimeoutMs);
    const snap = this.ports.snapshot();
    const data = event.data as { node?: { ID: string }; nodeId?: string; ID?: string };
    const nodeId =
      data.node?.ID ?? data.nodeId ?? snap.allocation(data.ID ?? '')?.allocation.NodeID ?? '';
    const node = snap.node(nodeId);
    if (node === undefined) return;
    const blocked = snap.openEvaluations().filter((ev) => this.waiting(ev, node));
    await this.unblock(blocked, event, `capacity changed on node ${nodeId}`);
  }

  /** A blocked evaluation was created or re-blocked: did capacity free up after its snapshot? */
  async onBlocked(evalId: string, event: RecordedEvent): Promise<void> {
    await this.ports.waitForIndex(event.logIndex, this.waitTimeoutMs);
    const snap = this.ports.snapshot();
    const ev = snap.evaluation(evalId);
    if (ev === undefined) return;
    const missed = [...snap.nodes()].some(
      (n) => n.freedIndex > ev.snapshotIndex && this.waiting(ev, n),
    );
    if (missed) await this.unblock([ev], event, 'capacity changed after its snapshot');
  }

  private waiting(ev: EvaluationView, node: NodeView): boolean {
    if (ev.status !== 'blocked' || ev.unblocked || node.status !== 'ready') return false;
    if (ev.escapedComputedClass || node.capacityIndex === 0) return true;
    return ev.classEligibility?.[this.adapter.node(node).computedClass] !== false;
  }

  private async unblock(evals: EvaluationView[], cause: RecordedEvent, reason: string) {
    const now = msToNanos(this.ports.now());
    await Promise.all(
      evals.map(async (ev) => {
        const events = decideEvaluation(
          { type: 'UnblockEvaluation', id: ev.id, atIndex: cause.logIndex, reason, now },
          { phase: 'open', id: ev.id, status: 'blocked', unblocked: ev.unblocked },
        ) as EvaluationUnblocked[];
        if (events.length === 0) return;
        try {
          await this.ports.append({
            stream: evaluationStream(ev.id, ev.namespace, ev.jobId),
            expectedVersion: ev.version,
            events: events.map((e) => ({
              id: randomUUID(),
              type: e.type,
              data: e.data,
              schemaVersion: e.schemaVersion,
              metadata: { actor: 'scheduler', causationId: cause.id, correlationId: ev.id },
            })),
          });
        } catch (error) {
          // It moved: unblocked by someone else, or decided; a re-block is checked on its own.
          if (!(error instanceof WrongExpectedVersionError)) throw error;
        }
      }),
    );
  }
}

function freesCapacity(event: RecordedEvent): boolean {
  switch (event.type) {
    case 'NodeRegistered':
      return true;
    case 'NodeStatusChanged':
      return (event.data as { status: string }).status === 'ready';
    case 'AllocationStopRequested':
      return true;
    case 'AllocationClientStatusUpdated':
      return isClientTerminal((event.data as { ClientStatus: ClientStatus }).ClientStatus);
    default:
      return false;
  }
}
