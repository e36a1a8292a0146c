import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import type { PostgresEventStore } from '@caravan/event-store';
import type { RegistryCommandResult } from '@caravan/contracts';
import { RegistryCommands } from './commands/registry-commands';
import { RegistryModule } from './registry.module';

export interface RegistryExecutor {
  /** a plain function, safe to pass around detached; validates whatever it is given */
  execute: (command: unknown) => Promise<RegistryCommandResult>;
  close(): Promise<void>;
}

/** Boots the registry's Nest context and exposes its command boundary. */
export async function createRegistryExecutor(
  store: PostgresEventStore,
  logger: LoggerService,
): Promise<RegistryExecutor> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    RegistryModule.forRoot(store),
    { logger },
  );
  return { execute: context.get(RegistryCommands).execute, close: () => context.close() };
}
