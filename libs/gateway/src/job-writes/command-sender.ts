import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AllocationCommandType, JobCommandType } from '@caravan/contracts';
import type { FastifyRequest } from 'fastify';
import { INDEX_HUB } from '../gateway.tokens';
import type { IndexHub } from '../index-hub/index-hub';
import {
  JOB_REGISTRY,
  type JobRegistryPort,
  type RegistryCommandResult,
} from '../ports/job-registry.port';
import { unixNanos } from './command-clock';

/** How long a write waits for the read models to include it before answering anyway. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 15_000;

/**
 * ACLs are off (as in Nomad by default), so every command is the anonymous actor's. With ACLs
 * this becomes the token's accessor id.
 */
export const ANONYMOUS_ACTOR = 'anonymous';

/**
 * Sends a job command to the registry and waits until the read models have applied its
 * index (read-your-writes), so the client's next GET sees the write. Refusals arrive as
 * errors with a `code` (RegistryCommandError) and reach the exception filter as they are.
 */
@Injectable()
export class CommandSender {
  constructor(
    @Inject(JOB_REGISTRY) private readonly registry: JobRegistryPort,
    @Inject(INDEX_HUB) private readonly hub: IndexHub,
  ) {}

  async send<P>(
    req: FastifyRequest,
    type: JobCommandType | AllocationCommandType,
    payload: P,
    scope: { namespace: string; region: string },
  ): Promise<RegistryCommandResult> {
    const result = await this.registry.execute({
      type,
      payload,
      meta: {
        actor: ANONYMOUS_ACTOR,
        correlationId: req.id,
        commandId: randomUUID(),
        now: unixNanos(),
        namespace: scope.namespace,
        region: scope.region,
      },
    });
    if (result.index > 0) await this.hub.waitForApplied(result.index, READ_YOUR_WRITES_TIMEOUT_MS);
    return result;
  }
}
