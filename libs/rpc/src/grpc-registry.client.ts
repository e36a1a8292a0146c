import {
  credentials,
  status,
  makeGenericClientConstructor,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import {
  INVALID_COMMAND,
  RegistryCommandError,
  type JobRegistryPort,
  type RegistryCommand,
  type RegistryCommandResult,
} from '@caravan/contracts';
import { REGISTRY_SERVICE, type RegistryReply } from './registry.service-definition';

const RegistryClient = makeGenericClientConstructor(REGISTRY_SERVICE, 'JobRegistry');

type ExecuteFn = (
  request: RegistryCommand,
  options: { deadline: Date },
  callback: (error: ServiceError | null, reply?: RegistryReply) => void,
) => void;

export interface GrpcRegistryClientOptions {
  /** per-command deadline; a register waits for its log index, normally milliseconds */
  timeoutMs?: number;
}

/**
 * The gateway's port to the registry over gRPC. `dns:///job-registry:4647` resolves every
 * replica; round_robin spreads commands over them (grpc-js would otherwise pin the first).
 */
export class GrpcRegistryClient implements JobRegistryPort {
  private readonly client: Client;

  constructor(
    target: string,
    private readonly options: GrpcRegistryClientOptions = {},
  ) {
    this.client = new RegistryClient(target, credentials.createInsecure(), {
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
      'grpc.keepalive_time_ms': 30_000,
    });
  }

  execute(command: RegistryCommand): Promise<RegistryCommandResult> {
    const execute = (this.client as unknown as { execute: ExecuteFn }).execute.bind(this.client);
    const deadline = new Date(Date.now() + (this.options.timeoutMs ?? 60_000));
    return new Promise((resolve, reject) =>
      execute(command, { deadline }, (error, reply) => {
        // INVALID_ARGUMENT becomes the same coded error as in embedded mode (the gateway's 400).
        if (error?.code === status.INVALID_ARGUMENT)
          reject(new RegistryCommandError(INVALID_COMMAND, error.details));
        else if (error) reject(error);
        else if (!reply) reject(new Error('empty reply from job registry'));
        else if ('ok' in reply) resolve(reply.ok);
        else reject(new RegistryCommandError(reply.failed.code, reply.failed.message));
      }),
    );
  }

  close(): void {
    this.client.close();
  }
}
