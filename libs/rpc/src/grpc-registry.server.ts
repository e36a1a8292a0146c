import {
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { INVALID_COMMAND, type RegistryCommandResult } from '@caravan/contracts';
import {
  REGISTRY_SERVICE,
  UndecodableRequest,
  type RegistryReply,
} from './registry.service-definition';

/** Takes `unknown`: whatever arrived on the wire; the executor validates it. */
export type CommandExecutor = (command: unknown) => Promise<RegistryCommandResult>;

/**
 * Serves registry commands over gRPC. A command the registry cannot read (not JSON, or refused
 * with INVALID_ARGUMENT by its schema) is the status INVALID_ARGUMENT. Other errors with a
 * string `code` (domain refusals, version conflicts) travel back as data so the gateway can map
 * them to Nomad's answers; anything else is an INTERNAL status.
 */
export class GrpcRegistryServer {
  private readonly server = new Server();

  constructor(private readonly executor: CommandExecutor) {
    this.server.addService(REGISTRY_SERVICE, {
      execute: (
        call: ServerUnaryCall<unknown, RegistryReply>,
        reply: sendUnaryData<RegistryReply>,
      ) => {
        if (call.request instanceof UndecodableRequest) {
          reply({
            code: status.INVALID_ARGUMENT,
            details: `malformed command: ${call.request.reason}`,
          });
          return;
        }
        this.executor(call.request).then(
          (ok) => reply(null, { ok }),
          (error: unknown) => {
            const refused = failure(error);
            if ('status' in refused) reply(refused.status);
            else reply(null, refused.data);
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

/** A refusal is either a gRPC status or a coded failure carried as data. */
type Failure =
  | { status: { code: status; details: string } }
  | { data: { failed: { code: string; message: string } } };

function failure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (code === INVALID_COMMAND)
    return { status: { code: status.INVALID_ARGUMENT, details: message } };
  if (typeof code === 'string') return { data: { failed: { code, message } } };
  return { status: { code: status.INTERNAL, details: message } };
}
