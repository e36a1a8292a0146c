import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const DB = 'postgres://caravan:secret@db:5432/caravan';
const distributed = { DATABASE_URL: DB, KAFKA_BROKERS: 'kafka:9092' };
const host = { hostname: 'box-1' };

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.variable}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig errors', () => {
  it.each([
    ['CARAVAN_HTTP_ADDR', 'abc', 'CARAVAN_HTTP_ADDR: expected host:port, got "abc"'],
    ['CARAVAN_HTTP_ADDR', 'h:65536', 'CARAVAN_HTTP_ADDR: expected host:port, got "h:65536"'],
    ['CARAVAN_HTTP_ADDR', '::1:80', 'CARAVAN_HTTP_ADDR: expected host:port, got "::1:80"'],
    [
      'CARAVAN_REGISTRY_ADDR',
      'dns:///registry',
      'CARAVAN_REGISTRY_ADDR: expected host:port, dns:///host:port or unix:/path, got "dns:///registry"',
    ],
    [
      'CARAVAN_LOG_LEVEL',
      'verbose',
      'CARAVAN_LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent, got "verbose"',
    ],
    [
      'CARAVAN_LOG_FORMAT',
      'text',
      'CARAVAN_LOG_FORMAT: expected one of auto, json, pretty, got "text"',
    ],
    [
      'CARAVAN_REGION',
      'eu west',
      `CARAVAN_REGION: expected letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit), got "eu west"`,
    ],
  ])('rejects %s=%j on the api-gateway', (variable, value, message) => {
    expect(
      issuesOf(() => loadConfig('api-gateway', { DATABASE_URL: DB, [variable]: value })),
    ).toEqual([message]);
  });

  it.each([
    ['KAFKA_BROKERS', 'kafka', 'expected comma-separated host:port list, got "kafka"'],
    [
      'KAFKA_BROKERS',
      'k1:9092,,k2:9092',
      'expected comma-separated host:port list, got "k1:9092,,k2:9092"',
    ],
    ['KAFKA_BROKERS', 'k1:0', 'expected comma-separated host:port list, got "k1:0"'],
    ['CARAVAN_KAFKA_PARTITIONS', '0', 'expected integer >= 1, got "0"'],
    ['CARAVAN_KAFKA_PARTITIONS', '12abc', 'expected integer >= 1, got "12abc"'],
    ['CARAVAN_KAFKA_PARTITIONS', '1.5', 'expected integer >= 1, got "1.5"'],
    ['CARAVAN_NODE_COUNT', '-1', 'expected integer >= 0, got "-1"'],
    [
      'CARAVAN_TOPIC_PREFIX',
      'caravan/',
      `expected at most 200 of letters, digits, '.', '_' or '-', got "caravan/"`,
    ],
    ['CARAVAN_ADMIN_ADDR', '0.0.0.0', 'expected host:port, got "0.0.0.0"'],
    [
      'CARAVAN_DATACENTER',
      '-dc',
      `expected letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit), got "-dc"`,
    ],
  ])('rejects %s=%j on the node-simulator', (variable, value, message) => {
    const env = { ...distributed, [variable]: value };
    expect(issuesOf(() => loadConfig('node-simulator', env, host))).toEqual([
      `${variable}: ${message}`,
    ]);
  });

  it('rejects a bad CARAVAN_GRPC_ADDR on the job-registry', () => {
    const env = { ...distributed, CARAVAN_GRPC_ADDR: '4647' };
    expect(issuesOf(() => loadConfig('job-registry', env))).toEqual([
      'CARAVAN_GRPC_ADDR: expected host:port, got "4647"',
    ]);
  });

  it('never echoes a database password', () => {
    const env = { DATABASE_URL: 'mysql://caravan:hunter2@db/caravan' };
    const [issue] = issuesOf(() => loadConfig('caravan', env, host));
    expect(issue).toBe(
      'DATABASE_URL: expected postgres://user:password@host:port/database, got "mysql://caravan:***@db/caravan"',
    );
  });

  it('reports an invalid default, saying it is the default', () => {
    expect(
      issuesOf(() => loadConfig('node-simulator', distributed, { hostname: 'my box' })),
    ).toEqual([
      `CARAVAN_NODE_SIMULATOR_ID: expected letters, digits, '.', '_' or '-' (at most 128, starting with a letter or digit), got default "my box"`,
    ]);
  });

  it.each(['job-registry', 'scheduler', 'deployment-watcher', 'node-simulator'] as const)(
    'requires DATABASE_URL and KAFKA_BROKERS for %s',
    (app) => {
      expect(issuesOf(() => loadConfig(app, {}, host))).toEqual([
        'DATABASE_URL: required, not set',
        'KAFKA_BROKERS: required, not set',
      ]);
    },
  );

  it('reports every bad variable together, in one message', () => {
    const env = {
      CARAVAN_HTTP_ADDR: 'abc',
      CARAVAN_LOG_LEVEL: 'loud',
      CARAVAN_REGISTRY_ADDR: 'nowhere',
    };
    let error: unknown;
    try {
      loadConfig('api-gateway', env, host);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    expect((error as ConfigError).message).toBe(
      [
        'invalid configuration for api-gateway:',
        '  CARAVAN_LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent, got "loud"',
        '  DATABASE_URL: required, not set',
        '  CARAVAN_HTTP_ADDR: expected host:port, got "abc"',
        '  CARAVAN_REGISTRY_ADDR: expected host:port, dns:///host:port or unix:/path, got "nowhere"',
      ].join('\n'),
    );
  });

  it('rejects an unknown app name at run time', () => {
    expect(issuesOf(() => loadConfig('web' as 'caravan', {}, host))).toEqual([
      'APP: expected one of api-gateway, job-registry, scheduler, deployment-watcher, node-simulator, caravan, got "web"',
    ]);
  });
});
