import { EVALUATION_EVENT_TYPES } from '@caravan/domain/evaluations';
import { JOB_EVENT_TYPES } from '@caravan/domain/jobs';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectedRow, Projection, ReadModel } from '@caravan/read-models';
import { anyProjection, READ_MODELS } from '@caravan/read-models';

// A test-only read model that makes a lost or doubled event visible: it counts every event per
// stream and sums their log indexes. Replaying an event (a doubled batch) raises the count;
// losing one lowers it. The jobs and nodes rows could hide either.

interface EventCountRow extends ProjectedRow {
  streamId: string;
  events: number;
  indexSum: number;
}

const toNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity({ name: 'rm_test_event_counts' })
class EventCountEntity implements EventCountRow {
  @PrimaryColumn({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ type: 'integer' })
  events!: number;

  @Column({ name: 'index_sum', type: 'bigint', transformer: toNumber })
  indexSum!: number;

  @Column({ name: 'last_index', type: 'bigint', transformer: toNumber })
  lastIndex!: number;
}

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

export const EVENT_COUNTS: ReadModel = {
  projection: anyProjection(eventCounts),
  entity: EventCountEntity,
  schema: [
    `create table if not exists rm_test_event_counts (
       stream_id  text    not null primary key,
       events     integer not null,
       index_sum  bigint  not null,
       last_index bigint  not null
     )`,
  ],
};

export const WITH_EVENT_COUNTS: readonly ReadModel[] = [...READ_MODELS, EVENT_COUNTS];
