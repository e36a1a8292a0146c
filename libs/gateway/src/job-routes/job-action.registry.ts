import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JobAction } from './job-path';

export interface JobActionContext {
  req: FastifyRequest;
  reply: FastifyReply;
  jobId: string;
  /** `<id>/versions/<name>/tag` only. */
  tag?: string;
}

export interface JobActionHandler {
  /** Methods Nomad accepts for the action; anything else is 405 `Invalid method`. */
  methods: readonly string[];
  handle(ctx: JobActionContext): Promise<unknown>;
}

/**
 * Extension point of the `/v1/job/*` route family: later slices (plan, dispatch, periodic
 * force, scale...) register their action here instead of adding routes, because the action
 * is only known after the job ID's suffix has been matched.
 */
@Injectable()
export class JobActionRegistry {
  private readonly handlers = new Map<JobAction, JobActionHandler>();

  register(action: JobAction, handler: JobActionHandler): void {
    this.handlers.set(action, handler);
  }

  get(action: JobAction): JobActionHandler | undefined {
    return this.handlers.get(action);
  }
}
