import { Inject, Injectable } from '@nestjs/common';
import type { JobWriteResult } from '@caravan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setQueryMeta, setWriteIndex } from '../http/query-meta';
import { firstParam, type QueryParams } from '../http/query-options';
import { CommandSender } from './command-sender';
import { prepareRegister } from './register-request';
import {
  prepareDeregister,
  prepareEvaluate,
  prepareRevert,
  prepareStability,
} from './struct-requests';

export const AGENT_REGION = Symbol('AGENT_REGION');

/** structs.JobRegisterResponse: register, revert and evaluate answer with it. */
export interface JobRegisterResponse {
  EvalID: string;
  EvalCreateIndex: number;
  JobModifyIndex: number;
  Warnings: string;
  Index: number;
  LastContact: number;
  KnownLeader: boolean;
  NextToken: string;
}

/** structs.JobDeregisterResponse */
export interface JobDeregisterResponse {
  EvalID: string;
  EvalCreateIndex: number;
  JobModifyIndex: number;
  VolumeEvalID: string;
  VolumeEvalIndex: number;
  Index: number;
  LastContact: number;
  KnownLeader: boolean;
  NextToken: string;
}

const writeResult = (result: unknown): JobWriteResult => {
  const r = (result ?? {}) as Partial<JobWriteResult>;
  return {
    EvalID: r.EvalID ?? '',
    EvalCreateIndex: r.EvalCreateIndex ?? 0,
    JobModifyIndex: r.JobModifyIndex ?? 0,
  };
};

/** The job writes: decode and check (pure helpers), send the command, shape Nomad's reply. */
@Injectable()
export class JobWritesService {
  constructor(
    private readonly sender: CommandSender,
    @Inject(AGENT_REGION) private readonly agentRegion: string,
  ) {}

  async register(
    req: FastifyRequest,
    reply: FastifyReply,
    urlJobId?: string,
  ): Promise<JobRegisterResponse> {
    const query = req.query as QueryParams;
    const prepared = prepareRegister(req.body, {
      urlJobId,
      queryNamespace: firstParam(query, 'namespace'),
      queryRegion: firstParam(query, 'region'),
      agentRegion: this.agentRegion,
    });
    const { index, result } = await this.sender.send(
      req,
      'RegisterJob',
      prepared.payload,
      prepared,
    );
    setWriteIndex(reply, index);
    return registerResponse(writeResult(result), index, prepared.warnings);
  }

  async deregister(
    req: FastifyRequest,
    reply: FastifyReply,
    jobId: string,
  ): Promise<JobDeregisterResponse> {
    const payload = prepareDeregister(jobId, req.query as QueryParams);
    const { index, result } = await this.sender.send(
      req,
      'DeregisterJob',
      payload,
      this.scope(payload),
    );
    const r = writeResult(result);
    setWriteIndex(reply, index);
    // Nomad reports the raft index as all three indexes, even when no eval was created.
    return {
      EvalID: r.EvalID,
      EvalCreateIndex: index,
      JobModifyIndex: index,
      VolumeEvalID: '',
      VolumeEvalIndex: 0,
      Index: index,
      LastContact: 0,
      KnownLeader: false,
      NextToken: '',
    };
  }

  async evaluate(
    req: FastifyRequest,
    reply: FastifyReply,
    jobId: string,
  ): Promise<JobRegisterResponse> {
    const payload = prepareEvaluate(req.body, jobId, req.query as QueryParams);
    const { index, result } = await this.sender.send(
      req,
      'EvaluateJob',
      payload,
      this.scope(payload),
    );
    setWriteIndex(reply, index);
    return registerResponse(writeResult(result), index, '');
  }

  async revert(
    req: FastifyRequest,
    reply: FastifyReply,
    jobId: string,
  ): Promise<JobRegisterResponse> {
    const payload = prepareRevert(req.body, jobId, req.query as QueryParams);
    const { index, result } = await this.sender.send(
      req,
      'RevertJob',
      payload,
      this.scope(payload),
    );
    // The one write that calls setMeta: LastContact and KnownLeader headers too.
    setQueryMeta(reply, index);
    void reply.header('X-Nomad-KnownLeader', 'false');
    return registerResponse(writeResult(result), index, '');
  }

  async stable(
    req: FastifyRequest,
    reply: FastifyReply,
    jobId: string,
  ): Promise<{ Index: number }> {
    const payload = prepareStability(req.body, jobId, req.query as QueryParams);
    const { index } = await this.sender.send(req, 'SetJobStability', payload, this.scope(payload));
    setWriteIndex(reply, index);
    return { Index: index };
  }

  private scope(payload: { namespace: string }): { namespace: string; region: string } {
    return { namespace: payload.namespace, region: this.agentRegion };
  }
}

function registerResponse(r: JobWriteResult, index: number, warnings: string): JobRegisterResponse {
  return {
    EvalID: r.EvalID,
    EvalCreateIndex: r.EvalCreateIndex,
    JobModifyIndex: r.JobModifyIndex,
    Warnings: warnings,
    Index: index,
    LastContact: 0,
    KnownLeader: false,
    NextToken: '',
  };
}
