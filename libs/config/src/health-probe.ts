import type { AppConfig, HostPort } from './config.types';
import { formatHostPort } from './value-types';

export const HEALTH_PATH = '/v1/agent/health';

/** The HTTP server that answers health checks: the Nomad API port, or the admin port. */
export function healthAddress(config: AppConfig): HostPort {
  switch (config.app) {
    case 'api-gateway':
    case 'caravan':
      return config.http;
    case 'job-registry':
    case 'scheduler':
    case 'deployment-watcher':
    case 'node-simulator':
      return config.admin;
    default:
      return assertNever(config);
  }
}

/** A URL a probe in the same network namespace can call: wildcard listeners become loopback. */
export function healthUrl(config: AppConfig): string {
  const { host, port } = healthAddress(config);
  const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${formatHostPort({ host: local, port })}${HEALTH_PATH}`;
}

function assertNever(value: never): never {
  throw new Error(`unexpected app config: ${JSON.stringify(value)}`);
}
