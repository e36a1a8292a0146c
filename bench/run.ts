// `npm run bench -- <name>`: runs one benchmark (or all) and writes bench/results/<name>.json.
// Benchmarks are never tests: they print numbers and ratios to a baseline measured in the same
// run on the same machine, and assert nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from './bench-report';
import { printReport } from './bench-report';

const BENCHMARKS: Record<string, () => Promise<BenchReport>> = {
  'event-store': async () => (await import('./event-store.bench')).run(),
  api: async () => (await import('./api.bench')).run(),
  'scheduler-core': async () => (await import('./scheduler-core.bench')).run(),
  scheduler: async () => (await import('./scheduler-worker.bench')).run(),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
  for (const name of names) {
    const bench = BENCHMARKS[name];
    if (!bench)
      throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    const report = await bench();
    printReport(report);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', `${name}.json`), JSON.stringify(report, null, 2));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
