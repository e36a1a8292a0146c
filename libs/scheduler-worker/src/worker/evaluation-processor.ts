import {
  failedAfterConflicts,
  planAttemptLimit,
  planWithRetries,
  type PlanCommit,
  type PlanResult,
  type SchedulingSnapshot,
} from '@caravan/scheduling';
import { dueAtMs, isDelayed } from '../adapt/evaluation.adapter';
import { SchedulerSnapshotAdapter } from '../adapt/scheduler-snapshot.adapter';
import { planEvaluation } from './plan-evaluation';

// Nomad's worker loop for one delivered evaluation: wait until the state has reached the
// evaluation's index (SnapshotMinIndex), plan on a snapshot, submit, and on a conflict refresh
// and plan again within Nomad's attempt limit; then fail it with a `max-plan-attempts` blocked
// evaluation. An evaluation that is no longer due (already decided by an earlier delivery,
// superseded by a newer one of its job, blocked and not unblocked, delayed) is skipped.

export interface ProcessorPorts {
  waitForIndex(index: number, timeoutMs: number): Promise<number>;
  snapshot(): SchedulingSnapshot;
  headIndex(): Promise<number>;
  apply(plan: PlanCommit): Promise<PlanResult>;
  /** Unix ms: the one clock of a plan */
  now(): number;
  newId(): string;
}

export type ProcessOutcome =
  | 'committed'
  | 'failed-after-conflicts'
  | 'decided' // terminal already: a repeated delivery
  | 'superseded' // a newer pending evaluation of the job will cancel this one
  | 'not-due'; // blocked and not unblocked, or delayed and its time has not come

type Verdict = 'due' | Exclude<ProcessOutcome, 'committed' | 'failed-after-conflicts'>;

class NotDue extends Error {
  constructor(readonly verdict: Exclude<Verdict, 'due'>) {
    super(verdict);
  }
}

export class EvaluationProcessor {
  constructor(
    private readonly ports: ProcessorPorts,
    private readonly adapter = new SchedulerSnapshotAdapter(),
    private readonly waitTimeoutMs = 5_000,
  ) {}

  async process(
    evalId: string,
    minIndex: number,
    deliveryAttempt: number,
  ): Promise<ProcessOutcome> {
    const { ports } = this;
    await ports.waitForIndex(minIndex, this.waitTimeoutMs);
    const first = this.verdict(ports.snapshot(), evalId);
    if (first !== 'due') return first;
    const type = ports.snapshot().evaluation(evalId)!.type;
    try {
      const loop = await planWithRetries(
        ports,
        minIndex,
        planAttemptLimit(type),
        (snap) => {
          const verdict = this.verdict(snap, evalId);
          if (verdict !== 'due') throw new NotDue(verdict);
          const ev = snap.evaluation(evalId)!;
          return planEvaluation(this.adapter, snap, ev, { nowMs: ports.now(), deliveryAttempt });
        },
        this.waitTimeoutMs,
      );
      if (loop.committed) return 'committed';
      const ev = ports.snapshot().evaluation(evalId)!;
      const failed = failedAfterConflicts(loop.plan, loop.attempts, {
        ID: ports.newId(),
        Priority: ev.priority,
        Type: ev.type,
        JobModifyIndex: ev.jobModifyIndex,
      });
      const result = await ports.apply(failed);
      if (result.committed) return 'failed-after-conflicts';
      // refused: only an evaluation decided meanwhile may be; anything else is redelivered
      await ports.waitForIndex(await ports.headIndex(), this.waitTimeoutMs);
      const now = this.verdict(ports.snapshot(), evalId);
      if (now !== 'due') return now;
      throw new Error(`evaluation ${evalId}: failure outcome refused (${result.refusal.kind})`);
    } catch (error) {
      if (error instanceof NotDue) return error.verdict;
      throw error;
    }
  }

  private verdict(snap: SchedulingSnapshot, evalId: string): Verdict {
    const ev = snap.evaluation(evalId);
    if (ev === undefined || (ev.status !== 'pending' && ev.status !== 'blocked')) return 'decided';
    if (ev.status === 'blocked') return ev.unblocked ? 'due' : 'not-due';
    if (dueAtMs(ev) > this.ports.now()) return 'not-due';
    // Nomad's load shedding: of a job's ready pending evaluations only the newest is scheduled
    const newer = snap
      .openEvaluationsOfJob(ev.namespace, ev.jobId)
      .some((o) => o.status === 'pending' && !isDelayed(o) && o.createIndex > ev.createIndex);
    return newer && !isDelayed(ev) ? 'superseded' : 'due';
  }
}
