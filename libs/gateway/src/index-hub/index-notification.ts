import { parseJson } from '@caravan/json';

/** NOTIFY caravan_index payload, published by the projector after each committed batch. */
export interface IndexNotification {
  applied: number;
  tables: Record<string, number>;
}

export const INDEX_CHANNEL = 'caravan_index';

function toIndex(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'bigint' && value >= 0n) return Number(value);
  return undefined;
}

/** Pure: undefined for a payload that is not `{"applied": n, "tables": {name: n}}`. */
export function parseIndexNotification(payload: string): IndexNotification | undefined {
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
  const out: IndexNotification = { applied: appliedIndex, tables: {} };
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
