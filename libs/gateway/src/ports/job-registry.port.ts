// The gateway's only way to change state: a command to the job registry, which answers with
// the log index of the resulting events (the gateway then waits for the read models to reach
// it: read-your-writes). The transport (gRPC) lives with the lead; this is just the port.

export const JOB_REGISTRY = Symbol('JOB_REGISTRY');

export interface CommandMeta {
  /** ACL token accessor id, or 'anonymous' when ACLs are off. */
  actor: string;
  correlationId: string;
  /** Epoch ms at which the gateway accepted the request; the domain never reads a clock. */
  now: number;
  namespace?: string;
  region?: string;
  idempotencyToken?: string;
}

export interface RegistryCommand {
  type: string;
  payload: unknown;
  meta: CommandMeta;
}

export interface RegistryCommandResult {
  index: number;
  result: unknown;
}

export interface JobRegistryPort {
  execute(command: RegistryCommand): Promise<RegistryCommandResult>;
}
