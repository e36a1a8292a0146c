import type { JobRegistryPort, RegistryCommand, RegistryCommandResult } from '@caravan/contracts';
import type { CommandExecutor } from './grpc-registry.server';

/**
 * Embedded mode: the gateway calls the registry in the same process, behind the same port. The
 * command still goes through the codec so that what works here works over gRPC.
 */
export class InProcessRegistryClient implements JobRegistryPort {
  constructor(private readonly executor: CommandExecutor) {}

  execute(command: RegistryCommand): Promise<RegistryCommandResult> {
    return this.executor(structuredClone(command));
  }
}
