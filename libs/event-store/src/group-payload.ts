import { stringifyJson } from '@caravan/json';
import {
  DuplicateEventError,
  InvalidEventPayloadError,
  WrongExpectedVersionError,
} from './event-store.errors';
import { ExpectedVersion, StreamAppend } from './event-store.types';

// The wire between the append batcher and the SQL functions: one JSON text per command (each
// cast to jsonb inside its own subtransaction, so one bad command fails alone), and the row
// each command gets back.

/** What one command wrote: each stream's new version, and its events' positions in order. */
export interface Written {
  versions: number[];
  positions: number[];
}

/** One command's row from es_append_group. */
export interface Outcome {
  error_code: string | null;
  detail: string | null;
  stream_versions: number[] | null;
  positions: number[] | null;
}

const EXPECTED_CODES: Record<Exclude<ExpectedVersion, number>, number> = {
  any: -1,
  no_stream: -2,
  stream_exists: -3,
};

/** The JSON text es_append_streams reads for one command. */
export function commandText(appends: StreamAppend[]): string {
  return stringifyJson(
    appends.map((a) => ({
      streamId: a.stream.id,
      category: a.stream.category,
      partitionKey: a.stream.partitionKey,
      expected:
        typeof a.expectedVersion === 'number'
          ? a.expectedVersion
          : EXPECTED_CODES[a.expectedVersion],
      events: a.events,
    })),
  );
}

/** A command's row as its result, or the coded error it failed with. */
export function settle(outcome: Outcome, appends: StreamAppend[]): Written {
  if (outcome.error_code === 'CR001') {
    const [streamId = '', actual = '0'] = (outcome.detail ?? '').split(' ');
    const expected = appends.find((a) => a.stream.id === streamId)?.expectedVersion ?? 'unknown';
    throw new WrongExpectedVersionError(streamId, String(expected), Number(actual));
  }
  if (outcome.error_code === 'CR002') throw new InvalidEventPayloadError(outcome.detail ?? '');
  if (outcome.error_code !== null)
    throw new DuplicateEventError(outcome.detail ?? outcome.error_code);
  return {
    versions: outcome.stream_versions!.map(Number),
    positions: outcome.positions!.map(Number),
  };
}
