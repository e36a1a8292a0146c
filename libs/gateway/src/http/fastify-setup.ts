import { stringifyJson } from '@caravan/json';
import type { Logger } from '@caravan/observability';
import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import { CORRELATION_HEADER } from './correlation-id';
import { decodeJsonBody } from './json-body.decoder';
import { RawJson } from './raw-json';
import { wantsPretty, type QueryParams } from './query-options';
import type { RouteMatcher } from './route-matcher';

const prettySerializer = (payload: unknown): string =>
  `${payload instanceof RawJson ? payload.pretty(4) : stringifyJson(payload, 4)}\n`;

// Blocking reads woken together share one body object (single flight); encode it once.
const encoded = new WeakMap<object, string>();
function serializeShared(payload: unknown): string {
  if (payload instanceof RawJson) return payload.text;
  if (payload === null || typeof payload !== 'object') return stringifyJson(payload);
  let text = encoded.get(payload);
  if (text === undefined) {
    text = stringifyJson(payload);
    encoded.set(payload, text);
  }
  return text;
}
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Everything Nomad's transport does that Fastify does differently, applied before Nest
 * registers its routes:
 * - every body is JSON whatever its Content-Type (Nomad never looks at it), decoded with the
 *   bigint-safe codec; GETs ignore their body as Nomad's read handlers do;
 * - responses are encoded with the same codec; `?pretty` indents by 4 and adds a newline;
 * - success is 200: Nest's default 201 for POST never reaches the wire;
 * - routes are recorded so an unknown method on a known path can answer 405;
 * - every response names its correlation id (X-Caravan-Correlation-Id).
 */
export function configureFastify(
  fastify: FastifyInstance,
  deps: { logger: Logger; routes: RouteMatcher; metrics: Registry; bodyLimit: number },
): void {
  fastify.addHook('onRoute', (route) => deps.routes.add(route.url, route.method));

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: deps.bodyLimit },
    (req, body, done) => {
      // Unrouted requests skip decoding so that the router's 404/405 wins over a 400, as in Nomad.
      if (BODYLESS.has(req.method) || req.is404) return done(null, undefined);
      try {
        done(null, decodeJsonBody(body as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );

  fastify.setReplySerializer(serializeShared);
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header(CORRELATION_HEADER, req.id);
    if (wantsPretty(req.query as QueryParams)) reply.serializer(prettySerializer);
    done();
  });

  fastify.addHook('onSend', (_req, reply, payload, done) => {
    if (reply.statusCode === 201) void reply.code(200);
    done(null, payload);
  });

  const duration = requestHistogram(deps.metrics);
  const debug = deps.logger.isLevelEnabled('debug');
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    if (debug)
      deps.logger.debug(
        {
          method: req.method,
          url: req.url,
          status: reply.statusCode,
          seconds,
          correlationId: req.id,
        },
        'request',
      );
    done();
  });
}

function requestHistogram(registry: Registry): Histogram<'method' | 'route' | 'status'> {
  const name = 'caravan_http_request_duration_seconds';
  const existing = registry.getSingleMetric(name);
  if (existing !== undefined) return existing as Histogram<'method' | 'route' | 'status'>;
  return new Histogram({
    name,
    help: 'HTTP requests by method, route pattern and status (blocking queries included)',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 300],
    registers: [registry],
  });
}
