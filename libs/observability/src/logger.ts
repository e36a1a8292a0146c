import pino, { type Logger } from 'pino';
import { build as prettyStream, prettyFactory, type PrettyOptions } from 'pino-pretty';

export type { Logger } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** As CARAVAN_LOG_FORMAT names them; `auto` decides by whether stdout is a terminal. */
const FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof FORMATS)[number];
export type LogOutput = 'json' | 'pretty';

/** Reads CARAVAN_LOG_LEVEL; a bad value stops start-up with a message naming the variable (STYLE.md rule 16). */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  return oneOf('CARAVAN_LOG_LEVEL', LEVELS, 'info', env);
}

/** Reads CARAVAN_LOG_FORMAT, for loggers made outside runApp (which takes it from @caravan/config). */
export function logFormatFromEnv(env: NodeJS.ProcessEnv = process.env): LogFormat {
  return oneOf('CARAVAN_LOG_FORMAT', FORMATS, 'auto', env);
}

function oneOf<T extends string>(
  variable: string,
  values: readonly T[],
  fallback: T,
  env: NodeJS.ProcessEnv,
): T {
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new Error(`${variable} must be one of ${values.join(', ')}; got "${env[variable]}"`);
}

/**
 * Readable lines for a person at a terminal; JSON lines for everything that reads logs as data
 * (a pipe, a file, a container runtime), and whenever JSON is asked for.
 */
export function logOutputFor(format: LogFormat, stdoutIsTty: boolean): LogOutput {
  if (format === 'auto') return stdoutIsTty ? 'pretty' : 'json';
  return format;
}

/**
 * How a readable line looks: time, level, the component or Nest context if any, the message, then the other
 * fields. pid, hostname and app are left out: one process, one app, the person knows both.
 */
export function prettyOptions(colorize: boolean): PrettyOptions {
  return {
    colorize,
    sync: true, // lines stay ordered with process exit, like the JSON output
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,app,component,context',
    messageFormat: '{if component}{component}: {end}{if context}{context}: {end}{msg}',
  };
}

/** Renders one log object as its readable line (for tests and previews). */
export function prettyLine(log: object, colorize = false): string {
  return prettyFactory(prettyOptions(colorize))(log);
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** whether stdout is a terminal; defaults to asking process.stdout */
  stdoutIsTty?: boolean;
}

/**
 * One entry per line on stdout, `app` on every JSON line. Synchronous stdout writes keep lines
 * ordered with process exit; the volume is low because request logs are debug-only.
 */
export function createLogger(app: string, options: LoggerOptions = {}): Logger {
  const isTty = options.stdoutIsTty ?? process.stdout.isTTY === true;
  const settings = {
    level: options.level ?? logLevelFromEnv(),
    base: { app, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const output = logOutputFor(options.format ?? logFormatFromEnv(), isTty);
  return output === 'json' ? pino(settings) : pino(settings, prettyStream(prettyOptions(isTty)));
}
