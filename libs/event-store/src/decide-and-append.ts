import type { PostgresEventStore } from './postgres-event-store';
import type { AppendResult, NewEvent, StreamRef } from './event-store.types';
import { WrongExpectedVersionError } from './event-store.errors';

/** Structural twin of the domain's Decider, so the store needs no domain import. */
export interface StreamDecider<Command, Event extends { type: string; data: unknown }, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, logIndex: number): State;
}

export interface DecisionOutcome<Event> {
  events: Event[];
  /** null when the decision produced no events */
  appended: AppendResult | null;
}

/**
 * Load, decide, append with the version the decision was based on. A conflicting writer means
 * the decision may be stale, so it is made again on the newer state (a few times, then the
 * conflict surfaces).
 */
export async function decideAndAppend<
  Command,
  Event extends { type: string; data: unknown },
  State,
>(
  store: PostgresEventStore,
  stream: StreamRef,
  decider: StreamDecider<Command, Event, State>,
  command: Command,
  newEventId: () => string,
  attempts = 3,
): Promise<DecisionOutcome<Event>> {
  for (let attempt = 1; ; attempt++) {
    const { version, events: history } = await store.readStream(stream.id);
    const state = history.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event, e.logIndex),
      decider.initialState(),
    );
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, appended: null };
    const newEvents: NewEvent[] = events.map((e) => ({
      id: newEventId(),
      type: e.type,
      data: e.data,
    }));
    try {
      const appended = await store.append({ stream, expectedVersion: version, events: newEvents });
      return { events, appended };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }
}
