import type { ServiceDefinition } from '@grpc/grpc-js';
import { parseJson, stringifyJson } from '@caravan/json';
import type { RegistryCommand, RegistryCommandResult, RegistryFailure } from '@caravan/contracts';

// gRPC with JSON messages instead of protobuf: commands are already plain, versioned data
// (contracts), and int64 nanoseconds need the bigint-safe codec anyway. gRPC still gives us
// HTTP/2 multiplexing, deadlines, and client-side round-robin over registry replicas.

export type RegistryReply = { ok: RegistryCommandResult } | { failed: RegistryFailure };

function encode(value: unknown): Buffer {
  return Buffer.from(stringifyJson(value));
}

function decode<T>(bytes: Buffer): T {
  return parseJson<T>(bytes.toString('utf8'));
}

/** What the server hands on when a request is not JSON at all: refused as INVALID_ARGUMENT. */
export class UndecodableRequest {
  constructor(readonly reason: string) {}
}

// A request that fails to parse must reach the handler, so the caller gets INVALID_ARGUMENT
// (a throwing deserializer would make grpc-js answer INTERNAL).
function decodeRequest(bytes: Buffer): unknown {
  try {
    return decode<unknown>(bytes);
  } catch (error) {
    return new UndecodableRequest(error instanceof Error ? error.message : String(error));
  }
}

export const REGISTRY_SERVICE: ServiceDefinition = {
  execute: {
    path: '/caravan.registry.v1.JobRegistry/Execute',
    requestStream: false,
    responseStream: false,
    requestSerialize: (command: RegistryCommand) => encode(command),
    requestDeserialize: decodeRequest,
    responseSerialize: (reply: RegistryReply) => encode(reply),
    responseDeserialize: (bytes: Buffer) => decode<RegistryReply>(bytes),
  },
};
