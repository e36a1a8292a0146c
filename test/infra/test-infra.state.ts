// What the Jest globalSetup started, kept on globalThis because globalSetup and globalTeardown
// are separate modules run in the same parent process.

export interface StartedServer {
  /** For the start-up line, e.g. `PostgreSQL on 127.0.0.1:5433`. */
  readonly description: string;
  /** Normal teardown. */
  stop(): Promise<void>;
  /** Fallback for process exit (no event loop left): stops the server and deletes its files. */
  stopSync(): void;
}

export interface TestInfraState {
  /** setup calls minus teardown calls; servers stop when it drops back to zero. */
  refs: number;
  servers: StartedServer[];
  detachSignalHandlers?: () => void;
}

const KEY = Symbol.for('caravan.test-infra');

export function testInfraState(): TestInfraState {
  const holder = globalThis as { [KEY]?: TestInfraState };
  holder[KEY] ??= { refs: 0, servers: [] };
  return holder[KEY];
}
