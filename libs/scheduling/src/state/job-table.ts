import type { JobEvent } from '@caravan/domain/jobs';
import { assertNever } from '@caravan/domain/shared';
import type { Job } from '@caravan/nomad-api';
import type { JobView } from './scheduling-state.types';

// The newest version of every job (what a scheduler plans against), and the retained versions:
// an allocation runs the version it was placed with, and the scheduler compares the two to
// choose between an in-place and a destructive update (Nomad keeps the job on the allocation).

export class JobTable {
  private readonly jobs = new Map<string, JobView>();
  private readonly versions = new Map<string, Map<number, Job>>();

  get(namespace: string, jobId: string): JobView | undefined {
    return this.jobs.get(`${namespace}/${jobId}`);
  }

  version(namespace: string, jobId: string, version: number): Job | undefined {
    return this.versions.get(`${namespace}/${jobId}`)?.get(version);
  }

  apply(event: JobEvent, logIndex: number, version: number): void {
    switch (event.type) {
      case 'JobVersionRegistered':
      case 'JobReverted':
      case 'JobStopped': {
        // Events carry indexes as 0 (they are assigned at commit); the state stamps them as
        // Nomad's does, and the scheduler compares JobModifyIndex to tell a job update.
        const job = {
          ...event.data.job,
          CreateIndex: event.data.createIndex ?? logIndex,
          ModifyIndex: logIndex,
          JobModifyIndex: logIndex,
        };
        const key = `${job.Namespace}/${job.ID}`;
        this.jobs.set(key, { job, jobModifyIndex: logIndex, version });
        const kept = this.versions.get(key) ?? new Map<number, Job>();
        kept.set(job.Version, job);
        this.versions.set(key, kept);
        return;
      }
      case 'JobPurged':
        // versions stay: the purged job's allocations still run them until they are stopped
        this.jobs.delete(`${event.data.namespace}/${event.data.jobId}`);
        return;
      case 'JobVersionPruned':
      case 'JobVersionStabilityChanged': {
        const view = this.get(event.data.namespace, event.data.jobId);
        if (view !== undefined) view.version = version;
        // A purge keeps them too: the purged job's allocations must still be seen to be stopped.
        if (event.type === 'JobVersionPruned' && event.data.reason === 'retention')
          this.versions
            .get(`${event.data.namespace}/${event.data.jobId}`)
            ?.delete(event.data.version);
        return;
      }
      default:
        return assertNever(event);
    }
  }
}
