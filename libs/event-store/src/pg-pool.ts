import { Pool, PoolConfig, types } from 'pg';
import { parseJson } from '@caravan/json';

// int8 columns here are positions, versions and log indexes: far below 2^53, so plain numbers.
// json/jsonb go through the bigint-safe codec so int64 nanoseconds survive a round trip.
const INT8_OID = 20;
const JSON_OID = 114;
const JSONB_OID = 3802;

const caravanTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === JSON_OID || oid === JSONB_OID) return (value: string) => parseJson(value);
    return types.getTypeParser(oid, format ?? 'text');
  },
};

export function createPool(connectionString: string, config: PoolConfig = {}): Pool {
  const pool = new Pool({
    connectionString,
    max: 10,
    // Half-open connections (a peer that vanished without a FIN) are found by TCP keepalive.
    keepAlive: true,
    ...config,
    types: caravanTypes,
  });
  // An idle client that errors (server restart, terminated backend) must not crash the process;
  // the pool discards it and the next query gets a fresh connection.
  pool.on('error', () => undefined);
  return pool;
}

export { caravanTypes };
