import { z } from 'zod';

// The envelope and meta of a wire command, checked before anything reads them: the registry
// serves whoever reaches its port, so it trusts nothing the gateway is supposed to have done.

const UINT64 = 'must be an unsigned 64-bit integer';
// The codec decodes integers beyond 2^53 as bigint and smaller ones as numbers: accept both.
const uint64 = z
  .union([z.bigint(), z.number().int()], { errorMap: () => ({ message: UINT64 }) })
  .transform((v) => BigInt(v))
  .refine((v) => v >= 0n && v < 1n << 64n, UINT64);

/** Ids that go into event metadata and log lines: printable, bounded. */
const token = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const commandMetaSchema = z.object({
  actor: token,
  correlationId: token,
  commandId: z.string().uuid(),
  now: uint64,
  namespace: z.string().optional(),
  region: z.string().optional(),
  idempotencyToken: z.string().optional(),
});

export type ValidCommandMeta = z.infer<typeof commandMetaSchema>;

export const commandEnvelopeSchema = z.object({
  type: z.string().min(1),
  payload: z.unknown(),
  meta: commandMetaSchema,
});

/** `job.ID: Required; meta.now: Expected bigint, received string` — every issue, Nomad-style. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
