// The gateway's only way to change state: a command to the job registry, which answers with
// the log index of the resulting events (the gateway then waits for the read models to reach
// it: read-your-writes). The contract lives in @caravan/contracts; transports in @caravan/rpc.

export type {
  CommandMeta,
  JobRegistryPort,
  RegistryCommand,
  RegistryCommandResult,
} from '@caravan/contracts';

export const JOB_REGISTRY = Symbol('JOB_REGISTRY');
