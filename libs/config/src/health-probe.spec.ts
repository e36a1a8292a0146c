import { healthUrl } from './health-probe';
import { loadConfig } from './load-config';

const distributed = { DATABASE_URL: 'postgres://u:p@db/caravan', KAFKA_BROKERS: 'kafka:9092' };
const host = { hostname: 'box' };

describe('healthUrl', () => {
  it('probes the gateway on its HTTP address', () => {
    const config = loadConfig('api-gateway', { ...distributed, CARAVAN_HTTP_ADDR: '0.0.0.0:4646' });
    expect(healthUrl(config)).toBe('http://127.0.0.1:4646/v1/agent/health');
  });

  it('probes the embedded process on its HTTP address as configured', () => {
    const config = loadConfig('caravan', { CARAVAN_HTTP_ADDR: 'localhost:5000' }, host);
    expect(healthUrl(config)).toBe('http://localhost:5000/v1/agent/health');
  });

  it.each(['job-registry', 'scheduler', 'deployment-watcher', 'node-simulator'] as const)(
    'probes %s on its admin address',
    (app) => {
      const config = loadConfig(app, { ...distributed, CARAVAN_ADMIN_ADDR: '0.0.0.0:4651' }, host);
      expect(healthUrl(config)).toBe('http://127.0.0.1:4651/v1/agent/health');
    },
  );

  it('turns the IPv6 wildcard into the IPv6 loopback, bracketed', () => {
    const config = loadConfig('scheduler', { ...distributed, CARAVAN_ADMIN_ADDR: '[::]:4650' });
    expect(healthUrl(config)).toBe('http://[::1]:4650/v1/agent/health');
  });
});
