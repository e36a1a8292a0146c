import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// One correlation id per HTTP request: Fastify's request id. It goes into the command meta (and
// so into every event's metadata), into the request's log lines, and back to the client.

/** The response header that returns the request's correlation id. */
export const CORRELATION_HEADER = 'X-Caravan-Correlation-Id';

/** Incoming headers honoured, in order, when a proxy or client already named the request. */
const INCOMING = ['x-request-id', 'x-correlation-id'] as const;

/** A usable incoming id is short printable ASCII, so it is safe in logs, headers and metadata. */
const USABLE = /^[\x21-\x7e]{1,128}$/;

/** Fastify's `genReqId`: the client's id when usable, else a fresh UUID. */
export function correlationIdFor(req: IncomingMessage): string {
  for (const name of INCOMING) {
    const value = req.headers[name];
    if (typeof value === 'string' && USABLE.test(value)) return value;
  }
  return randomUUID();
}
