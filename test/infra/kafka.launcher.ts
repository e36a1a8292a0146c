import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Jest's globalSetup loads without the module mapper, so the libs are reached by path.
import { freePort } from '../../libs/testkit/src';
import type { StartedServer } from './test-infra.state';
import { startWatchdog } from './watchdog';

export interface StartedKafka extends StartedServer {
  readonly brokers: string;
}

const KAFKA_DIR = resolve(__dirname, '../../infra/kafka');
const INSTALL_HINT =
  'Integration tests need a Kafka broker. Install a JDK 17+ and Maven ' +
  '(Debian: apt-get install -y openjdk-17-jdk-headless maven) so infra/kafka/start.sh can run one, ' +
  'or set KAFKA_BROKERS=host:port to use a broker you run yourself.';

/** Starts a single-node KRaft broker with infra/kafka/start.sh on free ports. */
export async function startKafka(attempts = 3): Promise<StartedKafka> {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) {
    throw new Error(`java was not found on PATH. ${INSTALL_HINT}`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (e) {
      const portTaken = /address already in use|BindException/i.test(String(e));
      if (!portTaken || attempt >= attempts) throw e;
    }
  }
}

async function startOnce(): Promise<StartedKafka> {
  const workDir = await mkdtemp(join(tmpdir(), 'caravan-kafka-'));
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const stopScript = ['bash', join(KAFKA_DIR, 'stop.sh'), workDir];
  // Armed before the JVM exists: start.sh writes the pid file that stop.sh reads.
  const cancelWatchdog = startWatchdog(stopScript);
  const stopSync = () => {
    spawnSync(stopScript[0]!, stopScript.slice(1), { stdio: 'ignore' });
    cancelWatchdog();
  };
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_WORK_DIR: workDir,
  };
  const { code, stdout, stderr } = await run('bash', [join(KAFKA_DIR, 'start.sh')], env);
  const brokers = /^KAFKA_BROKERS=(.+)$/m.exec(stdout)?.[1];
  if (code !== 0 || !brokers) {
    stopSync();
    await rm(workDir, { recursive: true, force: true });
    throw new Error(
      `infra/kafka/start.sh failed (exit ${code}):\n${stderr.trim()}\n${INSTALL_HINT}`,
    );
  }
  return {
    brokers,
    description: `Kafka on ${brokers} (${workDir})`,
    stop: async () => {
      await run(stopScript[0]!, stopScript.slice(1), process.env);
      cancelWatchdog();
    },
    stopSync,
  };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
