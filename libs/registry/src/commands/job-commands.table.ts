import type { JobCommandType } from '@caravan/contracts';
import type { JobCommand } from '@caravan/domain/jobs';
import { commandEntry, type CommandContext, type CommandEntry } from './command-table';
import {
  deregisterJobPayload,
  evaluateJobPayload,
  registerJobPayload,
  revertJobPayload,
  setJobStabilityPayload,
} from './job-payload.schemas';

// Every job command the registry accepts: its payload schema and its domain command. The time
// is the gateway's (meta.now, one clock per command); evaluation ids are minted here because
// the decider must stay pure.

type CommandOf<T extends JobCommandType> = Extract<JobCommand, { type: T }>;

const stamp = ({ meta }: CommandContext) => ({ now: meta.now, actor: meta.actor });

export const JOB_COMMANDS: { readonly [T in JobCommandType]: CommandEntry<CommandOf<T>> } = {
  RegisterJob: commandEntry('RegisterJob', registerJobPayload, (p, ctx) => ({
    type: 'RegisterJob',
    ...p,
    evalId: ctx.newId(),
    ...stamp(ctx),
  })),
  DeregisterJob: commandEntry('DeregisterJob', deregisterJobPayload, (p, ctx) => ({
    type: 'DeregisterJob',
    ...p,
    evalId: ctx.newId(),
    ...stamp(ctx),
  })),
  RevertJob: commandEntry('RevertJob', revertJobPayload, (p, ctx) => ({
    type: 'RevertJob',
    ...p,
    evalId: ctx.newId(),
    ...stamp(ctx),
  })),
  SetJobStability: commandEntry('SetJobStability', setJobStabilityPayload, (p, ctx) => ({
    type: 'SetJobStability',
    ...p,
    ...stamp(ctx),
  })),
  EvaluateJob: commandEntry('EvaluateJob', evaluateJobPayload, (p, ctx) => ({
    type: 'EvaluateJob',
    ...p,
    evalId: ctx.newId(),
    ...stamp(ctx),
  })),
};

export function isJobCommandType(type: string): type is JobCommandType {
  return Object.hasOwn(JOB_COMMANDS, type);
}
