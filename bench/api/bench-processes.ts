import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '@caravan/testkit';
import { distributedPlan } from '../../test/e2e/support/distributed-plan';

// The distributed topology as separate local processes, as docker compose runs it: each app its
// own Node process on the compiled build (`npm run build`), wired through Kafka and PostgreSQL,
// the gateway reaching the registry over gRPC. Plus the baseline server. Every process started
// here is stopped by stopAll(), SIGTERM first, SIGKILL after 10 s.

const ROOT = resolve(__dirname, '../..');

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  output: string[];
}

export interface CaravanTopology {
  baseUrl: string;
  gatewayPid: number;
  processes: BenchProcess[];
}

export interface TopologyOptions {
  databaseUrl: string;
  kafkaBrokers: string;
  /** app names to run with --cpu-prof, writing into profileDir */
  profile: string[];
  profileDir: string;
}

export function buildOnce(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(ROOT, 'dist/apps'))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0)
    throw new Error('npm run build failed; the benchmark runs the compiled apps');
}

export async function startCaravan(
  options: TopologyOptions,
  started: BenchProcess[],
): Promise<CaravanTopology> {
  const plan = await distributedPlan('bench-sim');
  const common = {
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.kafkaBrokers,
    CARAVAN_TOPIC_PREFIX: `bench${Date.now()}.`,
    CARAVAN_LOG_LEVEL: 'warn',
  };
  const start = async (app: string, env: Record<string, string>, healthPort: number) => {
    const flags = options.profile.includes(app)
      ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir, '--cpu-prof-name', `${app}.cpuprofile`]
      : [];
    const p = spawnProcess(app, [...flags, `dist/apps/${app}/src/main.js`], { ...common, ...env });
    started.push(p);
    await waitHealthy(p, healthPort);
    return p;
  };
  let gateway: BenchProcess | undefined;
  for (const launch of plan.launches) {
    const p = await start(launch.app, launch.env, launch.healthPort);
    if (launch.app === 'api-gateway') gateway = p;
  }
  return {
    baseUrl: `http://127.0.0.1:${plan.httpPort}`,
    gatewayPid: gateway!.child.pid!,
    processes: started,
  };
}

export async function startBaseline(
  started: BenchProcess[],
): Promise<{ baseUrl: string; pid: number }> {
  const port = await freePort();
  const p = spawnProcess(
    'baseline',
    ['-r', '@swc-node/register', 'bench/api/baseline-server.ts'],
    {
      PORT: String(port),
    },
    true,
  );
  started.push(p);
  await Promise.race([
    once(p.child, 'message'),
    once(p.child, 'exit').then(() => {
      throw new Error(`baseline server exited:\n${p.output.join('')}`);
    }),
  ]);
  return { baseUrl: `http://127.0.0.1:${port}`, pid: p.child.pid! };
}

export async function stopAll(processes: BenchProcess[]): Promise<void> {
  for (const p of [...processes].reverse()) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
    p.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exited = await Promise.race([
      once(p.child, 'exit').then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 10_000))),
    ]);
    clearTimeout(timer);
    if (!exited) p.child.kill('SIGKILL');
  }
  processes.length = 0;
}

function spawnProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  ipc = false,
): BenchProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output };
}

async function waitHealthy(p: BenchProcess, port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null)
      throw new Error(`${p.name} exited with ${p.child.exitCode}:\n${p.output.join('')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/agent/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} did not become healthy in 60 s:\n${p.output.join('')}`);
}
