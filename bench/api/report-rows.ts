import type { LoadResult } from '../bench-load';
import type { BenchRow } from '../bench-report';
import type { OpenLoopResult } from './open-loop';
import type { WakeResult } from './blocking-phase';

// Row builders: the gateway's rows name the baseline's row of the same measure, so withRatios
// gives gateway / baseline for rates and latencies alike.

const GATEWAY = 'gateway';
const BASELINE = 'bare fastify';

function rowPair(
  measure: string,
  value: number,
  unit: string,
  isGateway: boolean,
  note?: string,
): BenchRow {
  const name = `${isGateway ? GATEWAY : BASELINE} ${measure}`;
  return { name, value, unit, baseline: isGateway ? `${BASELINE} ${measure}` : undefined, note };
}

export function registerRows(
  concurrency: number,
  r: LoadResult & { errors: number },
  gw: boolean,
): BenchRow[] {
  const note = r.errors > 0 ? `${r.errors} non-200 of ${r.count}` : undefined;
  const m = `PUT /v1/jobs c=${concurrency}`;
  return [
    rowPair(`${m} /s`, r.perSecond, 'registers/s', gw, note),
    rowPair(`${m} p50`, r.p50Ms, 'ms', gw),
    rowPair(`${m} p99`, r.p99Ms, 'ms', gw),
  ];
}

export function jobReadRows(rate: number, r: OpenLoopResult, gw: boolean): BenchRow[] {
  const m = `GET /v1/job/:id @${rate}/s`;
  const note = `open loop, ${r.count} requests${r.errors > 0 ? `, ${r.errors} errors` : ''}`;
  return [
    rowPair(`${m} p50`, r.p50Ms, 'ms', gw),
    rowPair(`${m} p99`, r.p99Ms, 'ms', gw, gw ? `goal < 5 ms; ${note}` : note),
    rowPair(`${m} max`, r.maxMs, 'ms', gw),
  ];
}

export function listRows(
  label: string,
  r: LoadResult & { entries: number; bytes: number },
  gw: boolean,
): BenchRow[] {
  const note = `${r.entries} entries, ${Math.round(r.bytes / 1024)} KB, ${r.count} requests back to back`;
  return [
    rowPair(`${label} p50`, r.p50Ms, 'ms', gw),
    rowPair(`${label} p99`, r.p99Ms, 'ms', gw, gw ? `goal < 50 ms; ${note}` : note),
  ];
}

export function wakeRows(r: WakeResult, gw: boolean): BenchRow[] {
  const m = `wake-up, ${r.waiters.toLocaleString('en')} waiters on one job`;
  const faults = [
    r.parked < r.waiters ? `only ${r.parked} seen parked` : '',
    r.wrong > 0 ? `${r.wrong} answered early/wrong` : '',
    r.unanswered > 0 ? `${r.unanswered} unanswered after 60 s` : '',
  ].filter(Boolean);
  const note = [`change took ${r.changeMs.toFixed(1)} ms`, ...faults].join('; ');
  return [
    rowPair(`${m} p50`, r.p50Ms, 'ms', gw),
    rowPair(`${m} p99`, r.p99Ms, 'ms', gw, gw ? `goal < 100 ms; ${note}` : note),
    rowPair(`${m} max`, r.maxMs, 'ms', gw),
    rowPair(`${m} p99 from change sent`, r.p99FromSentMs, 'ms', gw),
    rowPair('RSS before waiters', r.rssBeforeMb, 'MB', gw),
    rowPair('RSS with waiters parked', r.rssParkedMb, 'MB', gw, gw ? 'goal < 300 MB' : undefined),
    rowPair('RSS after wake-up', r.rssAfterMb, 'MB', gw),
    rowPair('RSS peak (VmHWM)', r.peakMb, 'MB', gw),
  ];
}

export function capacityRows(r: LoadResult, gw: boolean): BenchRow[] {
  const m = 'GET /v1/job/:id closed loop c=16';
  return [
    rowPair(`${m} /s`, r.perSecond, 'requests/s', gw, 'the rate it can sustain'),
    rowPair(`${m} p99`, r.p99Ms, 'ms', gw),
  ];
}

export function commitRows(r: LoadResult): BenchRow[] {
  const note = 'one-row INSERT per transaction, fsync on: the floor of each register hop';
  return [
    { name: 'postgres commit, 1 writer p50', value: r.p50Ms, unit: 'ms', note },
    { name: 'postgres commit, 1 writer /s', value: r.perSecond, unit: 'commits/s' },
  ];
}
