import { randomUUID } from 'node:crypto';
import { invalidCommand, type RegistryCommandResult } from '@caravan/contracts';
import type { EventMetadata } from '@caravan/event-store';
import type { JobCommand } from '@caravan/domain/jobs';
import {
  commandEnvelopeSchema,
  describeIssues,
  type ValidCommandMeta,
} from './command-meta.schema';
import { isJobCommandType, JOB_COMMANDS } from './job-commands.table';
import { stopAllocationPayload } from './allocation-payload.schemas';
import type { StopAllocationCommand } from '../alloc-commands/allocation-stop.writer';

/** What runs a decoded command: the JobStreamWriter (a fake in unit tests). */
export interface JobCommandRunner {
  execute(command: JobCommand, metadata: EventMetadata): Promise<RegistryCommandResult>;
}

/** What runs an allocation stop: the AllocationStopWriter (absent in job-only unit tests). */
export interface AllocationStopRunner {
  execute(command: StopAllocationCommand, metadata: EventMetadata): Promise<RegistryCommandResult>;
}

/**
 * The registry's command boundary: checks the envelope, finds the command's row, checks the
 * payload against the row's schema, and runs the domain command. Anything malformed stops here
 * with INVALID_ARGUMENT, before the store is read or written.
 */
export class RegistryCommands {
  constructor(
    private readonly writer: JobCommandRunner,
    private readonly newId: () => string = randomUUID,
    private readonly allocations?: AllocationStopRunner,
  ) {}

  /** A plain function, safe to pass around detached. Takes `unknown`: the wire is not trusted. */
  readonly execute = async (raw: unknown): Promise<RegistryCommandResult> => {
    const envelope = commandEnvelopeSchema.safeParse(raw);
    if (!envelope.success)
      throw invalidCommand(`invalid registry command: ${describeIssues(envelope.error)}`);
    const { type, payload, meta } = envelope.data;
    if (type === 'StopAllocation' && this.allocations) {
      const parsed = stopAllocationPayload.safeParse(payload);
      if (!parsed.success)
        throw invalidCommand(`invalid ${type} payload: ${describeIssues(parsed.error)}`);
      const command = { ...parsed.data, evalId: this.newId(), now: meta.now };
      return this.allocations.execute(command, eventMetadata(meta));
    }
    if (!isJobCommandType(type)) throw invalidCommand(`unknown registry command "${type}"`);
    const command = JOB_COMMANDS[type].decode(payload, { meta, newId: this.newId });
    return this.writer.execute(command, eventMetadata(meta));
  };
}

/** What every event a command causes records about it (libs/registry/README.md). */
export function eventMetadata(meta: ValidCommandMeta): EventMetadata {
  return {
    actor: meta.actor,
    correlationId: meta.correlationId,
    causationId: meta.commandId,
    time: meta.now,
  };
}
