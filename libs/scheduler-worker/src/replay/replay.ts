import type { RecordedEvent } from '@caravan/event-store';
import { planAppends, SchedulingState } from '@caravan/scheduling';
import { SchedulerSnapshotAdapter } from '../adapt/scheduler-snapshot.adapter';
import { nanosToMs } from '../adapt/time';
import { planEvaluation } from '../worker/plan-evaluation';
import { canonical } from './canonical';

// Feeds every recorded plan back through the pure scheduler at its recorded state index, seed
// and clock, and reports any plan whose events differ from what was committed. A plan is the
// events one commit wrote with the same (evaluation, snapshot index, seed) metadata. Not
// replayed: delivery-limit failures and `maximum attempts reached` outcomes (not the
// scheduler's plan by design). The state is the log folded once, forward, commit by commit.

export interface ReplayDifference {
  evalId: string;
  snapshotIndex: number;
  seed: string;
  recorded: string[];
  replayed: string[];
}

export interface ReplayReport {
  replayed: number;
  identical: number;
  skipped: number;
  differences: ReplayDifference[];
}

interface Commit {
  evalId: string;
  snapshotIndex: number;
  seed: string;
  events: RecordedEvent[];
}

const OUTCOMES = new Set(['EvaluationCompleted', 'EvaluationFailed', 'EvaluationBlocked']);

export async function replayScheduler(
  log: { readLog(afterIndex: number, limit: number): Promise<RecordedEvent[]> },
  only: { namespace?: string; jobId?: string } = {},
): Promise<ReplayReport> {
  const events = await readAll(log);
  const report: ReplayReport = { replayed: 0, identical: 0, skipped: 0, differences: [] };
  const state = new SchedulingState();
  const adapter = new SchedulerSnapshotAdapter();
  let next = 0;
  for (const commit of commits(events)) {
    const outcome = commit.events.find((e) => OUTCOMES.has(e.type) && idOf(e) === commit.evalId);
    const key = `${only.namespace ?? 'default'}/${only.jobId}`;
    if (outcome === undefined || (only.jobId !== undefined && outcome.partitionKey !== key))
      continue;
    const fields = outcome.data as {
      StatusDescription: string;
      ModifyTime: bigint;
      DeliveryAttempt: number;
    };
    if (!/^\d+$/.test(commit.seed) || fields.StatusDescription.startsWith('maximum attempts')) {
      report.skipped++;
      continue;
    }
    while (next < events.length && events[next]!.logIndex <= commit.snapshotIndex)
      state.apply(events[next++]!);
    const snap = state.snapshot();
    const ev = snap.evaluation(commit.evalId);
    report.replayed++;
    const replayed = ev
      ? planAppends(
          planEvaluation(adapter, snap, ev, {
            nowMs: nanosToMs(fields.ModifyTime),
            deliveryAttempt: fields.DeliveryAttempt,
            seed: Number(commit.seed),
          }),
        ).flatMap((a) =>
          a.events.map((e) => canonical({ stream: a.stream.id, type: e.type, data: e.data })),
        )
      : [];
    const recorded = commit.events.map((e) =>
      canonical({ stream: e.streamId, type: e.type, data: e.data }),
    );
    if (same(recorded, replayed)) report.identical++;
    else
      report.differences.push({
        ...commit,
        recorded,
        replayed,
        events: undefined,
      } as ReplayDifference);
  }
  return report;
}

function commits(events: RecordedEvent[]): Commit[] {
  const byKey = new Map<string, Commit>();
  for (const e of events) {
    const m = e.metadata;
    if (m.actor !== 'scheduler' || typeof m.seed !== 'string' || typeof m.causationId !== 'string')
      continue;
    const key = `${m.causationId}|${String(m.snapshotIndex)}|${m.seed}`;
    const commit = byKey.get(key) ?? {
      evalId: m.causationId,
      snapshotIndex: Number(m.snapshotIndex),
      seed: m.seed,
      events: [],
    };
    commit.events.push(e);
    byKey.set(key, commit);
  }
  return [...byKey.values()].sort((a, b) => a.snapshotIndex - b.snapshotIndex);
}

function idOf(e: RecordedEvent): string {
  return (e.data as { ID?: string }).ID ?? '';
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

async function readAll(log: { readLog(a: number, l: number): Promise<RecordedEvent[]> }) {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await log.readLog(all[all.length - 1]?.logIndex ?? 0, 5_000);
    if (page.length === 0) return all;
    all.push(...page);
  }
}
