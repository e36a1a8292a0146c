import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, EvaluateJobPayload, RegistryCommandResult } from '@caravan/contracts';
import { JobStreamWriter } from '../job-commands/job-stream.writer';
import { newEvalId, nowNanos } from '../job-commands/command-time';

export class EvaluateJobCommand {
  constructor(
    readonly payload: EvaluateJobPayload,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(EvaluateJobCommand)
export class EvaluateJobHandler implements ICommandHandler<
  EvaluateJobCommand,
  RegistryCommandResult
> {
  constructor(private readonly writer: JobStreamWriter) {}

  execute({ payload, meta }: EvaluateJobCommand): Promise<RegistryCommandResult> {
    return this.writer.execute({
      type: 'EvaluateJob',
      namespace: payload.namespace,
      jobId: payload.jobId,
      forceReschedule: payload.forceReschedule,
      evalId: newEvalId(),
      now: nowNanos(),
      actor: meta.actor,
    });
  }
}
