import { z } from 'zod';
import type { Job } from '@caravan/nomad-api';
import type {
  DeregisterJobPayload,
  EvaluateJobPayload,
  RegisterJobPayload,
  RevertJobPayload,
  SetJobStabilityPayload,
} from '@caravan/contracts';

// Payload schemas of the job commands. The gateway already applied Nomad's full validation
// (layer one of STYLE.md rule 14); here we check every field the registry and the decider read,
// so a payload that skipped the gateway is refused instead of crashing or being stored.

const name = z.string().min(1);
const int = z.number().int();
const uint = int.nonnegative();
const nullableObject = z.record(z.unknown()).nullable().optional();

const task = z.object({ Name: name }).passthrough();
const taskGroup = z
  .object({ Name: name, Count: uint, Tasks: z.array(task).nullable().optional() })
  .passthrough();

const jobShape = z
  .object({
    ID: name,
    Name: name,
    Namespace: name,
    Type: z.enum(['service', 'batch', 'system', 'sysbatch']),
    Priority: int.min(1),
    Version: uint.optional(),
    Stop: z.boolean().optional(),
    Datacenters: z.array(z.string()).nullable().optional(),
    TaskGroups: z.array(taskGroup).nullable().optional(),
    Periodic: nullableObject,
    ParameterizedJob: nullableObject,
    Meta: z.record(z.string()).nullable().optional(),
  })
  .passthrough();

/**
 * The checked fields typed as Nomad's Job. The cast is the one place the wire meets the domain
 * type: fields not listed above pass through as the gateway canonicalized them.
 */
const jobSchema = jobShape.transform((job) => job as unknown as Job);

const submission = z.object({
  Source: z.string(),
  Format: z.string(),
  VariableFlags: z.record(z.string()).nullable(),
  Variables: z.string(),
});

const jobRef = { namespace: name, jobId: name };

export const registerJobPayload: z.ZodType<RegisterJobPayload, z.ZodTypeDef, unknown> = z.object({
  job: jobSchema,
  enforceIndex: z.boolean(),
  jobModifyIndex: uint,
  preserveCounts: z.boolean(),
  evalPriority: uint.max(100),
  submission: submission.nullable(),
});

export const deregisterJobPayload: z.ZodType<DeregisterJobPayload, z.ZodTypeDef, unknown> =
  z.object({ ...jobRef, purge: z.boolean(), evalPriority: uint.max(100) });

export const revertJobPayload: z.ZodType<RevertJobPayload, z.ZodTypeDef, unknown> = z.object({
  ...jobRef,
  jobVersion: uint,
  enforcePriorVersion: uint.nullable(),
});

export const setJobStabilityPayload: z.ZodType<SetJobStabilityPayload, z.ZodTypeDef, unknown> =
  z.object({ ...jobRef, jobVersion: uint, stable: z.boolean() });

export const evaluateJobPayload: z.ZodType<EvaluateJobPayload, z.ZodTypeDef, unknown> = z.object({
  ...jobRef,
  forceReschedule: z.boolean(),
});
