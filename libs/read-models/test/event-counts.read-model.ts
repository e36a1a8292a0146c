import { EVALUATION_EVENT_TYPES } from '@caravan/domain/evaluations';
import { JOB_EVENT_TYPES } from '@caravan/domain/jobs';
import type { ProjectedRow, Projection, ReadModel } from '@caravan/read-models';
import { column, defineTable, READ_MODELS, readModel } from '@caravan/read-models';

// A test-only read model that makes a lost or doubled event visible: it counts every event per
// stream and sums their log indexes. Replaying an event (a doubled batch) raises the count;
// losing one lowers it. The jobs and nodes rows could hide either.

interface EventCountRow extends ProjectedRow {
  streamId: string;
  events: number;
  indexSum: number;
}

const EVENT_COUNTS_TABLE = defineTable<EventCountRow>('rm_test_event_counts', {
  streamId: column.text({ name: 'stream_id', primary: true }),
  events: column.integer(),
  indexSum: column.logIndex('index_sum'),
  lastIndex: column.logIndex('last_index'),
});

const eventCounts: Projection<EventCountRow> = {
  name: 'test-event-counts',
  table: 'rm_test_event_counts',
  handles: [...JOB_EVENT_TYPES, ...EVALUATION_EVENT_TYPES, 'NodeRegistered', 'NodeStatusChanged'],
  key: (event) => ({ streamId: event.streamId }),
  evolve: (row, event) => ({
    streamId: event.streamId,
    events: (row?.events ?? 0) + 1,
    indexSum: (row?.indexSum ?? 0) + event.logIndex,
    lastIndex: event.logIndex,
  }),
};

export const EVENT_COUNTS: ReadModel = readModel(eventCounts, EVENT_COUNTS_TABLE);

export const WITH_EVENT_COUNTS: readonly ReadModel[] = [...READ_MODELS, EVENT_COUNTS];
