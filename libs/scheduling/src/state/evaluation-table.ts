import { evolveEvaluation, type EvaluationStreamEvent } from '@caravan/domain/evaluations';
import type { EvaluationView } from './scheduling-state.types';

// Every evaluation's status, stream version (what a plan names as the evaluation's expected
// version) and what the scheduler is asked, plus the open (pending or blocked) ones per job:
// the worker sheds older pending evaluations of a job and unblocks blocked ones from here.

export class EvaluationTable {
  private readonly evaluations = new Map<string, EvaluationView>();
  private readonly openByJob = new Map<string, Map<string, EvaluationView>>();

  get(evalId: string): EvaluationView | undefined {
    return this.evaluations.get(evalId);
  }

  openOfJob(namespace: string, jobId: string): EvaluationView[] {
    const open = [...(this.openByJob.get(`${namespace}/${jobId}`)?.values() ?? [])];
    return open.sort((a, b) => a.createIndex - b.createIndex);
  }

  open(): EvaluationView[] {
    return [...this.openByJob.values()].flatMap((m) => [...m.values()]);
  }

  apply(event: EvaluationStreamEvent, logIndex: number, version: number): void {
    const view =
      event.type === 'EvaluationCreated' || event.type === 'EvaluationFollowUpCreated'
        ? created(event, logIndex)
        : this.evaluations.get(event.data.ID);
    if (view === undefined) return;
    const state = evolveEvaluation(
      view.status === 'pending' || view.status === 'blocked'
        ? { phase: 'open', id: view.id, status: view.status, unblocked: view.unblocked }
        : { phase: 'terminal', id: view.id, status: view.status },
      event,
    );
    if (state.phase === 'absent') return;
    view.status = state.status;
    view.unblocked = state.phase === 'open' && state.unblocked;
    view.version = version;
    view.modifyIndex = logIndex;
    if (event.type === 'EvaluationBlocked') {
      view.snapshotIndex = event.data.SnapshotIndex;
      view.classEligibility = event.data.ClassEligibility;
      view.escapedComputedClass = event.data.EscapedComputedClass;
    }
    this.evaluations.set(view.id, view);
    const key = `${view.namespace}/${view.jobId}`;
    const open = this.openByJob.get(key) ?? new Map<string, EvaluationView>();
    if (state.phase === 'open') open.set(view.id, view);
    else open.delete(view.id);
    if (open.size > 0) this.openByJob.set(key, open);
    else this.openByJob.delete(key);
  }
}

function created(
  event: Extract<
    EvaluationStreamEvent,
    { type: 'EvaluationCreated' | 'EvaluationFollowUpCreated' }
  >,
  logIndex: number,
): EvaluationView {
  const base = { version: 0, modifyIndex: logIndex, createIndex: logIndex, unblocked: false };
  if (event.type === 'EvaluationCreated') {
    const { evaluation: e, jobModifyIndex, forceReschedule } = event.data;
    return {
      ...base,
      id: e.ID,
      namespace: e.Namespace,
      jobId: e.JobID,
      status: 'pending',
      type: e.Type,
      priority: e.Priority,
      triggeredBy: e.TriggeredBy,
      // the job version was written by the same append, just before this event
      jobModifyIndex: jobModifyIndex === 'preceding-event' ? logIndex - 1 : jobModifyIndex,
      forceReschedule: forceReschedule === true,
      createTime: e.CreateTime,
      waitUntil: null,
      wait: 0,
      previousEval: '',
      snapshotIndex: 0,
      classEligibility: null,
      escapedComputedClass: false,
    };
  }
  const e = event.data.evaluation;
  return {
    ...base,
    id: e.ID,
    namespace: e.Namespace,
    jobId: e.JobID,
    status: e.Status,
    type: e.Type,
    priority: e.Priority,
    triggeredBy: e.TriggeredBy,
    jobModifyIndex: e.JobModifyIndex,
    forceReschedule: false,
    createTime: e.CreateTime,
    waitUntil: e.WaitUntil,
    wait: e.Wait,
    previousEval: e.PreviousEval,
    snapshotIndex: e.SnapshotIndex,
    classEligibility: e.ClassEligibility,
    escapedComputedClass: e.EscapedComputedClass,
  };
}
