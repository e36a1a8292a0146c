import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '@caravan/event-store';
import { PROJECTOR_NAME } from '../projector/applied-index';
import { applyBatch } from '../projector/apply-batch';
import type { ReadModel } from '../read-model';
import { READ_MODELS } from '../read-models.registry';
import { createTables, dropReadModelTables } from '../schema/read-model.schema';

export interface RebuildProgress {
  /** log index applied so far */
  applied: number;
  /** the log's head when the rebuild started (it may grow meanwhile) */
  head: number;
}

export interface RebuildOptions {
  readModels?: readonly ReadModel[];
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Drops and recreates every read-model table (and the checkpoint), then replays the log from
 * index 0 through the same batch code the live projector uses, so the rows come out identical.
 * Dropping (not truncating) also picks up a changed table shape. Readers see the tables empty
 * and then refilling, so run it with gateways stopped or accept the dip. A live projector running
 * meanwhile is harmless: every batch compare-and-sets the checkpoint, so the two share the
 * replay and no event is applied twice.
 */
export async function rebuildReadModels(
  store: Pick<PostgresEventStore, 'readLog' | 'headIndex'>,
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const readModels = options.readModels ?? READ_MODELS;
  const projections = readModels.map((m) => m.projection);
  const batchSize = options.batchSize ?? 1000;
  await dataSource.transaction(async (manager) => {
    await dropReadModelTables(manager, readModels);
    await createTables(manager, readModels);
  });
  const head = await store.headIndex();
  let applied = 0;
  options.onProgress?.({ applied, head });
  for (;;) {
    const events = await store.readLog(applied, batchSize);
    if (events.length === 0) break;
    const outcome = await applyBatch(dataSource, projections, PROJECTOR_NAME, applied, events);
    // 'moved': a live projector applied this range first; carry on from where it got to.
    applied = outcome.kind === 'moved' ? outcome.current : outcome.index.applied;
    options.onProgress?.({ applied, head: Math.max(head, applied) });
  }
  return { applied, head: Math.max(head, applied) };
}
