import { DatabaseError, PoolClient } from 'pg';
import { Outcome } from './group-payload';

/** What es_commit_group returns: each command's outcome, and es_log rows it read back. */
export interface GroupResult {
  outcomes: Outcome[];
  indexes: [number, number][];
  pass_error: string | null;
}

/**
 * Appends, COMMIT, a sequencing pass and the read-back, in one statement (es_commit_group).
 * Releases the client. A failure carries `backendPid` when the server did not answer, so the
 * caller can make sure that backend is gone before it asks whether the group committed.
 */
export async function callCommitGroup(
  client: PoolClient,
  token: string,
  texts: string[],
  streamKeys: string[],
): Promise<GroupResult> {
  // pg-pool listens for errors only on idle clients: a FATAL arriving while we hold this one
  // (a terminated backend) would otherwise be an uncaught 'error' event. The query reports it.
  const ignore = () => undefined;
  client.on('error', ignore);
  try {
    const { rows } = await client.query<{ result: GroupResult }>(
      'call es_commit_group($1::uuid, $2::text[], $3::bigint[])',
      [token, texts, streamKeys],
    );
    client.off('error', ignore);
    client.release();
    return rows[0]!.result;
  } catch (error) {
    const backendPid = error instanceof DatabaseError ? undefined : pidOf(client);
    client.off('error', ignore);
    // A failed call may have cost the connection (a terminated backend): never pool it again.
    client.release(true);
    throw Object.assign(error as Error, { backendPid });
  }
}

function pidOf(client: PoolClient): number | undefined {
  return (client as unknown as { processID?: number }).processID ?? undefined;
}
