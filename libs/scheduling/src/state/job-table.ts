import { evolveEvaluation, type EvaluationStreamEvent } from '@caravan/domain/evaluations';
import type { JobEvent } from '@caravan/domain/jobs';
import { assertNever } from '@caravan/domain/shared';
import type { EvaluationView, JobView } from './scheduling-state.types';

// The newest version of every job (what a scheduler plans against) and every evaluation's
// status and stream version (what a plan names as the evaluation's expected version).

export class JobTable {
  private readonly jobs = new Map<string, JobView>();

  get(namespace: string, jobId: string): JobView | undefined {
    return this.jobs.get(`${namespace}/${jobId}`);
  }

  apply(event: JobEvent, logIndex: number, version: number): void {
    switch (event.type) {
      case 'JobVersionRegistered':
      case 'JobReverted':
      case 'JobStopped': {
        const job = event.data.job;
        this.jobs.set(`${job.Namespace}/${job.ID}`, { job, jobModifyIndex: logIndex, version });
        return;
      }
      case 'JobPurged':
        this.jobs.delete(`${event.data.namespace}/${event.data.jobId}`);
        return;
      case 'JobVersionPruned':
      case 'JobVersionStabilityChanged': {
        const view = this.get(event.data.namespace, event.data.jobId);
        if (view !== undefined) view.version = version;
        return;
      }
      default:
        return assertNever(event);
    }
  }
}

export class EvaluationTable {
  private readonly evaluations = new Map<string, EvaluationView>();

  get(evalId: string): EvaluationView | undefined {
    return this.evaluations.get(evalId);
  }

  apply(event: EvaluationStreamEvent, logIndex: number, version: number): void {
    const created =
      event.type === 'EvaluationCreated'
        ? event.data.evaluation
        : event.type === 'EvaluationFollowUpCreated'
          ? event.data.evaluation
          : undefined;
    const id = created?.ID ?? ('ID' in event.data ? event.data.ID : '');
    const existing = this.evaluations.get(id);
    const state = evolveEvaluation(
      existing === undefined
        ? { phase: 'absent' }
        : existing.status === 'pending' || existing.status === 'blocked'
          ? { phase: 'open', id, status: existing.status, unblocked: false }
          : { phase: 'terminal', id, status: existing.status },
      event,
    );
    if (state.phase === 'absent') return;
    this.evaluations.set(id, {
      id,
      namespace: created?.Namespace ?? existing?.namespace ?? '',
      jobId: created?.JobID ?? existing?.jobId ?? '',
      status: state.status,
      version,
      modifyIndex: logIndex,
    });
  }
}
