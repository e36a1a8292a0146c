import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createTestDatabase, kafkaBrokers, uniqueName, waitFor } from '@caravan/testkit';
import { distributedPlan } from './distributed-plan';
import type { CaravanUnderTest } from './caravan-under-test';

// The docker-compose topology as separate local processes: each app its own Node process,
// wired through real Kafka and PostgreSQL, the gateway reaching the registry over gRPC.

const ROOT = resolve(__dirname, '../../..');

interface AppProcess {
  app: string;
  child: ChildProcess;
  output: string[];
}

export async function startDistributedCaravan(): Promise<CaravanUnderTest> {
  const db = await createTestDatabase();
  const plan = await distributedPlan('e2e-sim');
  const common = {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    CARAVAN_TOPIC_PREFIX: `${uniqueName('e2e')}.`,
    CARAVAN_KAFKA_PARTITIONS: '4',
    CARAVAN_LOG_LEVEL: 'warn',
  };
  const processes: AppProcess[] = [];
  const start = async (app: string, env: Record<string, string>, healthPort: number) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, ...common, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    processes.push({ app, child, output });
    await waitFor(() => healthy(healthPort, child), {
      timeoutMs: 60_000,
      intervalMs: 200,
      message: `${app} did not become healthy:\n${output.join('')}`,
    });
  };
  const stop = async () => {
    for (const p of processes.reverse()) {
      if (p.child.exitCode === null) {
        p.child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          once(p.child, 'exit'),
          new Promise((r) => (timer = setTimeout(r, 10_000))),
        ]);
        clearTimeout(timer);
        if (p.child.exitCode === null) p.child.kill('SIGKILL');
      }
    }
    await db.drop();
  };
  try {
    for (const launch of plan.launches) await start(launch.app, launch.env, launch.healthPort);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    mode: 'distributed',
    baseUrl: `http://127.0.0.1:${plan.httpPort}`,
    databaseUrl: db.url,
    stop,
  };
}

async function healthy(port: number, child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/v1/agent/health`);
    return response.status === 200;
  } catch {
    return false;
  }
}
