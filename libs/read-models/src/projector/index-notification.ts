import { parseJson, stringifyJson } from '@caravan/json';

// What the projector tells the world after every batch, on one channel: the one definition of
// the contract between the projector (which NOTIFYs) and the gateways (which LISTEN).
// `applied` is the log index every read model has reached; `tables` holds Nomad's table index
// (the log index of the last event that changed the table) for the tables this batch changed.
// On (re)connect a listener reads the full state with readAppliedIndex().

export const INDEX_CHANNEL = 'caravan_index';

export interface AppliedIndex {
  applied: number;
  tables: Record<string, number>;
}

export function encodeIndexNotification(index: AppliedIndex): string {
  return stringifyJson(index);
}

function toIndex(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'bigint' && value >= 0n) return Number(value);
  return undefined;
}

/**
 * Pure: undefined for a payload that is not `{"applied": n, "tables": {name: n}}`. Anyone may
 * NOTIFY on the channel, so a listener checks what it hears.
 */
export function parseIndexNotification(payload: string): AppliedIndex | undefined {
  let raw: unknown;
  try {
    raw = parseJson(payload);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { applied, tables } = raw as { applied?: unknown; tables?: unknown };
  const appliedIndex = toIndex(applied);
  if (appliedIndex === undefined) return undefined;
  const out: AppliedIndex = { applied: appliedIndex, tables: {} };
  if (tables !== undefined) {
    if (typeof tables !== 'object' || tables === null) return undefined;
    for (const [name, value] of Object.entries(tables)) {
      const index = toIndex(value);
      if (index === undefined) return undefined;
      out.tables[name] = index;
    }
  }
  return out;
}
