// The typed result of loadConfig, one interface per app (`apps/<name>`). Every field here comes
// from exactly one environment variable; libs/config/README.md maps them.

export const APP_NAMES = [
  'api-gateway',
  'job-registry',
  'scheduler',
  'deployment-watcher',
  'node-simulator',
  'caravan',
] as const;

export type AppName = (typeof APP_NAMES)[number];

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `auto`: readable lines when stdout is a terminal, JSON lines otherwise. */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** A listen or connect address. `host` has no brackets, even for IPv6. */
export interface HostPort {
  host: string;
  port: number;
}

/** Settings every app reads. Region and datacenter are cluster identity, so all apps agree. */
export interface CommonConfig {
  logLevel: LogLevel;
  logFormat: LogFormat;
  region: string;
  datacenter: string;
}

export interface KafkaConfig {
  /** `host:port` strings, the shape kafkajs takes. */
  brokers: string[];
  /** Partitions per topic when Caravan creates its topics. */
  partitions: number;
  topicPrefix: string;
}

/** What the node simulator needs, in its own app and inside the embedded process. */
export interface NodeSimulationConfig {
  nodeCount: number;
  /** Distinguishes simulator replicas; defaults to the hostname, unique per container. */
  nodeSimulatorId: string;
}

export interface ApiGatewayConfig extends CommonConfig {
  app: 'api-gateway';
  databaseUrl: string;
  http: HostPort;
  /** A gRPC target for @grpc/grpc-js: `host:port`, `dns:///host:port` or `unix:/path`. */
  registryTarget: string;
}

export interface JobRegistryConfig extends CommonConfig {
  app: 'job-registry';
  databaseUrl: string;
  grpc: HostPort;
  admin: HostPort;
  kafka: KafkaConfig;
}

export interface SchedulerConfig extends CommonConfig {
  app: 'scheduler';
  databaseUrl: string;
  admin: HostPort;
  kafka: KafkaConfig;
}

export interface DeploymentWatcherConfig extends CommonConfig {
  app: 'deployment-watcher';
  databaseUrl: string;
  admin: HostPort;
  kafka: KafkaConfig;
}

export interface NodeSimulatorConfig extends CommonConfig, NodeSimulationConfig {
  app: 'node-simulator';
  databaseUrl: string;
  admin: HostPort;
  kafka: KafkaConfig;
}

/** Embedded mode: no DATABASE_URL means embedded PostgreSQL under `dataDir`. */
export type DatabaseSetting = { mode: 'external'; url: string } | { mode: 'embedded' };

/** Embedded mode: no KAFKA_BROKERS means consumers tail the event store directly. */
export type TransportSetting = { mode: 'kafka'; kafka: KafkaConfig } | { mode: 'store-tail' };

export interface CaravanConfig extends CommonConfig, NodeSimulationConfig {
  app: 'caravan';
  http: HostPort;
  dataDir: string;
  database: DatabaseSetting;
  transport: TransportSetting;
}

export interface ConfigByApp {
  'api-gateway': ApiGatewayConfig;
  'job-registry': JobRegistryConfig;
  scheduler: SchedulerConfig;
  'deployment-watcher': DeploymentWatcherConfig;
  'node-simulator': NodeSimulatorConfig;
  caravan: CaravanConfig;
}

export type AppConfig = ConfigByApp[AppName];

/** The environment as read: process.env or a plain object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;
