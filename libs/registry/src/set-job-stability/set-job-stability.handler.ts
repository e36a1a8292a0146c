import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  CommandMeta,
  RegistryCommandResult,
  SetJobStabilityPayload,
} from '@caravan/contracts';
import { JobStreamWriter } from '../job-commands/job-stream.writer';
import { nowNanos } from '../job-commands/command-time';

export class SetJobStabilityCommand {
  constructor(
    readonly payload: SetJobStabilityPayload,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(SetJobStabilityCommand)
export class SetJobStabilityHandler implements ICommandHandler<
  SetJobStabilityCommand,
  RegistryCommandResult
> {
  constructor(private readonly writer: JobStreamWriter) {}

  execute({ payload, meta }: SetJobStabilityCommand): Promise<RegistryCommandResult> {
    return this.writer.execute({
      type: 'SetJobStability',
      namespace: payload.namespace,
      jobId: payload.jobId,
      jobVersion: payload.jobVersion,
      stable: payload.stable,
      now: nowNanos(),
      actor: meta.actor,
    });
  }
}
