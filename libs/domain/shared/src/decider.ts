// The shape every stream's domain logic takes (STYLE.md rule 1). Pure: no I/O, no clock, no
// randomness; time and ids arrive in the command. `evolve` also gets the event's log index,
// because Nomad's indexes are assigned at commit and state such as JobModifyIndex needs them.

export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, logIndex: number): State;
}

/** A stream append the domain asks for, in the event store's shape without importing it. */
export interface PlannedAppend {
  stream: { id: string; category: string; partitionKey: string };
  /** the stream's version the decision was based on (0 = no stream) */
  expectedVersion: number | 'any' | 'no_stream';
  events: DomainEvent[];
}

/** A refusal by a domain rule; `code` is what the gateway maps to Nomad's status and text. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
