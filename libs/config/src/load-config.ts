import { hostname } from 'node:os';
import { knownVariables, schemaFor, type SchemaDefaults } from './app-schemas';
import { ConfigError } from './config.error';
import { APP_NAMES, type AppName, type ConfigByApp, type Env } from './config.types';

export function isAppName(value: string): value is AppName {
  return (APP_NAMES as readonly string[]).includes(value);
}

/**
 * Reads and validates the configuration of one app (STYLE.md rule 16). Throws a ConfigError
 * naming every bad or missing variable. Unknown variables are ignored; see unknownVariables.
 */
export function loadConfig<A extends AppName>(
  app: A,
  env: Env = process.env,
  defaults: Partial<SchemaDefaults> = {},
): ConfigByApp[A] {
  // The type says AppName, but the probe and scripts pass names from the environment.
  const name: string = app;
  if (!isAppName(name)) {
    throw new ConfigError(name, [
      { variable: 'APP', message: `expected one of ${APP_NAMES.join(', ')}, got "${name}"` },
    ]);
  }
  const schema = schemaFor(app, { hostname: defaults.hostname ?? hostname() });
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    app,
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}

/**
 * CARAVAN_* variables no app reads: most likely typos (CARAVAN_HTTP_ADR). Worth a warning at
 * start-up; not an error, because one environment is often shared by several apps.
 */
export function unknownVariables(env: Env = process.env): string[] {
  const known = new Set(knownVariables());
  return Object.keys(env)
    .filter((key) => key.startsWith('CARAVAN_') && !known.has(key))
    .sort();
}
