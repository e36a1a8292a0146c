// `npm run replay-scheduler -- [--job <id>] [--namespace <ns>]`: replays every recorded plan
// (of one job, or all) against DATABASE_URL and exits 1 if any differs from what was committed.
import { PostgresEventStore } from '@caravan/event-store';
import { replayScheduler } from './replay';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the Caravan database to replay');
  const store = await PostgresEventStore.open(url, { poolSize: 2 });
  try {
    const report = await replayScheduler(store, {
      jobId: flag('job'),
      namespace: flag('namespace'),
    });
    for (const d of report.differences) {
      console.log(`DIFFERS eval ${d.evalId} at index ${d.snapshotIndex} (seed ${d.seed})`);
      const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
      for (const line of only(d.recorded, d.replayed)) console.log(`  - ${line.slice(0, 300)}`);
      for (const line of only(d.replayed, d.recorded)) console.log(`  + ${line.slice(0, 300)}`);
    }
    console.log(
      `replayed ${report.replayed} plans: ${report.identical} identical, ` +
        `${report.differences.length} different, ${report.skipped} not replayable`,
    );
    return report.differences.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
