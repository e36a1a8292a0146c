// One decoder per job request body, with Go's struct names for the error messages.
import { normalizeJobBody } from './job-body.normalizer';
import {
  EvalOptionsDto,
  JobEvaluateRequestDto,
  JobPlanRequestDto,
  JobRegisterRequestDto,
  JobRevertRequestDto,
  JobStabilityRequestDto,
  JobSubmissionDto,
  JobsParseRequestDto,
} from './job-requests.dto';
import { decodeRequest } from './request-decoder';

export function decodeRegisterRequest(body: unknown): JobRegisterRequestDto {
  return decodeRequest(JobRegisterRequestDto, body, {
    struct: 'JobRegisterRequest',
    qualified: 'api.JobRegisterRequest',
    nested: {
      Job: normalizeJobBody,
      Submission: (value, path) =>
        decodeRequest(JobSubmissionDto, value, { struct: path, qualified: 'api.JobSubmission' }),
    },
  });
}

export function decodeRevertRequest(body: unknown): JobRevertRequestDto {
  return decodeRequest(JobRevertRequestDto, body, {
    struct: 'JobRevertRequest',
    qualified: 'structs.JobRevertRequest',
  });
}

export function decodeStabilityRequest(body: unknown): JobStabilityRequestDto {
  return decodeRequest(JobStabilityRequestDto, body, {
    struct: 'JobStabilityRequest',
    qualified: 'structs.JobStabilityRequest',
  });
}

export function decodeEvaluateRequest(body: unknown): JobEvaluateRequestDto {
  return decodeRequest(JobEvaluateRequestDto, body, {
    struct: 'JobEvaluateRequest',
    qualified: 'structs.JobEvaluateRequest',
    nested: {
      EvalOptions: (value, path) =>
        decodeRequest(EvalOptionsDto, value, { struct: path, qualified: 'structs.EvalOptions' }),
    },
  });
}

export function decodeParseRequest(body: unknown): JobsParseRequestDto {
  return decodeRequest(JobsParseRequestDto, body, {
    struct: 'JobsParseRequest',
    qualified: 'api.JobsParseRequest',
  });
}

/** The Job is bound as for register; prepareRegister then converts and validates it. */
export function decodePlanRequest(body: unknown): JobPlanRequestDto {
  return decodeRequest(JobPlanRequestDto, body, {
    struct: 'JobPlanRequest',
    qualified: 'api.JobPlanRequest',
    nested: { Job: normalizeJobBody },
  });
}
