import { Presets, SingleBar } from 'cli-progress';
import { PostgresEventStore } from '@caravan/event-store';
import { createReadModelDataSource } from '../data-source/read-model.data-source';
import { rebuildReadModels } from './rebuild-read-models';

// `npm run rebuild-read-models`: drops the read models and replays the whole log into them.

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = env.DATABASE_URL;
  if (!url)
    throw Object.assign(new Error('DATABASE_URL must name the Caravan database'), {
      code: 'CONFIG_MISSING',
    });
  const store = await PostgresEventStore.open(url, { poolSize: 2 });
  const dataSource = createReadModelDataSource(url, {
    poolSize: 2,
    applicationName: 'caravan-rebuild',
  });
  const bar = new SingleBar(
    { format: 'rebuild |{bar}| {value}/{total} events | {eta_formatted} left' },
    Presets.shades_classic,
  );
  const started = Date.now();
  try {
    await dataSource.initialize();
    let running = false;
    const result = await rebuildReadModels(store, dataSource, {
      onProgress: ({ applied, head }) => {
        if (!running) bar.start(head, applied);
        running = true;
        bar.setTotal(head);
        bar.update(applied);
      },
    });
    bar.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`read models rebuilt to log index ${result.applied} in ${seconds}s\n`);
  } finally {
    bar.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
