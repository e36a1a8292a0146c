import type { Env } from './config.types';
import { loadConfig, unknownVariables } from './load-config';
import { variablesFor } from './app-schemas';

const DB = 'postgres://caravan:secret@db:5432/caravan';
const distributed = { DATABASE_URL: DB, KAFKA_BROKERS: 'kafka:9092' };
const host = { hostname: 'box-1' };

describe('loadConfig defaults', () => {
  it('gives the api-gateway its documented defaults', () => {
    expect(loadConfig('api-gateway', { DATABASE_URL: DB }, host)).toEqual({
      app: 'api-gateway',
      logLevel: 'info',
      logFormat: 'auto',
      region: 'global',
      datacenter: 'dc1',
      databaseUrl: DB,
      http: { host: '127.0.0.1', port: 4646 },
      registryTarget: '127.0.0.1:4647',
    });
  });

  it('gives the job-registry its gRPC, admin and Kafka defaults', () => {
    expect(loadConfig('job-registry', distributed, host)).toEqual({
      app: 'job-registry',
      logLevel: 'info',
      logFormat: 'auto',
      region: 'global',
      datacenter: 'dc1',
      databaseUrl: DB,
      grpc: { host: '0.0.0.0', port: 4647 },
      admin: { host: '0.0.0.0', port: 4650 },
      kafka: { brokers: ['kafka:9092'], partitions: 12, topicPrefix: 'caravan.' },
    });
  });

  it('defaults the node simulator id to the hostname and the node count to 3', () => {
    const config = loadConfig('node-simulator', distributed, host);
    expect(config).toMatchObject({ nodeCount: 3, nodeSimulatorId: 'box-1' });
    expect(config.admin).toEqual({ host: '0.0.0.0', port: 4650 });
  });

  it('runs caravan fully embedded when nothing is set', () => {
    expect(loadConfig('caravan', {}, host)).toEqual({
      app: 'caravan',
      logLevel: 'info',
      logFormat: 'auto',
      region: 'global',
      datacenter: 'dc1',
      http: { host: '127.0.0.1', port: 4646 },
      dataDir: './.caravan',
      database: { mode: 'embedded' },
      transport: { mode: 'store-tail' },
      nodeCount: 3,
      nodeSimulatorId: 'box-1',
    });
  });

  it('treats blank values as unset', () => {
    const config = loadConfig('caravan', { DATABASE_URL: '  ', CARAVAN_LOG_LEVEL: '' }, host);
    expect(config.database).toEqual({ mode: 'embedded' });
    expect(config.logLevel).toBe('info');
  });
});

describe('loadConfig with values', () => {
  it('uses external PostgreSQL and Kafka in caravan when they are set', () => {
    const config = loadConfig(
      'caravan',
      { ...distributed, CARAVAN_KAFKA_PARTITIONS: '3', CARAVAN_TOPIC_PREFIX: 'dev.' },
      host,
    );
    expect(config.database).toEqual({ mode: 'external', url: DB });
    expect(config.transport).toEqual({
      mode: 'kafka',
      kafka: { brokers: ['kafka:9092'], partitions: 3, topicPrefix: 'dev.' },
    });
  });

  it('parses every setting of the scheduler', () => {
    const env: Env = {
      ...distributed,
      KAFKA_BROKERS: ' k1:9092, [::1]:9093 ',
      CARAVAN_ADMIN_ADDR: '[::]:9000',
      CARAVAN_LOG_LEVEL: 'DEBUG',
      CARAVAN_LOG_FORMAT: 'JSON',
      CARAVAN_REGION: 'eu-west',
      CARAVAN_DATACENTER: 'eu-west-1a',
    };
    expect(loadConfig('scheduler', env, host)).toEqual({
      app: 'scheduler',
      logLevel: 'debug',
      logFormat: 'json',
      region: 'eu-west',
      datacenter: 'eu-west-1a',
      databaseUrl: DB,
      admin: { host: '::', port: 9000 },
      kafka: { brokers: ['k1:9092', '[::1]:9093'], partitions: 12, topicPrefix: 'caravan.' },
    });
  });

  it.each([
    ['dns:///job-registry:4647'],
    ['dns://8.8.8.8/registry.internal:4647'],
    ['registry:4647'],
    ['unix:/run/caravan/registry.sock'],
  ])('accepts the registry target %s', (target) => {
    const env = { DATABASE_URL: DB, CARAVAN_REGISTRY_ADDR: target };
    expect(loadConfig('api-gateway', env, host).registryTarget).toBe(target);
  });

  it('allows port 0 for listen addresses (an ephemeral port in tests)', () => {
    const env = { DATABASE_URL: DB, CARAVAN_HTTP_ADDR: '127.0.0.1:0' };
    expect(loadConfig('api-gateway', env, host).http).toEqual({ host: '127.0.0.1', port: 0 });
  });
});

describe('variables', () => {
  it('lists what each app reads', () => {
    expect(variablesFor('api-gateway').sort()).toEqual([
      'CARAVAN_DATACENTER',
      'CARAVAN_HTTP_ADDR',
      'CARAVAN_LOG_FORMAT',
      'CARAVAN_LOG_LEVEL',
      'CARAVAN_REGION',
      'CARAVAN_REGISTRY_ADDR',
      'DATABASE_URL',
    ]);
    expect(variablesFor('node-simulator')).toContain('CARAVAN_NODE_SIMULATOR_ID');
    expect(variablesFor('scheduler')).not.toContain('CARAVAN_NODE_COUNT');
  });

  it('flags CARAVAN_ variables no app reads (typos)', () => {
    const env = {
      CARAVAN_HTTP_ADR: 'x',
      CARAVAN_HTTP_ADDR: 'h:1',
      CARAVAN_NODE_COUNT: '1',
      PATH: '/bin',
    };
    expect(unknownVariables(env)).toEqual(['CARAVAN_HTTP_ADR']);
  });
});
