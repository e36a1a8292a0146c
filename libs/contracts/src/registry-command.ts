// The contract between the gateway and the job registry. Commands are plain data; the registry
// answers with the log index of the events it appended (the gateway then waits until the read
// models reach that index: read-your-writes) and a command-specific result.

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

/** A refusal the registry reports with a code (domain rule, version conflict); re-raised by the port. */
export interface RegistryFailure {
  code: string;
  message: string;
}

export class RegistryCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
