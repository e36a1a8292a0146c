import 'reflect-metadata';
import { exitOnConfigError, loadConfig, type AppName, type ConfigByApp } from '@caravan/config';
import { createLogger, logOutputFor, type Logger } from '@caravan/observability';
import { stopOnSignals, type Stoppable } from './process-lifecycle';

/** What an app's start returns: its parts, and optionally a banner for a person at a terminal. */
export type Started = Stoppable[] | { parts: Stoppable[]; banner: string[] };

/**
 * The whole of an app's main.ts: validate configuration (a bad variable stops start-up with its
 * name), start the parts, stop them in reverse on SIGINT/SIGTERM. A failed start exits 1.
 * Logs are readable lines at a terminal and JSON otherwise (CARAVAN_LOG_FORMAT overrides); the
 * banner is shown only with readable output, so log collectors never see it.
 */
export function runApp<A extends AppName>(
  app: A,
  start: (config: ConfigByApp[A], logger: Logger) => Promise<Started>,
): void {
  const config = exitOnConfigError(() => loadConfig(app));
  const stdoutIsTty = process.stdout.isTTY === true;
  const logger = createLogger(app, {
    level: config.logLevel,
    format: config.logFormat,
    stdoutIsTty,
  });
  start(config, logger).then(
    (started) => {
      const parts = Array.isArray(started) ? started : started.parts;
      stopOnSignals(parts, logger);
      logger.info('started');
      if (!Array.isArray(started) && logOutputFor(config.logFormat, stdoutIsTty) === 'pretty') {
        process.stdout.write(`${started.banner.join('\n')}\n`);
      }
    },
    (error: unknown) => {
      logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
