import { WrongExpectedVersionError, type PostgresEventStore } from '@caravan/event-store';
import {
  commitClientStatus,
  SchedulingState,
  SchedulingStateFollower,
  type ClientStatusUpdate,
  type SchedulingSnapshot,
} from '@caravan/scheduling';
import { nextClientReport } from './client-lifecycle';
import { taskPlans } from './task-plan';

// The client half of the simulator: follows the log (the same fold the scheduler uses, so it
// sees allocations exactly as committed), and on every tick reports what changed on its own
// nodes in one batch through commitClientStatus, which frees capacity for terminal ones.

export interface AllocationRunnerOptions {
  nodeIds: readonly string[];
  tickMs?: number;
  /** Unix nanoseconds; the edge's clock, injected so tests can move time */
  now?: () => bigint;
  onError?: (error: unknown) => void;
}

const wallClockNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

export class AllocationRunner {
  private readonly follower: SchedulingStateFollower;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: AllocationRunnerOptions,
  ) {
    this.follower = new SchedulingStateFollower(store, new SchedulingState(), {
      pollIntervalMs: 500,
      onError: options.onError,
    });
  }

  async start(): Promise<void> {
    await this.follower.start();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking?.catch(() => undefined);
    await this.follower.close();
  }

  /** One tick: decide every report from one snapshot, commit them as one batch. */
  async tick(): Promise<number> {
    const updates = this.decide(this.follower.state.snapshot());
    if (updates.length === 0) return 0;
    try {
      const { appended } = await commitClientStatus(this.store, updates, {
        actor: 'node-simulator',
      });
      // Wait until our own reports are folded, so the next tick decides on them.
      if (appended) await this.follower.waitForIndex(appended.lastIndex, 5_000);
    } catch (error) {
      // A plan stopped one of these allocations meanwhile: decide again on the next tick.
      if (error instanceof WrongExpectedVersionError) return 0;
      throw error;
    }
    return updates.length;
  }

  private decide(snap: SchedulingSnapshot): ClientStatusUpdate[] {
    const now = (this.options.now ?? wallClockNs)();
    const updates: ClientStatusUpdate[] = [];
    for (const nodeId of this.options.nodeIds) {
      for (const view of snap.allocationsOnNode(nodeId)) {
        const a = view.allocation;
        if (a.ClientStatus === 'complete' || a.ClientStatus === 'failed') continue;
        const job = snap.jobVersion(a.Namespace, a.JobID, a.JobVersion);
        const report = nextClientReport(a, taskPlans(job, a.TaskGroup), now);
        if (report === null) continue;
        const current = snap.job(a.Namespace, a.JobID);
        const failsWanted = report.ClientStatus === 'failed' && a.DesiredStatus === 'run';
        updates.push({
          namespace: a.Namespace,
          jobId: a.JobID,
          expectedVersion: view.version,
          ...(failsWanted && current
            ? {
                failureEvaluation: {
                  priority: current.job.Priority ?? 50,
                  type: current.job.Type ?? 'service',
                  jobModifyIndex: current.jobModifyIndex,
                },
              }
            : {}),
          event: {
            type: 'AllocationClientStatusUpdated',
            schemaVersion: 1,
            data: { ID: a.ID, ...report, ModifyTime: now },
          },
        });
      }
    }
    return updates;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => this.schedule());
    }, this.options.tickMs ?? 200);
    this.timer.unref();
  }
}
