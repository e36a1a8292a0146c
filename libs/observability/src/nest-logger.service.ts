import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { Logger } from 'pino';

// Nest calls log(message, ...optionalParams) where the last string param is the context
// (class name) and error(message, stack?, context?). We keep the context as a field.

// Nest narrates its own start-up at info: a line per module and per route, three dozen lines
// before the first one a person needs. Those are debug here; Nest's warnings and errors are not.
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    const startUp = typeof context === 'string' && START_UP_CONTEXTS.has(context);
    this.write(startUp ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    const [stack, ...rest] = params;
    if (typeof stack === 'string' && stack.includes('\n')) {
      this.write('error', message, rest, { stack });
      return;
    }
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  setLogLevels(_levels: NestLogLevel[]): void {
    // The level comes from CARAVAN_LOG_LEVEL for the whole process, not from Nest.
  }

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    params: unknown[],
    extra: Record<string, unknown> = {},
  ): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const last = params[params.length - 1];
    const context = typeof last === 'string' ? last : undefined;
    const fields: Record<string, unknown> = { ...extra };
    if (context !== undefined) fields.context = context;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
