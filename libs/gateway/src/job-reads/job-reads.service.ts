import { Inject, Injectable } from '@nestjs/common';
import { consecutiveVersionDiffs, type JobDiff } from '@caravan/domain/jobs';
import type { Job } from '@caravan/nomad-api';
import { parseFilter } from '@caravan/filter';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BlockingQueries } from '../blocking/blocking-queries.service';
import { notFound } from '../errors/nomad-coded.error';
import { setQueryMeta } from '../http/query-meta';
import { firstParam, type QueryParams } from '../http/query-options';
import { JOB_READS_REPOSITORY, JOB_TABLES, type JobReadsRepository } from './job-reads.repository';
import { RawJson } from '../http/raw-json';
import {
  boolParam,
  checkStale,
  lenientBoolParam,
  namespaceParam,
  perPageParam,
  uintParam,
} from './job-query-params';

export interface VersionsResponse {
  Versions: Job[];
  Diffs: JobDiff[] | null;
  Index: number;
  LastContact: number;
  KnownLeader: boolean;
  NextToken: string;
}

/**
 * The job GETs: parameters, blocking query on the endpoint's tables, Nomad's index rule,
 * meta headers (also on a 404), and the body.
 */
@Injectable()
export class JobReadsService {
  constructor(
    private readonly blocking: BlockingQueries,
    @Inject(JOB_READS_REPOSITORY) private readonly reads: JobReadsRepository,
  ) {}

  /** Answered as JSON text built by the database (RawJson): the list never parses a job. */
  async listJobs(req: FastifyRequest, reply: FastifyReply): Promise<RawJson> {
    const query = req.query as QueryParams;
    checkStale(query);
    const namespace = namespaceParam(query);
    const prefix = firstParam(query, 'prefix');
    const withMeta = boolParam(query, 'meta');
    const perPage = perPageParam(query);
    const nextToken = firstParam(query, 'next_token');
    const expression = firstParam(query, 'filter');
    const filter = expression === '' ? undefined : parseFilter(expression);
    // Nomad's `*` + prefix path walks the whole table and ignores reverse.
    const reverse =
      firstParam(query, 'reverse') === 'true' && !(namespace === '*' && prefix !== '');
    const { index, body } = await this.blocking.query(
      req,
      JOB_TABLES.list,
      () =>
        this.reads.listJobs({
          tables: JOB_TABLES.list,
          namespace,
          prefix,
          reverse,
          perPage,
          nextToken,
          filter,
          withMeta,
        }),
      (page) => page.json.length,
    );
    setQueryMeta(reply, index);
    if (body.nextToken !== '') void reply.header('X-Nomad-NextToken', body.nextToken);
    return new RawJson(body.json);
  }

  async readJob(req: FastifyRequest, reply: FastifyReply, jobId: string): Promise<Job> {
    const namespace = this.readNamespace(req);
    const { index, body } = await this.blocking.query(req, JOB_TABLES.job, () =>
      this.reads.readJob(namespace, jobId),
    );
    setQueryMeta(reply, index);
    if (body === null) throw notFound('job not found');
    return body;
  }

  async versions(
    req: FastifyRequest,
    reply: FastifyReply,
    jobId: string,
  ): Promise<VersionsResponse> {
    const query = req.query as QueryParams;
    const namespace = this.readNamespace(req);
    const diffs = boolParam(query, 'diffs');
    uintParam(query, 'diff_version');
    const { index, body } = await this.blocking.query(req, JOB_TABLES.versions, () =>
      this.reads.listVersions(namespace, jobId),
    );
    setQueryMeta(reply, index);
    if (body.length === 0) throw notFound('job versions not found');
    // diff_version is parsed (a bad value is Nomad's 500) but not yet applied: consecutive only.
    return {
      Versions: body,
      Diffs: diffs ? consecutiveVersionDiffs(body) : null,
      Index: index,
      LastContact: 0,
      KnownLeader: true,
      NextToken: '',
    };
  }

  async summary(req: FastifyRequest, reply: FastifyReply, jobId: string): Promise<unknown> {
    const namespace = this.readNamespace(req);
    const { index, body } = await this.blocking.query(req, JOB_TABLES.summary, () =>
      this.reads.readSummary(namespace, jobId),
    );
    setQueryMeta(reply, index);
    if (body === null) throw notFound('job not found');
    return body;
  }

  async evaluations(req: FastifyRequest, reply: FastifyReply, jobId: string): Promise<unknown[]> {
    const namespace = this.readNamespace(req);
    const { index, body } = await this.blocking.query(req, JOB_TABLES.evaluations, () =>
      this.reads.listEvaluations(namespace, jobId),
    );
    setQueryMeta(reply, index);
    return body;
  }

  /** Deployments have no read model yet: `[]` (or `null`) at the global index. */
  async empty<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: 'deployments' | 'deployment',
    body: T,
  ): Promise<T> {
    const query = req.query as QueryParams;
    this.readNamespace(req);
    if (kind !== 'deployment') lenientBoolParam(query, 'all');
    const result = await this.blocking.query(req, JOB_TABLES.global, async () => ({
      index: await this.reads.globalIndex(),
      body,
    }));
    setQueryMeta(reply, result.index);
    return result.body;
  }

  private readNamespace(req: FastifyRequest): string {
    const query = req.query as QueryParams;
    checkStale(query);
    return namespaceParam(query);
  }
}
