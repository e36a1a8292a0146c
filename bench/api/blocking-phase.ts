import { percentile } from '../bench-report';
import type { BenchTarget } from './bench-target';
import { allResponded, closeWaiters, openWaiters } from './blocking-waiters';
import { header, HttpClient } from './http-client';
import { memoryMb } from './process-stats';
import { registerBody } from './service-job';
import { sendChange } from './change-worker';

export interface WakeResult {
  waiters: number;
  parked: number;
  /** from the change's response to each waiter's first byte; negative = woke before it */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** from the change's request instead: includes the register round trip */
  p99FromSentMs: number;
  /** waiters that answered before the change was sent, or not 200, or with no higher index */
  wrong: number;
  unanswered: number;
  changeMs: number;
  rssBeforeMb: number;
  rssParkedMb: number;
  rssAfterMb: number;
  peakMb: number;
}

/**
 * Parks `count` blocking queries `GET /v1/job/<id>?index=<current>&wait=5m` on ONE job, then
 * changes that job once (re-register with a new Meta value: a new version) and times every
 * waiter's answer from the change's response. One job is the worst fan-out: one change wakes
 * every waiter at once.
 */
export async function blockingWake(
  target: BenchTarget,
  id: string,
  count: number,
): Promise<WakeResult> {
  const client = new HttpClient(target.baseUrl, 1);
  const port = Number(new URL(target.baseUrl).port);
  const rssBeforeMb = memoryMb(target.pid).rssMb;
  const index = Number(
    header(await client.ok('GET', `/v1/job/${encodeURIComponent(id)}`), 'x-nomad-index'),
  );
  const path = `/v1/job/${encodeURIComponent(id)}?index=${index}&wait=5m`;
  const waiters = await openWaiters(
    port,
    Array.from({ length: count }, () => path),
  );
  try {
    let parked = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (parked = await target.parked()) < count) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const rssParkedMb = memoryMb(target.pid).rssMb;
    const change = await sendChange(
      new URL('/v1/jobs', target.baseUrl).toString(),
      registerBody(id, Date.now()),
    );
    await allResponded(waiters, 60_000);
    const answered = waiters.filter((w) => w.respondedAt !== undefined).map((w) => w.respondedAt!);
    const fromResponse = answered.map((t) => t - change.respondedAt).sort((a, b) => a - b);
    const fromSent = answered.map((t) => t - change.sentAt).sort((a, b) => a - b);
    const wrong = waiters.filter(
      (w) =>
        w.respondedAt !== undefined &&
        (w.respondedAt < change.sentAt ||
          w.status !== 200 ||
          w.index === undefined ||
          w.index <= index),
    ).length;
    const memory = memoryMb(target.pid);
    return {
      waiters: count,
      parked,
      p50Ms: percentile(fromResponse, 50),
      p99Ms: percentile(fromResponse, 99),
      maxMs: fromResponse.at(-1) ?? NaN,
      p99FromSentMs: percentile(fromSent, 99),
      wrong,
      unanswered: count - answered.length,
      changeMs: change.respondedAt - change.sentAt,
      rssBeforeMb,
      rssParkedMb,
      rssAfterMb: memory.rssMb,
      peakMb: memory.peakMb,
    };
  } finally {
    closeWaiters(waiters);
    client.close();
  }
}
