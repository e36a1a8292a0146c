import {
  Catch,
  HttpException,
  Inject,
  NotFoundException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Logger } from '@caravan/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUSES, GATEWAY_LOGGER, ROUTE_MATCHER } from '../gateway.tokens';
import type { RouteMatcher } from '../http/route-matcher';
import { mapErrorToHttp, type HttpErrorResponse } from './error-status.mapper';
import { ErrInvalidMethod } from './nomad-coded.error';

/**
 * The one place where errors become HTTP (STYLE.md rule 15): Nomad's status codes and
 * plain-text bodies, never a JSON envelope. Handlers throw coded errors; the only Nest
 * HttpExceptions that reach here come from the framework itself (unknown route, body limit).
 */
@Catch()
export class NomadExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(ERROR_STATUSES) private readonly statuses: Readonly<Record<string, number>>,
    @Inject(ROUTE_MATCHER) private readonly routes: RouteMatcher,
    @Inject(GATEWAY_LOGGER) private readonly logger: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception, req);
    // Nomad answers domain refusals (a coded error: job not found, EnforceIndex conflict) with
    // 500 too; those are the client's business, not an incident, so no stack at error level.
    const refusal = typeof (exception as { code?: unknown } | null)?.code === 'string';
    if (status >= 500 && !refusal) {
      this.logger.error(
        { err: exception, method: req.method, url: req.url, status, correlationId: req.id },
        'request failed',
      );
    } else if (refusal && status >= 500) {
      this.logger.info(
        { method: req.method, url: req.url, status, error: body, correlationId: req.id },
        'request refused',
      );
    } else if (this.logger.isLevelEnabled('debug')) {
      this.logger.debug(
        { method: req.method, url: req.url, status, error: body, correlationId: req.id },
        'request failed',
      );
    }
    if (reply.sent) return;
    void reply.status(status).header('content-type', 'text/plain; charset=utf-8').send(body);
  }

  private toResponse(exception: unknown, req: FastifyRequest): HttpErrorResponse {
    if (exception instanceof NotFoundException) {
      // Nest's router fallback. Nomad: a known path with the wrong method is 405, else a bare 404.
      const methods = this.routes.methodsFor(req.url.split('?', 1)[0] ?? '');
      if (methods.size > 0 && !methods.has(req.method))
        return { status: 405, body: ErrInvalidMethod };
      return { status: 404, body: '' };
    }
    if (exception instanceof HttpException)
      return { status: exception.getStatus(), body: exception.message };
    return mapErrorToHttp(exception, this.statuses);
  }
}
