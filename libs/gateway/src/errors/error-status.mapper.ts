import { NOMAD_CODED } from './nomad-coded.error';

export interface HttpErrorResponse {
  status: number;
  body: string;
}

/**
 * Codes thrown below the gateway (domain, event store, registry) and their HTTP status.
 * Anything not listed is a 500, as in Nomad, where even "job not found" from a write RPC and
 * an EnforceIndex conflict are 500s (nomad-api-semantics.md §1.4, §16).
 */
export const DEFAULT_ERROR_STATUSES: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  // the registry could not read a command (@caravan/contracts INVALID_COMMAND)
  INVALID_ARGUMENT: 400,
  VALIDATION_FAILED: 500,
  PERMISSION_DENIED: 403,
  ACL_TOKEN_NOT_FOUND: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  // The event store's append queue is full: back off and retry (nothing was written).
  OVERLOADED: 503,
};

// Nomad unwraps RPC errors by their suffix (http.go errCodeFromHandler).
const SUFFIXES: readonly { suffix: string; status: number }[] = [
  { suffix: 'Permission denied', status: 403 },
  { suffix: 'ACL token not found', status: 403 },
  {
    suffix: 'Job registration, dispatch, and scale are disabled by the scheduler configuration',
    status: 403,
  },
  { suffix: 'Filter expression cannot be used with other filter parameters', status: 400 },
];

// `RPC Error:: 400,<message>` carries its own status (structs.CodeFromRPCCodedErr).
const RPC_CODED = /^RPC Error:: (\d{3}),([\s\S]*)$/;

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  return String(err);
}

/** Pure: any thrown value → Nomad's status and plain-text body. */
export function mapErrorToHttp(
  err: unknown,
  statuses: Readonly<Record<string, number>> = DEFAULT_ERROR_STATUSES,
): HttpErrorResponse {
  const message = messageOf(err);
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const { code, status } = err as { code: unknown; status?: unknown };
    if (code === NOMAD_CODED && typeof status === 'number') return { status, body: message };
    if (typeof code === 'string' && statuses[code] !== undefined)
      return { status: statuses[code], body: message };
  }
  const rpc = RPC_CODED.exec(message);
  if (rpc !== null) return { status: Number(rpc[1]), body: rpc[2] ?? '' };
  for (const { suffix, status } of SUFFIXES) {
    if (message.endsWith(suffix)) return { status, body: suffix };
  }
  return { status: 500, body: message };
}
