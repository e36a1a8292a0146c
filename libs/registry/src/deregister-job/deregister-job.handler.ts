import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, DeregisterJobPayload, RegistryCommandResult } from '@caravan/contracts';
import { JobStreamWriter } from '../job-commands/job-stream.writer';
import { newEvalId, nowNanos } from '../job-commands/command-time';

export class DeregisterJobCommand {
  constructor(
    readonly payload: DeregisterJobPayload,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(DeregisterJobCommand)
export class DeregisterJobHandler implements ICommandHandler<
  DeregisterJobCommand,
  RegistryCommandResult
> {
  constructor(private readonly writer: JobStreamWriter) {}

  execute({ payload, meta }: DeregisterJobCommand): Promise<RegistryCommandResult> {
    return this.writer.execute({
      type: 'DeregisterJob',
      namespace: payload.namespace,
      jobId: payload.jobId,
      purge: payload.purge,
      evalPriority: payload.evalPriority,
      evalId: newEvalId(),
      now: nowNanos(),
      actor: meta.actor,
    });
  }
}
