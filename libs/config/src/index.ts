export * from './config.types';
export { ConfigError, type ConfigIssue } from './config.error';
export { loadConfig, isAppName, unknownVariables } from './load-config';
export { variablesFor, knownVariables } from './app-schemas';
export { exitOnConfigError, EXIT_CONFIG, type ExitIo } from './exit-on-config-error';
export { healthAddress, healthUrl, HEALTH_PATH } from './health-probe';
export { formatHostPort, redactUrl } from './value-types';
