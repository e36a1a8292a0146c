import { DatabaseError, Pool, PoolClient } from 'pg';
import { stringifyJson } from '@caravan/json';
import { DuplicateEventError, WrongExpectedVersionError } from './event-store.errors';
import { ExpectedVersion, StreamAppend } from './event-store.types';

// In-process group commit. Appends that arrive while earlier ones are in flight queue up and go
// to PostgreSQL together: one round trip, one transaction, one WAL flush for the whole group,
// each command still all-or-nothing on its own (es_append_group). With few writers a command
// goes alone at once, so grouping costs latency only when it also saves flushes.

export interface Written {
  versions: number[];
  positions: number[];
}

interface Pending {
  appends: StreamAppend[];
  resolve: (written: Written) => void;
  reject: (error: unknown) => void;
}

const EXPECTED_CODES: Record<Exclude<ExpectedVersion, number>, number> = {
  any: -1,
  no_stream: -2,
  stream_exists: -3,
};

/** Subtransactions past 64 per transaction overflow PostgreSQL's per-backend cache. */
const MAX_GROUP = 32;

/** What a sequencing pass returned: the new head and the stamped runs [index, position, count]. */
export type PassResult = { head: number; runs: [number, number, number][] };

export class AppendBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly maxInFlight: number,
    /** receives the sequencing pass run right after each group's commit */
    private readonly onPass: (pass: PassResult) => void,
  ) {}

  submit(appends: StreamAppend[]): Promise<Written> {
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, resolve, reject });
      this.pump();
    });
  }

  /** Writes one command on a caller's transaction, without grouping. */
  async writeOn(client: PoolClient, appends: StreamAppend[]): Promise<Written> {
    const [outcome] = await runGroup(client, [appends]);
    return settle(outcome!, appends);
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      this.inFlight++;
      void this.flush(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /**
   * The group's transaction and the sequencing pass after it, in ONE round trip: a simple-query
   * message with explicit BEGIN/COMMIT runs the pass in its own transaction, right after ours
   * committed, on the same connection. Saves a round trip and a wake-up per group.
   */
  private async commitAndSequence(commands: StreamAppend[][]): Promise<Outcome[]> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      const literal = `'${groupPayload(commands).replaceAll("'", "''")}'::jsonb`;
      const results = (await client.query(
        `begin; ${GROUP_SELECT}(${literal}) order by ord; commit; select head, runs from es_sequence(1000)`,
      )) as unknown as { rows: unknown[] }[];
      const pass = results[3]?.rows[0] as PassResult | undefined;
      if (pass) this.onPass(pass);
      return results[1]!.rows as Outcome[];
    } catch (error) {
      // An error inside the explicit block leaves the session in a failed transaction.
      broken = await client.query('rollback').then(
        () => false,
        () => true,
      );
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async flush(group: Pending[]): Promise<void> {
    try {
      const outcomes = await this.commitAndSequence(group.map((p) => p.appends));
      group.forEach((pending, k) => {
        try {
          pending.resolve(settle(outcomes[k]!, pending.appends));
        } catch (error) {
          pending.reject(error);
        }
      });
    } catch (error) {
      if (group.length > 1 && isRetryableAlone(error)) {
        // Two groups locking the same streams in opposite orders deadlock as wholes; alone,
        // each command locks in one order only.
        await Promise.all(group.map((p) => this.flush([p])));
      } else {
        for (const pending of group) pending.reject(error);
      }
    }
  }
}

export interface Outcome {
  error_code: string | null;
  detail: string | null;
  stream_versions: number[] | null;
  positions: number[] | null;
}

const GROUP_SELECT =
  'select ord, error_code, detail, stream_versions, positions from es_append_group';

function groupPayload(commands: StreamAppend[][]): string {
  return stringifyJson(
    commands.map((appends) =>
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
    ),
  );
}

async function runGroup(
  queryable: Pool | PoolClient,
  commands: StreamAppend[][],
): Promise<Outcome[]> {
  const { rows } = await queryable.query<Outcome & { ord: number }>(
    `${GROUP_SELECT}($1::jsonb) order by ord`,
    [groupPayload(commands)],
  );
  return rows;
}

function settle(outcome: Outcome, appends: StreamAppend[]): Written {
  if (outcome.error_code === 'CR001') {
    const [streamId = '', actual = '0'] = (outcome.detail ?? '').split(' ');
    const expected = appends.find((a) => a.stream.id === streamId)?.expectedVersion ?? 'unknown';
    throw new WrongExpectedVersionError(streamId, String(expected), Number(actual));
  }
  if (outcome.error_code !== null)
    throw new DuplicateEventError(outcome.detail ?? outcome.error_code);
  return {
    versions: outcome.stream_versions!.map(Number),
    positions: outcome.positions!.map(Number),
  };
}

function isRetryableAlone(error: unknown): boolean {
  return error instanceof DatabaseError && (error.code === '40P01' || error.code === '40001');
}
