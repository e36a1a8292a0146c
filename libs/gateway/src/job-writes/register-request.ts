// From a register body to the RegisterJob command: Nomad's HTTP-layer checks (400s, in
// Nomad's order), namespace and region resolution, api→server conversion (server-owned fields
// dropped), canonicalization, then validation with every error at once (500 multierror).
// Pure: the controller only adds the URL and the agent's region.
import type { JobSubmissionPayload, RegisterJobPayload } from '@caravan/contracts';
import {
  canonicalizeJob,
  formatMultiError,
  resolveJobNamespace,
  resolveJobRegion,
  validateJob,
} from '@caravan/domain/jobs';
import type { JobInput } from '@caravan/nomad-api';
import { badRequest, ErrRequestBodyEmpty } from '../errors/nomad-coded.error';
import { decodeRegisterRequest } from '../dto/decode-job-requests';
import type { JobSubmissionDto } from '../dto/job-requests.dto';
import { jobWarnings } from './job-warnings';
import { formatWarnings, JobValidationError, noPathToRegion } from './write-errors';

/** Server-owned fields a client may send; Nomad's api→server conversion drops them. */
const SERVER_OWNED = [
  'ParentID',
  'Dispatched',
  'DispatchIdempotencyToken',
  'ConsulNamespace',
  'NomadTokenID',
  'Status',
  'StatusDescription',
  'Stable',
  'SubmitTime',
  'CreateIndex',
  'ModifyIndex',
  'JobModifyIndex',
] as const;

/** Nomad's job_max_source_size default (1M). */
export const MAX_SOURCE_SIZE = 1024 * 1024;

export interface RegisterContext {
  /** The `:id` of `/v1/job/:id`; undefined (or '') for `/v1/jobs`. */
  urlJobId?: string;
  queryNamespace: string;
  queryRegion: string;
  agentRegion: string;
}

export interface PreparedRegister {
  payload: RegisterJobPayload;
  namespace: string;
  region: string;
  warnings: string;
}

export function prepareRegister(body: unknown, ctx: RegisterContext): PreparedRegister {
  if (body === undefined) throw badRequest(ErrRequestBodyEmpty);
  const request = decodeRegisterRequest(body);
  const input = request.Job;
  if (input === undefined || input === null) throw badRequest('Job must be specified');
  if (input.ID === undefined || input.ID === null) throw badRequest("Job ID hasn't been provided");
  if (ctx.urlJobId && input.ID !== ctx.urlJobId) throw badRequest('Job ID does not match name');
  const groups = Array.isArray(input.TaskGroups) ? (input.TaskGroups as JobInput[]) : [];
  if (input.Type === 'system' && groups.some((g) => isSet((g as Record<string, unknown>).Scaling)))
    throw badRequest('Task groups with job type system do not support scaling blocks');
  const evalPriority = request.EvalPriority ?? 0;
  if (evalPriority !== 0 && (evalPriority < 1 || evalPriority > 100))
    throw badRequest('Eval priority must be between 1 and 100 inclusively');

  const jobInput = serverFields(input);
  const namespace = resolveJobNamespace(
    ctx.queryNamespace,
    request.Namespace ?? undefined,
    jobInput.Namespace,
  );
  const region = resolveJobRegion({
    queryRegion: ctx.queryRegion,
    bodyRegion: request.Region ?? undefined,
    jobRegion: jobInput.Region,
    agentRegion: ctx.agentRegion,
    multiregion: isSet(jobInput.Multiregion),
  });
  if (region !== ctx.agentRegion) throw noPathToRegion();
  const job = canonicalizeJob(jobInput, { region, namespace });
  const errors = validateJob(job);
  if (errors.length > 0) throw new JobValidationError(formatMultiError(errors));

  const warnings = jobWarnings(job);
  const submission = toSubmission(request.Submission, warnings);
  return {
    payload: {
      job,
      enforceIndex: request.EnforceIndex ?? false,
      jobModifyIndex: Number(request.JobModifyIndex ?? 0),
      preserveCounts: request.PreserveCounts ?? false,
      evalPriority,
      submission,
    },
    namespace,
    region,
    warnings: formatWarnings(warnings),
  };
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function serverFields(input: JobInput): JobInput {
  const copy: Record<string, unknown> = { ...input };
  for (const field of SERVER_OWNED) delete copy[field];
  return copy;
}

function toSubmission(
  dto: JobSubmissionDto | null | undefined,
  warnings: string[],
): JobSubmissionPayload | null {
  if (dto === null || dto === undefined) return null;
  const submission: JobSubmissionPayload = {
    Source: dto.Source ?? '',
    Format: dto.Format ?? '',
    VariableFlags: dto.VariableFlags ?? null,
    Variables: dto.Variables ?? '',
  };
  const size = Buffer.byteLength(submission.Source) + Buffer.byteLength(submission.Variables);
  if (size > MAX_SOURCE_SIZE) {
    warnings.push(
      `job source size of ${humanBytes(size)} exceeds maximum of ${humanBytes(MAX_SOURCE_SIZE)} and will be discarded`,
    );
    return null;
  }
  return submission;
}

/** go-humanize's IBytes: `1.0 MiB`. */
function humanBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  if (n < 10) return `${n} B`;
  const e = Math.min(Math.floor(Math.log(n) / Math.log(1024)), units.length - 1);
  const value = n / 1024 ** e;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ${units[e]}`;
}
