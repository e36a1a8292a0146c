import 'reflect-metadata';
import { exitOnConfigError, loadConfig, type AppName, type ConfigByApp } from '@caravan/config';
import { createLogger, type Logger } from '@caravan/observability';
import { stopOnSignals, type Stoppable } from './process-lifecycle';

/**
 * The whole of an app's main.ts: validate configuration (a bad variable stops start-up with its
 * name), start the parts, stop them in reverse on SIGINT/SIGTERM. A failed start exits 1.
 */
export function runApp<A extends AppName>(
  app: A,
  start: (config: ConfigByApp[A], logger: Logger) => Promise<Stoppable[]>,
): void {
  const config = exitOnConfigError(() => loadConfig(app));
  const logger = createLogger(app, { level: config.logLevel });
  start(config, logger).then(
    (parts) => {
      stopOnSignals(parts, logger);
      logger.info('started');
    },
    (error: unknown) => {
      logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
