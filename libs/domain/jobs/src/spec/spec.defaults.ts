// Nomad's default values for job specs (api and server canonicalization agree on these).
import type {
  EphemeralDisk,
  LogConfig,
  MigrateStrategy,
  ReschedulePolicy,
  Resources,
  RestartPolicy,
  UpdateStrategy,
} from '@caravan/nomad-api';

export const SECOND = 1_000_000_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export const DEFAULT_NAMESPACE = 'default';
export const GLOBAL_REGION = 'global';
export const DEFAULT_NODE_POOL = 'default';
export const DEFAULT_JOB_PRIORITY = 50;
export const DEFAULT_KILL_TIMEOUT = 5 * SECOND;
export const DEFAULT_AFFINITY_WEIGHT = 50;

export const JOB_TYPES = ['service', 'batch', 'system', 'sysbatch'] as const;

export function defaultUpdateStrategy(): UpdateStrategy {
  return {
    Stagger: 30 * SECOND,
    MaxParallel: 1,
    HealthCheck: 'checks',
    MinHealthyTime: 10 * SECOND,
    HealthyDeadline: 5 * MINUTE,
    ProgressDeadline: 10 * MINUTE,
    AutoRevert: false,
    AutoPromote: false,
    Canary: 0,
  };
}

/** Service and system restart quickly and give up; everything else retries over a day. */
export function defaultRestartPolicy(jobType: string): RestartPolicy {
  if (jobType === 'service' || jobType === 'system') {
    return {
      Attempts: 2,
      Interval: 30 * MINUTE,
      Delay: 15 * SECOND,
      Mode: 'fail',
      RenderTemplates: false,
    };
  }
  return {
    Attempts: 3,
    Interval: 24 * HOUR,
    Delay: 15 * SECOND,
    Mode: 'fail',
    RenderTemplates: false,
  };
}

/**
 * Nomad's api package fills a user-supplied reschedule block from these. system and sysbatch
 * get zeros here (and no block at all when none was supplied; supplying one fails validation).
 */
export function defaultReschedulePolicy(jobType: string): ReschedulePolicy {
  if (jobType === 'service') {
    return {
      Attempts: 0,
      Interval: 0,
      Delay: 30 * SECOND,
      DelayFunction: 'exponential',
      MaxDelay: HOUR,
      Unlimited: true,
    };
  }
  if (jobType === 'batch') {
    return {
      Attempts: 1,
      Interval: 24 * HOUR,
      Delay: 5 * SECOND,
      DelayFunction: 'constant',
      MaxDelay: 0,
      Unlimited: false,
    };
  }
  return { Attempts: 0, Interval: 0, Delay: 0, DelayFunction: '', MaxDelay: 0, Unlimited: false };
}

export function defaultMigrateStrategy(): MigrateStrategy {
  return {
    MaxParallel: 1,
    HealthCheck: 'checks',
    MinHealthyTime: 10 * SECOND,
    HealthyDeadline: 5 * MINUTE,
  };
}

export function defaultEphemeralDisk(): EphemeralDisk {
  return { Sticky: false, SizeMB: 300, Migrate: false };
}

export function defaultLogConfig(): LogConfig {
  return { MaxFiles: 10, MaxFileSizeMB: 10, Disabled: false };
}

export function defaultResources(): Resources {
  return {
    CPU: 100,
    Cores: 0,
    MemoryMB: 300,
    MemoryMaxMB: 0,
    DiskMB: 0,
    IOPS: 0,
    Networks: null,
    Devices: null,
    NUMA: null,
    SecretsMB: 0,
  };
}
