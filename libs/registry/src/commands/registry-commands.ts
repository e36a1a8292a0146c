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

/** What runs a decoded command: the JobStreamWriter (a fake in unit tests). */
export interface JobCommandRunner {
  execute(command: JobCommand, metadata: EventMetadata): Promise<RegistryCommandResult>;
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
  ) {}

  /** A plain function, safe to pass around detached. Takes `unknown`: the wire is not trusted. */
  readonly execute = async (raw: unknown): Promise<RegistryCommandResult> => {
    const envelope = commandEnvelopeSchema.safeParse(raw);
    if (!envelope.success)
      throw invalidCommand(`invalid registry command: ${describeIssues(envelope.error)}`);
    const { type, payload, meta } = envelope.data;
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
