import type { CommandBus } from '@nestjs/cqrs';
import type { RegistryCommand, RegistryCommandResult } from '@caravan/contracts';

/** Builds the in-process command (a @nestjs/cqrs command object) for one wire command type. */
export type CommandFactory = (payload: unknown, meta: RegistryCommand['meta']) => object;

export class UnknownCommandError extends Error {
  readonly code = 'UNKNOWN_COMMAND';
  constructor(type: string) {
    super(`unknown registry command "${type}"`);
  }
}

/**
 * Turns wire commands into command-bus commands. Each use case folder registers its factory;
 * handlers return `{ index, result }` (the log index the gateway waits for).
 */
export class CommandRouter {
  private readonly factories = new Map<string, CommandFactory>();

  constructor(private readonly bus: CommandBus) {}

  register(type: string, factory: CommandFactory): this {
    this.factories.set(type, factory);
    return this;
  }

  async execute(command: RegistryCommand): Promise<RegistryCommandResult> {
    const factory = this.factories.get(command.type);
    if (!factory) throw new UnknownCommandError(command.type);
    return this.bus.execute<object, RegistryCommandResult>(factory(command.payload, command.meta));
  }
}
