import type { ValueTransformer } from 'typeorm';

// The read-model pool leaves int8 as text (see read-model.data-source.ts) because one int8
// column, submit_time, holds int64 nanoseconds beyond 2^53. Each bigint column says how it
// wants its value back.

/** Log indexes (`*_index`): far below 2^53, so plain numbers. */
export const indexColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** int64 nanoseconds: exact as bigint. */
export const int64Column: ValueTransformer = {
  to: (value: bigint | null | undefined) => value,
  from: (value: string | bigint | null) => (value === null ? null : BigInt(value)),
};
