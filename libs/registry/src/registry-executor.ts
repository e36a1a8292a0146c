import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import type { PostgresEventStore } from '@caravan/event-store';
import type { RegistryCommand, RegistryCommandResult } from '@caravan/contracts';
import { CommandRouter } from './command-router';
import { RegistryModule } from './registry.module';
import { RegisterJobCommand } from './register-job/register-job.handler';
import { DeregisterJobCommand } from './deregister-job/deregister-job.handler';
import { RevertJobCommand } from './revert-job/revert-job.handler';
import { SetJobStabilityCommand } from './set-job-stability/set-job-stability.handler';
import { EvaluateJobCommand } from './evaluate-job/evaluate-job.handler';

export interface RegistryExecutor {
  /** a plain function, safe to pass around detached */
  execute: (command: RegistryCommand) => Promise<RegistryCommandResult>;
  close(): Promise<void>;
}

/** Boots the registry's Nest context and routes wire commands (by `type`) onto its command bus. */
export async function createRegistryExecutor(
  store: PostgresEventStore,
  logger: LoggerService,
): Promise<RegistryExecutor> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    RegistryModule.forRoot(store),
    {
      logger,
    },
  );
  const router = new CommandRouter(context.get(CommandBus))
    .register('RegisterJob', (payload, meta) => new RegisterJobCommand(payload as never, meta))
    .register('DeregisterJob', (payload, meta) => new DeregisterJobCommand(payload as never, meta))
    .register('RevertJob', (payload, meta) => new RevertJobCommand(payload as never, meta))
    .register(
      'SetJobStability',
      (payload, meta) => new SetJobStabilityCommand(payload as never, meta),
    )
    .register('EvaluateJob', (payload, meta) => new EvaluateJobCommand(payload as never, meta));
  return {
    execute: (command) => router.execute(command),
    close: () => context.close(),
  };
}
