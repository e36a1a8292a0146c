// The struct-body writes (revert, stable, evaluate) and DELETE: Nomad's HTTP-layer checks in
// order, then the command payload. Pure.
import type {
  DeregisterJobPayload,
  EvaluateJobPayload,
  RevertJobPayload,
  SetJobStabilityPayload,
} from '@caravan/contracts';
import { badRequest, ErrRequestBodyEmpty } from '../errors/nomad-coded.error';
import {
  decodeEvaluateRequest,
  decodeRevertRequest,
  decodeStabilityRequest,
} from '../dto/decode-job-requests';
import type { EvalOptionsDto } from '../dto/job-requests.dto';
import { firstParam, type QueryParams } from '../http/query-options';
import { boolParam, intParam } from '../job-reads/job-query-params';

/** Struct bodies: a non-empty `?namespace=` beats the body's Namespace; `default` otherwise. */
const scope = (query: QueryParams, bodyNamespace: string | null | undefined): string =>
  firstParam(query, 'namespace') || bodyNamespace || 'default';

export function prepareRevert(body: unknown, jobId: string, query: QueryParams): RevertJobPayload {
  if (body === undefined) throw badRequest(ErrRequestBodyEmpty);
  const request = decodeRevertRequest(body);
  if (!request.JobID) throw badRequest('JobID must be specified');
  if (request.JobID !== jobId) throw badRequest('Job ID does not match');
  const prior = request.EnforcePriorVersion;
  return {
    namespace: scope(query, request.Namespace),
    jobId,
    jobVersion: Number(request.JobVersion ?? 0),
    enforcePriorVersion: prior === undefined || prior === null ? null : Number(prior),
  };
}

export function prepareStability(
  body: unknown,
  jobId: string,
  query: QueryParams,
): SetJobStabilityPayload {
  if (body === undefined) throw badRequest(ErrRequestBodyEmpty);
  const request = decodeStabilityRequest(body);
  if (!request.JobID) throw badRequest('JobID must be specified');
  if (request.JobID !== jobId) throw badRequest('Job ID does not match');
  return {
    namespace: scope(query, request.Namespace),
    jobId,
    jobVersion: Number(request.JobVersion ?? 0),
    // Go's zero value: omitting Stable unmarks the version.
    stable: request.Stable ?? false,
  };
}

/** The only write whose body is optional: without one, the URL's job is evaluated. */
export function prepareEvaluate(
  body: unknown,
  jobId: string,
  query: QueryParams,
): EvaluateJobPayload {
  if (body === undefined) return { namespace: scope(query, null), jobId, forceReschedule: false };
  const request = decodeEvaluateRequest(body);
  if (!request.JobID) throw badRequest('Job ID must be specified');
  if (request.JobID !== jobId) throw badRequest('JobID not same as job name');
  const options = request.EvalOptions as EvalOptionsDto | null | undefined;
  return {
    namespace: scope(query, request.Namespace),
    jobId,
    forceReschedule: options?.ForceReschedule ?? false,
  };
}

export function prepareDeregister(jobId: string, query: QueryParams): DeregisterJobPayload {
  const purge = boolParam(query, 'purge');
  boolParam(query, 'global');
  const evalPriority = intParam(query, 'eval_priority');
  if ('no_shutdown_delay' in query) noShutdownDelay(query);
  if (evalPriority > 100) throw badRequest('Eval priority must be between 1 and 100 inclusively');
  return {
    namespace: scope(query, null),
    jobId,
    purge,
    evalPriority: evalPriority > 0 ? evalPriority : 0,
  };
}

/** Nomad's message for this parameter carries a stray `q` after the name; kept verbatim. */
function noShutdownDelay(query: QueryParams): void {
  try {
    boolParam(query, 'no_shutdown_delay');
  } catch (err) {
    throw new Error((err as Error).message.replace('"no_shutdown_delay"', '"no_shutdown_delay"q'));
  }
}
