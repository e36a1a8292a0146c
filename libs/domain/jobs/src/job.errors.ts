import { DomainError } from '@caravan/domain/shared';

// Nomad answers every one of these with HTTP 500 and the message as plain text
// (nomad-api-semantics.md §1.4, §16.7): they come from its RPC layer, not the HTTP layer.

export type JobErrorCode =
  | 'JOB_ENFORCE_INDEX_CONFLICT'
  | 'JOB_NOT_FOUND'
  | 'JOB_VERSION_NOT_FOUND'
  | 'JOB_REVERT_TO_CURRENT_VERSION'
  | 'JOB_PRIOR_VERSION_MISMATCH'
  | 'JOB_INVALID_UPDATE'
  | 'JOB_CANNOT_EVALUATE';

export class JobDomainError extends DomainError {
  readonly httpStatus = 500;
  constructor(
    override readonly code: JobErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'JobDomainError';
  }
}

const fail = (code: JobErrorCode, message: string) => new JobDomainError(code, message);

export const jobErrors = {
  enforceMustBeNew: () =>
    fail('JOB_ENFORCE_INDEX_CONFLICT', 'Enforcing job modify index 0: job already exists'),
  enforceMissing: (index: number) =>
    fail('JOB_ENFORCE_INDEX_CONFLICT', `Enforcing job modify index ${index}: job does not exist`),
  enforceConflict: (index: number, current: number) =>
    fail(
      'JOB_ENFORCE_INDEX_CONFLICT',
      `Enforcing job modify index ${index}: job exists with conflicting job modify index: ${current}`,
    ),
  /** revert's wording quotes the id */
  jobNotFoundQuoted: (jobId: string) =>
    fail('JOB_NOT_FOUND', `job ${JSON.stringify(jobId)} not found`),
  jobNotFound: () => fail('JOB_NOT_FOUND', 'job not found'),
  versionNotFound: (jobId: string, namespace: string, version: number) =>
    fail(
      'JOB_VERSION_NOT_FOUND',
      `job ${JSON.stringify(jobId)} in namespace ${JSON.stringify(namespace)} at version ${version} not found`,
    ),
  revertToCurrent: () => fail('JOB_REVERT_TO_CURRENT_VERSION', "can't revert to current version"),
  priorVersionMismatch: (current: number, wanted: number) =>
    fail(
      'JOB_PRIOR_VERSION_MISMATCH',
      `Current job has version ${current}; enforcing version ${wanted}`,
    ),
  invalidUpdate: (message: string) => fail('JOB_INVALID_UPDATE', message),
  cannotEvaluate: (kind: 'periodic' | 'parameterized') =>
    fail('JOB_CANNOT_EVALUATE', `can't evaluate ${kind} job`),
};
