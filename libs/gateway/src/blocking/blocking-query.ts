import type { IndexHub } from '../index-hub/index-hub';
import { blockingWaitMs, type BlockingOptions } from '../http/query-options';

export interface QueryResult<T> {
  index: number;
  body: T;
}

export interface BlockingQueryDeps {
  hub: Pick<IndexHub, 'maxIndex' | 'waitForTables'>;
  /** Jitter source; the hub's deadlines run on the real clock, so time itself is not injected. */
  random?: () => number;
}

/**
 * Nomad's blockingRPC over our read models: run once; with `minIndex` > 0, keep waiting for
 * one of `tables` to move and re-running until the result's index exceeds `minIndex`, or the
 * wait (capped, defaulted, jittered) runs out, when the current data is returned (a 200).
 *
 * The wake-up threshold is the hub's index read *before* each run, not `minIndex`: a table
 * may be ahead of the result's own index (a single job's ModifyIndex), and waiting for the
 * table to pass `minIndex` would then spin. The reported index is floored at 1 (Nomad's
 * X-Nomad-Index starts at 1) so that a client can always block on it.
 */
export async function blockingQuery<T>(
  deps: BlockingQueryDeps,
  options: BlockingOptions,
  tables: readonly string[],
  run: () => Promise<QueryResult<T>>,
  signal?: AbortSignal,
): Promise<QueryResult<T>> {
  const floor = (r: QueryResult<T>): QueryResult<T> =>
    r.index >= 1 ? r : { index: 1, body: r.body };
  if (options.minIndex === 0) return floor(await run());
  const deadline = Date.now() + blockingWaitMs(options.waitMs, deps.random);
  for (;;) {
    const seen = deps.hub.maxIndex(tables);
    const result = floor(await run());
    if (result.index > options.minIndex || Date.now() >= deadline || signal?.aborted === true)
      return result;
    await deps.hub.waitForTables(tables, seen, deadline, signal);
  }
}
