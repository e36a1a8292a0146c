// Jest globalSetup for the integration and e2e projects: provides DATABASE_URL and KAFKA_BROKERS.
// A variable the developer already set is used as is; otherwise this starts embedded PostgreSQL
// and/or a local Kafka broker, in parallel, in this (the Jest parent) process. Workers inherit
// process.env, so tests see the variables. Never skips: if a server cannot start, the run fails.
import { startEmbeddedPostgres } from './embedded-postgres.launcher';
import { startKafka } from './kafka.launcher';
import { installSignalHandlers } from './signal-handlers';
import { testInfraState, type StartedServer } from './test-infra.state';

export default async function globalSetup(): Promise<void> {
  const state = testInfraState();
  // Jest calls a globalSetup once per distinct path, but count anyway so that a second call
  // (another project or config pointing here) neither starts twice nor stops early.
  state.refs += 1;
  if (state.refs > 1) {
    log('already set up in this process');
    return;
  }

  const started = Date.now();
  const timed = async <T extends StartedServer>(start: () => Promise<T>) => {
    const t0 = Date.now();
    const server = await start();
    log(`${server.description} ready in ${seconds(Date.now() - t0)}`);
    return server;
  };
  const needPg = !process.env.DATABASE_URL;
  const needKafka = !process.env.KAFKA_BROKERS;
  if (!needPg) log('using DATABASE_URL from the environment');
  if (!needKafka) log(`using KAFKA_BROKERS=${process.env.KAFKA_BROKERS} from the environment`);

  const [pg, kafka] = await Promise.allSettled([
    needPg ? timed(startEmbeddedPostgres) : Promise.resolve(undefined),
    needKafka ? timed(startKafka) : Promise.resolve(undefined),
  ]);
  if (pg.status === 'fulfilled' && pg.value) state.servers.push(pg.value);
  if (kafka.status === 'fulfilled' && kafka.value) state.servers.push(kafka.value);
  if (state.servers.length > 0) state.detachSignalHandlers = installSignalHandlers(state);

  const failures = [pg, kafka].flatMap((r): unknown[] =>
    r.status === 'rejected' ? [r.reason] : [],
  );
  if (failures.length > 0) {
    // Jest runs no globalTeardown when globalSetup throws: stop what did start.
    await stopAll();
    throw new Error(
      `test infrastructure could not start:\n${failures.map((e) => String(e)).join('\n')}`,
    );
  }
  if (pg.status === 'fulfilled' && pg.value) process.env.DATABASE_URL = pg.value.url;
  if (kafka.status === 'fulfilled' && kafka.value) process.env.KAFKA_BROKERS = kafka.value.brokers;
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  if (needPg || needKafka) log(`ready in ${seconds(Date.now() - started)}`);
}

/** Stops every server this process started (teardown, or a failed setup). */
export async function stopAll(): Promise<void> {
  const state = testInfraState();
  const servers = state.servers.splice(0);
  state.refs = 0;
  await Promise.all(servers.map((s) => s.stop().catch(() => s.stopSync())));
  state.detachSignalHandlers?.();
  state.detachSignalHandlers = undefined;
}

function log(message: string): void {
  process.stderr.write(`[test-infra] ${message}\n`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
