import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** Reads CARAVAN_LOG_LEVEL; a bad value stops start-up with a message naming the variable (STYLE.md rule 16). */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const raw = env.CARAVAN_LOG_LEVEL?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'info';
  if ((LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  throw new Error(
    `CARAVAN_LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${env.CARAVAN_LOG_LEVEL}"`,
  );
}

/**
 * One JSON line per entry on stdout, `app` on every line. Synchronous stdout writes keep
 * lines ordered with process exit; the volume is low because request logs are debug-only.
 */
export function createLogger(app: string, options: { level?: LogLevel } = {}): Logger {
  return pino({
    level: options.level ?? logLevelFromEnv(),
    base: { app, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
