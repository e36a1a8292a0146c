import { z } from 'zod';
import type { StopAllocationPayload } from '@caravan/contracts';

// Payload schemas of the allocation commands (see job-payload.schemas.ts for why the registry
// checks what the gateway already validated).

export const stopAllocationPayload: z.ZodType<StopAllocationPayload, z.ZodTypeDef, unknown> =
  z.object({
    namespace: z.string().min(1),
    jobId: z.string().min(1),
    allocId: z.string().min(1),
  });
