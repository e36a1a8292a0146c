// Lifecycle policy blocks used at job, group and task level.
import type { Nanos } from './wire.types';

export interface UpdateStrategy {
  Stagger: Nanos;
  MaxParallel: number;
  /** `checks`, `task_states` or `manual`. */
  HealthCheck: string;
  MinHealthyTime: Nanos;
  HealthyDeadline: Nanos;
  ProgressDeadline: Nanos;
  AutoRevert: boolean;
  AutoPromote: boolean;
  Canary: number;
}

export interface RestartPolicy {
  Attempts: number;
  Interval: Nanos;
  Delay: Nanos;
  /** `delay` or `fail`. */
  Mode: string;
  RenderTemplates: boolean;
}

export interface ReschedulePolicy {
  Attempts: number;
  Interval: Nanos;
  Delay: Nanos;
  /** `constant`, `exponential` or `fibonacci`. */
  DelayFunction: string;
  MaxDelay: Nanos;
  Unlimited: boolean;
}

export interface MigrateStrategy {
  MaxParallel: number;
  HealthCheck: string;
  MinHealthyTime: Nanos;
  HealthyDeadline: Nanos;
}

export interface EphemeralDisk {
  Sticky: boolean;
  SizeMB: number;
  Migrate: boolean;
}

export interface DisconnectStrategy {
  LostAfter: Nanos;
  StopOnClientAfter: Nanos | null;
  Replace: boolean | null;
  /** `best_score`, `keep_original`, `keep_replacement` or `longest_running`. */
  Reconcile: string;
}

export interface ScalingPolicy {
  ID: string;
  Type: string;
  Target: Record<string, string> | null;
  Policy: Record<string, unknown> | null;
  Min: number;
  Max: number;
  Enabled: boolean;
  CreateIndex: number;
  ModifyIndex: number;
}
