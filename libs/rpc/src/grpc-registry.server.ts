import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import type { RegistryCommand, RegistryCommandResult } from '@caravan/contracts';
import { REGISTRY_SERVICE, type RegistryReply } from './registry.service-definition';

export type CommandExecutor = (command: RegistryCommand) => Promise<RegistryCommandResult>;

/**
 * Serves registry commands over gRPC. Errors with a string `code` (domain refusals, version
 * conflicts) travel back as data so the gateway can map them to Nomad's answers; anything else
 * is an INTERNAL status.
 */
export class GrpcRegistryServer {
  private readonly server = new Server();

  constructor(private readonly executor: CommandExecutor) {
    this.server.addService(REGISTRY_SERVICE, {
      execute: (
        call: ServerUnaryCall<RegistryCommand, RegistryReply>,
        callback: sendUnaryData<RegistryReply>,
      ) => {
        this.executor(call.request).then(
          (ok) => callback(null, { ok }),
          (error: unknown) => {
            const code = (error as { code?: unknown }).code;
            if (typeof code === 'string')
              callback(null, { failed: { code, message: (error as Error).message } });
            else
              callback({
                code: 13,
                details: error instanceof Error ? error.message : String(error),
              });
          },
        );
      },
    });
  }

  /** Listens on `host:port`; resolves with the bound port (useful with port 0). */
  async listen(address: string): Promise<number> {
    return new Promise((resolve, reject) =>
      this.server.bindAsync(address, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }
}
