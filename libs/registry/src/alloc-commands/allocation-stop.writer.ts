import { randomUUID } from 'node:crypto';
import { decideAndAppend, type EventMetadata, type PostgresEventStore } from '@caravan/event-store';
import {
  allocationDecider,
  allocationStream,
  type AllocationCommand,
} from '@caravan/domain/allocations';
import { evaluationStream, type EvaluationCreated } from '@caravan/domain/evaluations';
import { jobDecider, jobStream, type JobState } from '@caravan/domain/jobs';
import {
  RegistryCommandError,
  type RegistryCommandResult,
  type StopAllocationPayload,
  type StopAllocationResult,
} from '@caravan/contracts';

// Nomad's Alloc.Stop: mark the allocation for migration and create an `alloc-stop` evaluation
// for its job, in one atomic append; the scheduler then stops it and places a replacement
// (through the plan applier, which releases its capacity). The job is read only for the
// evaluation's type, priority and JobModifyIndex.

export interface StopAllocationCommand extends StopAllocationPayload {
  evalId: string;
  now: bigint;
}

export class AllocationStopWriter {
  constructor(private readonly store: PostgresEventStore) {}

  async execute(
    command: StopAllocationCommand,
    metadata: EventMetadata,
  ): Promise<RegistryCommandResult> {
    const { namespace, jobId, allocId, evalId, now } = command;
    const job = await this.job(namespace, jobId);
    if (job.status !== 'active')
      throw new RegistryCommandError('ALLOCATION_NOT_FOUND', 'alloc not found');
    const created: EvaluationCreated = {
      type: 'EvaluationCreated',
      schemaVersion: 1,
      data: {
        evaluation: {
          ID: evalId,
          Namespace: namespace,
          Priority: job.current.Priority,
          Type: job.current.Type,
          TriggeredBy: 'alloc-stop',
          JobID: jobId,
          Status: 'pending',
          CreateTime: now,
          ModifyTime: now,
        },
        jobModifyIndex: job.jobModifyIndex,
      },
    };
    const stream = allocationStream(allocId, namespace, jobId);
    const migrate: AllocationCommand = { type: 'RequestMigration', id: allocId, evalId, now };
    const { appended } = await decideAndAppend(this.store, stream, allocationDecider, migrate, {
      newEventId: randomUUID,
      metadata,
      // A stopped or already migrating allocation still gets its evaluation, as in Nomad.
      plan: (events, version) => [
        ...(events.length ? [{ stream, expectedVersion: version, events }] : []),
        {
          stream: evaluationStream(evalId, namespace, jobId),
          expectedVersion: 'no_stream',
          events: [created],
        },
      ],
    });
    const result: StopAllocationResult = { EvalID: evalId };
    return { index: appended?.lastIndex ?? 0, result };
  }

  private async job(namespace: string, jobId: string): Promise<JobState> {
    const { events } = await this.store.readStream(jobStream({ namespace, jobId }).id);
    return events.reduce(
      (s, e) => jobDecider.evolve(s, { type: e.type, data: e.data } as never, e.logIndex),
      jobDecider.initialState(),
    );
  }
}
