import type { TestInfraState } from './test-infra.state';

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Ctrl-C or a kill of the Jest parent skips globalTeardown. Exit with the conventional code and
 * stop the servers synchronously in the 'exit' event (the only hook every exit path runs), so
 * no broker or cluster outlives the run. Returns a function that removes the handlers.
 */
export function installSignalHandlers(state: TestInfraState): () => void {
  const onExit = () => {
    for (const server of state.servers.splice(0)) server.stopSync();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`[test-infra] ${signal}: stopping test servers\n`);
    process.exit(128 + SIGNALS[signal as keyof typeof SIGNALS]);
  };
  process.on('exit', onExit);
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  return () => {
    process.off('exit', onExit);
    for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
  };
}
