import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMeta, RegisterJobPayload, RegistryCommandResult } from '@caravan/contracts';
import { JobStreamWriter } from '../job-commands/job-stream.writer';
import { newEvalId, nowNanos } from '../job-commands/command-time';

export class RegisterJobCommand {
  constructor(
    readonly payload: RegisterJobPayload,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(RegisterJobCommand)
export class RegisterJobHandler implements ICommandHandler<
  RegisterJobCommand,
  RegistryCommandResult
> {
  constructor(private readonly writer: JobStreamWriter) {}

  execute({ payload, meta }: RegisterJobCommand): Promise<RegistryCommandResult> {
    return this.writer.execute({
      type: 'RegisterJob',
      job: payload.job,
      enforceIndex: payload.enforceIndex,
      jobModifyIndex: payload.jobModifyIndex,
      preserveCounts: payload.preserveCounts,
      evalPriority: payload.evalPriority,
      submission: payload.submission,
      evalId: newEvalId(),
      now: nowNanos(),
      actor: meta.actor,
    });
  }
}
