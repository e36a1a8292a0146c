import type { PostgresEventStore } from './postgres-event-store';
import type {
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  StreamAppend,
  StreamRef,
} from './event-store.types';
import { WrongExpectedVersionError } from './event-store.errors';

/** A decided event: the domain's `{ type, data }`, with its schema version when it has one. */
export interface DecidedEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
}

/** Structural twin of the domain's Decider, so the store needs no domain import. */
export interface StreamDecider<Command, Event extends DecidedEvent, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, logIndex: number): State;
}

/** Where a decision goes: one stream, its expected version, the events it receives. */
export interface PlannedStreamAppend {
  stream: StreamRef;
  expectedVersion: ExpectedVersion;
  events: readonly DecidedEvent[];
}

export interface DecideAndAppendOptions<Event extends DecidedEvent> {
  newEventId: () => string;
  /** copied onto every appended event (actor, correlation and causation ids, time) */
  metadata?: EventMetadata;
  /**
   * Splits a decision over streams (a job's events plus the evaluations it creates). Default:
   * every event to the decided stream, expecting the version the decision was made on. An
   * empty plan appends nothing.
   */
  plan?: (events: readonly Event[], version: number) => PlannedStreamAppend[];
  attempts?: number;
}

export interface DecisionOutcome<Event, State> {
  events: Event[];
  /** the state the decision was made on */
  state: State;
  /** null when nothing was appended */
  appended: AppendResult | null;
}

/**
 * Load, decide, append with the version the decision was based on. A conflicting writer means
 * the decision may be stale, so it is made again on the newer state (a few times, then the
 * conflict surfaces).
 */
export async function decideAndAppend<Command, Event extends DecidedEvent, State>(
  store: PostgresEventStore,
  stream: StreamRef,
  decider: StreamDecider<Command, Event, State>,
  command: Command,
  options: DecideAndAppendOptions<Event>,
): Promise<DecisionOutcome<Event, State>> {
  const attempts = options.attempts ?? 3;
  const plan =
    options.plan ??
    ((events: readonly Event[], version: number): PlannedStreamAppend[] =>
      events.length === 0 ? [] : [{ stream, expectedVersion: version, events }]);
  for (let attempt = 1; ; attempt++) {
    const { version, events: history } = await store.readStream(stream.id);
    const state = history.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event, e.logIndex),
      decider.initialState(),
    );
    const events = decider.decide(command, state);
    const appends = plan(events, version).map((a) =>
      toStreamAppend(a, options.newEventId, options.metadata ?? {}),
    );
    if (appends.length === 0) return { events, state, appended: null };
    try {
      return { events, state, appended: await store.append(appends) };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }
}

function toStreamAppend(
  planned: PlannedStreamAppend,
  newEventId: () => string,
  metadata: EventMetadata,
): StreamAppend {
  return {
    stream: planned.stream,
    expectedVersion: planned.expectedVersion,
    events: planned.events.map((event) => ({
      id: newEventId(),
      type: event.type,
      data: event.data,
      schemaVersion: event.schemaVersion ?? 1,
      metadata,
    })),
  };
}
