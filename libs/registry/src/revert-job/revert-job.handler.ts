import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, RegistryCommandResult, RevertJobPayload } from '@caravan/contracts';
import { JobStreamWriter } from '../job-commands/job-stream.writer';
import { newEvalId, nowNanos } from '../job-commands/command-time';

export class RevertJobCommand {
  constructor(
    readonly payload: RevertJobPayload,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(RevertJobCommand)
export class RevertJobHandler implements ICommandHandler<RevertJobCommand, RegistryCommandResult> {
  constructor(private readonly writer: JobStreamWriter) {}

  execute({ payload, meta }: RevertJobCommand): Promise<RegistryCommandResult> {
    return this.writer.execute({
      type: 'RevertJob',
      namespace: payload.namespace,
      jobId: payload.jobId,
      jobVersion: payload.jobVersion,
      enforcePriorVersion: payload.enforcePriorVersion,
      evalId: newEvalId(),
      now: nowNanos(),
      actor: meta.actor,
    });
  }
}
