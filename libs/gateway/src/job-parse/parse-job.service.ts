import { Injectable } from '@nestjs/common';
import { parseJobspec, type NomadJobJson } from '@caravan/jobspec';
import { badRequest, ErrRequestBodyEmpty } from '../errors/nomad-coded.error';
import { decodeParseRequest } from '../dto/decode-job-requests';
// Deep import until spec/index.ts exports it (that file is owned elsewhere right now).
import { canonicalizeApiShapeJob } from '@caravan/domain/jobs';

/**
 * `PUT|POST /v1/jobs/parse`: HCL2 → the api-shape job, optionally with the api defaults.
 * Nothing is validated or stored; no index header (Nomad sends none here).
 */
@Injectable()
export class ParseJobService {
  async parse(body: unknown): Promise<NomadJobJson> {
    if (body === undefined) throw badRequest(ErrRequestBodyEmpty);
    const request = decodeParseRequest(body);
    const hcl = request.JobHCL ?? '';
    if (hcl === '') throw badRequest('Job spec is empty');
    const job = await parseJobspec(hcl, { variableFile: request.Variables ?? '' });
    return request.Canonicalize ? canonicalizeApiShapeJob(job) : job;
  }
}
