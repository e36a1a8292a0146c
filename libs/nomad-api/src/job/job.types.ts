// Nomad's server-side Job (nomad/structs.Job) as GET /v1/job/:id returns it, plus the loose
// form a register body decodes into. Field names and order follow Nomad's structs exactly.
import type { Affinity, Constraint, Spread } from './constraint.types';
import type { MigrateStrategy, ReschedulePolicy, UpdateStrategy } from './policies.types';
import type { TaskGroup } from './task-group.types';
import type { Loose, Nanos, StringMap } from './wire.types';

export * from './constraint.types';
export * from './job-summary.types';
export * from './policies.types';
export * from './resources.types';
export * from './service.types';
export * from './task-group.types';
export * from './task.types';
export * from './wire.types';

export type JobType = 'service' | 'batch' | 'system' | 'sysbatch';

export interface PeriodicConfig {
  Enabled: boolean;
  /** Single cron expression (deprecated in favour of Specs). */
  Spec: string;
  Specs: string[] | null;
  SpecType: string;
  ProhibitOverlap: boolean;
  TimeZone: string;
}

export interface ParameterizedJobConfig {
  /** `optional`, `required` or `forbidden`. */
  Payload: string;
  MetaRequired: string[] | null;
  MetaOptional: string[] | null;
}

export interface MultiregionStrategy {
  MaxParallel: number;
  OnFailure: string;
}

export interface MultiregionRegion {
  Name: string;
  Count: number;
  Datacenters: string[] | null;
  NodePool: string;
  Meta: StringMap | null;
}

/** Enterprise-only; Caravan stores it but never acts on it. */
export interface Multiregion {
  Strategy: MultiregionStrategy | null;
  Regions: MultiregionRegion[] | null;
}

export interface JobUILink {
  Label: string;
  Url: string;
}

/**
 * The same link as the api package spells it (a register body, the jobspec parser): its Go
 * field is `URL`, with no JSON tag, while the server struct that GET returns says `Url`.
 */
export interface ApiJobUILink {
  Label: string;
  URL: string;
}

export interface ApiJobUIConfig {
  Description: string;
  Links: ApiJobUILink[] | null;
}

export interface JobUIConfig {
  Description: string;
  Links: JobUILink[] | null;
}

export interface JobVersionTag {
  Name: string;
  Description: string;
  TaggedTime: Nanos;
}

export interface Job {
  Stop: boolean;
  Region: string;
  Namespace: string;
  ID: string;
  ParentID: string;
  Name: string;
  Type: string;
  Priority: number;
  AllAtOnce: boolean;
  Datacenters: string[] | null;
  NodePool: string;
  Constraints: Constraint[] | null;
  Affinities: Affinity[] | null;
  Spreads: Spread[] | null;
  TaskGroups: TaskGroup[] | null;
  /** Job-level: only Stagger and MaxParallel survive; groups carry the real strategy. */
  Update: UpdateStrategy;
  Multiregion: Multiregion | null;
  Periodic: PeriodicConfig | null;
  ParameterizedJob: ParameterizedJobConfig | null;
  Dispatched: boolean;
  DispatchIdempotencyToken: string;
  /** Base64 on the wire (Go []byte). */
  Payload: string | null;
  Meta: StringMap | null;
  ConsulNamespace: string;
  VaultNamespace: string;
  NomadTokenID: string;
  Status: string;
  StatusDescription: string;
  Stable: boolean;
  Version: number;
  /** Unix nanoseconds. */
  SubmitTime: Nanos;
  CreateIndex: number;
  ModifyIndex: number;
  JobModifyIndex: number;
  UI: JobUIConfig | null;
  VersionTag: JobVersionTag | null;
}

/**
 * A job as a register body decodes it (Nomad's api.Job): any key may be missing or null.
 * The api struct also has job-level Reschedule and Migrate blocks, which canonicalization
 * merges into every group and the server struct does not keep.
 */
export type JobInput = Omit<Loose<Job>, 'UI'> & {
  UI?: Loose<ApiJobUIConfig> | null;
  Reschedule?: Loose<ReschedulePolicy> | null;
  Migrate?: Loose<MigrateStrategy> | null;
};

export type TaskGroupInput = Loose<TaskGroup>;
