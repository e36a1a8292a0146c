import { createHash } from 'node:crypto';
import { stringifyJson } from '@caravan/json';
import {
  DuplicateEventError,
  InvalidEventPayloadError,
  StreamOrderConflictError,
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The JSON text es_append_streams reads for one command. Throws InvalidEventPayloadError for a
 * command that cannot be one: no stream, an id that is not a UUID, data that JSON cannot carry
 * (undefined, cycles). Checked before the command joins a group, so it fails alone. A stream
 * append without events is a version check.
 */
export function commandText(appends: StreamAppend[]): string {
  if (appends.length === 0) throw new InvalidEventPayloadError('an append names no stream');
  for (const a of appends) {
    for (const e of a.events) {
      if (!UUID.test(e.id)) throw new InvalidEventPayloadError(`event id ${e.id} is not a UUID`);
      if (e.data === undefined)
        throw new InvalidEventPayloadError(`event ${e.id}: data is undefined`);
    }
  }
  try {
    return serialize(appends);
  } catch (error) {
    throw new InvalidEventPayloadError(String((error as Error).message ?? error));
  }
}

function serialize(appends: StreamAppend[]): string {
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

/** The advisory-lock key of each stream a command touches: 64 bits of its id's SHA-1. */
export function streamKeys(appends: StreamAppend[]): string[] {
  return appends.map((a) =>
    createHash('sha1').update(a.stream.id).digest().readBigInt64BE(0).toString(),
  );
}

/** A command's row as its result, or the coded error it failed with. */
export function settle(outcome: Outcome, appends: StreamAppend[]): Written {
  if (outcome.error_code === 'CR001') {
    const { stream, actual } = JSON.parse(outcome.detail ?? '{}') as {
      stream: string;
      actual: number;
    };
    const expected = appends.find((a) => a.stream.id === stream)?.expectedVersion ?? 'unknown';
    throw new WrongExpectedVersionError(stream, String(expected), Number(actual));
  }
  if (outcome.error_code === 'CR003') throw new StreamOrderConflictError(outcome.detail ?? '');
  if (outcome.error_code === 'CR002') throw new InvalidEventPayloadError(outcome.detail ?? '');
  if (outcome.error_code !== null)
    throw new DuplicateEventError(outcome.detail ?? outcome.error_code);
  return {
    versions: outcome.stream_versions!.map(Number),
    positions: outcome.positions!.map(Number),
  };
}
