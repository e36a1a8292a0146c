// Nomad's request structs for the job endpoints, as DTOs: property names are the Go field
// names, types the Go types (api.* for bodies the HTTP agent decodes into api structs,
// structs.* where it decodes straight into server structs). They double as the typed model
// the handlers read.
import { GoField } from './go-field.decorator';

/** Fields of structs.WriteRequest, embedded in every server-struct body. */
abstract class WriteRequestDto {
  @GoField('string') Region?: string | null;
  @GoField('string') Namespace?: string | null;
  @GoField('string') AuthToken?: string | null;
  @GoField('string') IdempotencyToken?: string | null;
}

/** api.JobSubmission */
export class JobSubmissionDto {
  @GoField('string') Source?: string | null;
  @GoField('string') Format?: string | null;
  @GoField('stringMap', 'map[string]string') VariableFlags?: Record<string, string> | null;
  @GoField('string') Variables?: string | null;
}

/** api.JobRegisterRequest (POST /v1/jobs, /v1/job/:id) */
export class JobRegisterRequestDto {
  @GoField('struct', '*api.JobSubmission') Submission?: Record<string, unknown> | null;
  @GoField('struct', '*api.Job') Job?: Record<string, unknown> | null;
  @GoField('bool') EnforceIndex?: boolean | null;
  @GoField('uint64') JobModifyIndex?: number | bigint | null;
  @GoField('bool') PolicyOverride?: boolean | null;
  @GoField('bool') PreserveCounts?: boolean | null;
  @GoField('bool') PreserveResources?: boolean | null;
  @GoField('int') EvalPriority?: number | null;
  @GoField('string') Region?: string | null;
  @GoField('string') Namespace?: string | null;
  @GoField('string') SecretID?: string | null;
}

/** api.JobPlanRequest (PUT/POST /v1/job/:id/plan); `Job` is decoded by the register path. */
export class JobPlanRequestDto {
  @GoField('struct', '*api.Job') Job?: Record<string, unknown> | null;
  @GoField('bool') Diff?: boolean | null;
  @GoField('bool') PolicyOverride?: boolean | null;
}

/** structs.JobRevertRequest (POST /v1/job/:id/revert) */
export class JobRevertRequestDto extends WriteRequestDto {
  @GoField('string') JobID?: string | null;
  @GoField('uint64') JobVersion?: number | bigint | null;
  @GoField('uint64', '*uint64') EnforcePriorVersion?: number | bigint | null;
  @GoField('string') ConsulToken?: string | null;
  @GoField('string') VaultToken?: string | null;
}

/** structs.JobStabilityRequest (POST /v1/job/:id/stable) */
export class JobStabilityRequestDto extends WriteRequestDto {
  @GoField('string') JobID?: string | null;
  @GoField('uint64') JobVersion?: number | bigint | null;
  @GoField('bool') Stable?: boolean | null;
}

/** structs.EvalOptions */
export class EvalOptionsDto {
  @GoField('bool') ForceReschedule?: boolean | null;
}

/** structs.JobEvaluateRequest (POST /v1/job/:id/evaluate) */
export class JobEvaluateRequestDto extends WriteRequestDto {
  @GoField('string') JobID?: string | null;
  @GoField('struct', 'structs.EvalOptions') EvalOptions?: Record<string, unknown> | null;
}

/** api.JobsParseRequest (POST /v1/jobs/parse) */
export class JobsParseRequestDto {
  @GoField('string') JobHCL?: string | null;
  @GoField('bool') HCLv1?: boolean | null;
  @GoField('string') Variables?: string | null;
  @GoField('bool') Canonicalize?: boolean | null;
}
