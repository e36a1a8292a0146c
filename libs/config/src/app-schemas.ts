import { z } from 'zod';
import type { AppName, CommonConfig, ConfigByApp, KafkaConfig } from './config.types';
import { optional, required, withDefault } from './env-fields';
import * as types from './value-types';

// One schema per app, assembled from shared pieces. The object keys are the variable names,
// so a zod issue's path names the variable; `transform` shapes the typed config.

export interface SchemaDefaults {
  /** Default for CARAVAN_NODE_SIMULATOR_ID. */
  hostname: string;
}

const common = {
  CARAVAN_LOG_LEVEL: withDefault(types.logLevel, 'info'),
  CARAVAN_LOG_FORMAT: withDefault(types.logFormat, 'auto'),
  CARAVAN_REGION: withDefault(types.name, 'global'),
  CARAVAN_DATACENTER: withDefault(types.name, 'dc1'),
};
const database = { DATABASE_URL: required(types.postgresUrl) };
const kafkaTuning = {
  CARAVAN_KAFKA_PARTITIONS: withDefault(types.integer(1), '12'),
  CARAVAN_TOPIC_PREFIX: withDefault(types.topicPrefix, 'caravan.'),
};
const kafka = { KAFKA_BROKERS: required(types.brokerList), ...kafkaTuning };
const admin = { CARAVAN_ADMIN_ADDR: withDefault(types.listenAddress, '0.0.0.0:4650') };
const http = { CARAVAN_HTTP_ADDR: withDefault(types.listenAddress, '127.0.0.1:4646') };
const simulation = (defaults: SchemaDefaults) => ({
  CARAVAN_NODE_COUNT: withDefault(types.integer(0), '3'),
  CARAVAN_NODE_SIMULATOR_ID: withDefault(types.name, defaults.hostname),
});

type Parsed<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

function commonOf(env: Parsed<typeof common>): CommonConfig {
  return {
    logLevel: env.CARAVAN_LOG_LEVEL,
    logFormat: env.CARAVAN_LOG_FORMAT,
    region: env.CARAVAN_REGION,
    datacenter: env.CARAVAN_DATACENTER,
  };
}

function kafkaOf(env: Parsed<typeof kafkaTuning> & { KAFKA_BROKERS: string[] }): KafkaConfig {
  return {
    brokers: env.KAFKA_BROKERS,
    partitions: env.CARAVAN_KAFKA_PARTITIONS,
    topicPrefix: env.CARAVAN_TOPIC_PREFIX,
  };
}

function shapes(defaults: SchemaDefaults) {
  return {
    'api-gateway': {
      ...common,
      ...database,
      ...http,
      CARAVAN_REGISTRY_ADDR: withDefault(types.grpcTarget, '127.0.0.1:4647'),
    },
    'job-registry': {
      ...common,
      ...database,
      ...kafka,
      ...admin,
      CARAVAN_GRPC_ADDR: withDefault(types.listenAddress, '0.0.0.0:4647'),
    },
    scheduler: { ...common, ...database, ...kafka, ...admin },
    'deployment-watcher': { ...common, ...database, ...kafka, ...admin },
    'node-simulator': { ...common, ...database, ...kafka, ...admin, ...simulation(defaults) },
    caravan: {
      ...common,
      ...http,
      ...kafkaTuning,
      ...simulation(defaults),
      DATABASE_URL: optional(types.postgresUrl),
      KAFKA_BROKERS: optional(types.brokerList),
      CARAVAN_DATA_DIR: withDefault(types.path, './.caravan'),
    },
  } satisfies Record<AppName, z.ZodRawShape>;
}

/** The variables an app reads, in the order its errors are reported. */
export function variablesFor(app: AppName): string[] {
  return Object.keys(shapes({ hostname: 'localhost' })[app]);
}

/** Every variable any app reads. */
export function knownVariables(): string[] {
  const all = shapes({ hostname: 'localhost' });
  return [...new Set(Object.values(all).flatMap((shape) => Object.keys(shape)))];
}

export function schemaFor<A extends AppName>(
  app: A,
  defaults: SchemaDefaults,
): z.ZodType<ConfigByApp[A], z.ZodTypeDef, unknown> {
  const s = shapes(defaults);
  const schemas: { [K in AppName]: z.ZodType<ConfigByApp[K], z.ZodTypeDef, unknown> } = {
    'api-gateway': z.object(s['api-gateway']).transform((e) => ({
      app: 'api-gateway' as const,
      ...commonOf(e),
      databaseUrl: e.DATABASE_URL,
      http: e.CARAVAN_HTTP_ADDR,
      registryTarget: e.CARAVAN_REGISTRY_ADDR,
    })),
    'job-registry': z.object(s['job-registry']).transform((e) => ({
      app: 'job-registry' as const,
      ...commonOf(e),
      databaseUrl: e.DATABASE_URL,
      grpc: e.CARAVAN_GRPC_ADDR,
      admin: e.CARAVAN_ADMIN_ADDR,
      kafka: kafkaOf(e),
    })),
    scheduler: z.object(s.scheduler).transform((e) => ({
      app: 'scheduler' as const,
      ...commonOf(e),
      databaseUrl: e.DATABASE_URL,
      admin: e.CARAVAN_ADMIN_ADDR,
      kafka: kafkaOf(e),
    })),
    'deployment-watcher': z.object(s['deployment-watcher']).transform((e) => ({
      app: 'deployment-watcher' as const,
      ...commonOf(e),
      databaseUrl: e.DATABASE_URL,
      admin: e.CARAVAN_ADMIN_ADDR,
      kafka: kafkaOf(e),
    })),
    'node-simulator': z.object(s['node-simulator']).transform((e) => ({
      app: 'node-simulator' as const,
      ...commonOf(e),
      databaseUrl: e.DATABASE_URL,
      admin: e.CARAVAN_ADMIN_ADDR,
      kafka: kafkaOf(e),
      nodeCount: e.CARAVAN_NODE_COUNT,
      nodeSimulatorId: e.CARAVAN_NODE_SIMULATOR_ID,
    })),
    caravan: z.object(s.caravan).transform((e) => ({
      app: 'caravan' as const,
      ...commonOf(e),
      http: e.CARAVAN_HTTP_ADDR,
      dataDir: e.CARAVAN_DATA_DIR,
      database: e.DATABASE_URL
        ? { mode: 'external' as const, url: e.DATABASE_URL }
        : { mode: 'embedded' as const },
      transport: e.KAFKA_BROKERS
        ? { mode: 'kafka' as const, kafka: kafkaOf({ ...e, KAFKA_BROKERS: e.KAFKA_BROKERS }) }
        : { mode: 'store-tail' as const },
      nodeCount: e.CARAVAN_NODE_COUNT,
      nodeSimulatorId: e.CARAVAN_NODE_SIMULATOR_ID,
    })),
  };
  return schemas[app];
}
