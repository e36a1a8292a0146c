import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

export interface AgentHealth {
  ok: boolean;
  message: string;
}
/** Nomad's `GET /v1/agent/health` body: lower-case keys, one entry per agent role. */
export interface AgentHealthResponse {
  client?: AgentHealth;
  server?: AgentHealth;
}
export interface HealthOptions {
  /** Resolves the server role's health (database reachable, LISTEN connected...). Default: ok. */
  check?: () => Promise<AgentHealth>;
  /** Also report a `client` role, as a Nomad dev agent (server + client) does. */
  client?: boolean;
}
export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

@Controller('v1/agent')
export class HealthController {
  constructor(@Inject(HEALTH_OPTIONS) private readonly options: HealthOptions) {}

  @Get('health')
  async health(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgentHealthResponse | string> {
    const server = await this.check();
    const body: AgentHealthResponse = this.options.client
      ? { client: { ok: true, message: 'ok' }, server }
      : { server };
    if (server.ok) return body;
    // Nomad answers an unhealthy agent with 500 and the JSON document as a plain-text error body.
    void reply.status(500).header('content-type', 'text/plain; charset=utf-8');
    return JSON.stringify(body);
  }

  private async check(): Promise<AgentHealth> {
    if (this.options.check === undefined) return { ok: true, message: 'ok' };
    try {
      return await this.options.check();
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }
}
