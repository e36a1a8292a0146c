// The contract between the gateway and the job registry. Commands are plain data; the registry
// answers with the log index of the events it appended (the gateway then waits until the read
// models reach that index: read-your-writes) and a command-specific result.

/**
 * Who, when and why of one command; the registry copies it onto every event the command
 * causes (see libs/registry/README.md "Event metadata").
 */
export interface CommandMeta {
  /** ACL token accessor id, or 'anonymous' while ACLs are off. */
  actor: string;
  /** One per HTTP request (the client's X-Request-Id when it sent a usable one). */
  correlationId: string;
  /** A UUID naming this command: the causationId of every event it appends. */
  commandId: string;
  /**
   * The command's one clock: Unix nanoseconds at which the gateway accepted the request. The
   * registry and the domain never read a clock of their own.
   */
  now: bigint;
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

/**
 * The code of a command the registry refused to read: unknown type, or a payload or meta that
 * does not match its schema. gRPC carries it as status INVALID_ARGUMENT; the gateway answers 400.
 */
export const INVALID_COMMAND = 'INVALID_ARGUMENT';

export function invalidCommand(message: string): RegistryCommandError {
  return new RegistryCommandError(INVALID_COMMAND, message);
}
