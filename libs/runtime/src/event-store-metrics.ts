import type { PostgresEventStore } from '@caravan/event-store';
import { Gauge, type Registry } from 'prom-client';

// What an operator watches on the write side. The horizon age is the one that explains a stall:
// every acknowledgement waits for the oldest transaction holding an xid, anywhere on the server.

/** Registers the event store's gauges once per process; reads happen at scrape time. */
export function registerEventStoreMetrics(store: PostgresEventStore, registry: Registry): void {
  if (registry.getSingleMetric('caravan_event_store_horizon_age_seconds') !== undefined) return;
  new Gauge({
    name: 'caravan_event_store_horizon_age_seconds',
    help: 'Age of the oldest PostgreSQL transaction holding an xid (it holds back every append acknowledgement)',
    registers: [registry],
    async collect() {
      const holder = await store.horizonHolder().catch(() => null);
      this.set(holder?.ageSeconds ?? 0);
    },
  });
  new Gauge({
    name: 'caravan_event_store_append_queue',
    help: 'Appends waiting for a group commit slot',
    registers: [registry],
    collect() {
      this.set(store.queuedAppends);
    },
  });
}
