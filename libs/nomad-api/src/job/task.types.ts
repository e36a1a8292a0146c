// Nomad's structs.Task and the blocks only a task carries.
import type { Affinity, Constraint } from './constraint.types';
import type { RestartPolicy, ScalingPolicy } from './policies.types';
import type { Resources } from './resources.types';
import type { Service } from './service.types';
import type { Nanos, StringMap } from './wire.types';

export interface LogConfig {
  MaxFiles: number;
  MaxFileSizeMB: number;
  Disabled: boolean;
}

export interface TaskArtifact {
  GetterSource: string;
  GetterOptions: StringMap | null;
  GetterHeaders: StringMap | null;
  /** `any`, `file` or `dir`. */
  GetterMode: string;
  GetterInsecure: boolean;
  RelativeDest: string;
  Chown: boolean;
}

export interface ChangeScript {
  Command: string;
  Args: string[] | null;
  Timeout: Nanos;
  FailOnError: boolean;
  RunOnFirstRender: boolean;
}

export interface WaitConfig {
  Min: Nanos | null;
  Max: Nanos | null;
}

export interface Template {
  SourcePath: string;
  DestPath: string;
  EmbeddedTmpl: string;
  ChangeMode: string;
  ChangeSignal: string;
  ChangeScript: ChangeScript | null;
  Once: boolean;
  Splay: Nanos;
  Perms: string;
  Uid: number | null;
  Gid: number | null;
  LeftDelim: string;
  RightDelim: string;
  Envvars: boolean;
  VaultGrace: Nanos;
  Wait: WaitConfig | null;
  ErrMissingKey: boolean;
}

export interface DispatchPayloadConfig {
  File: string;
}

export interface TaskLifecycleConfig {
  /** `prestart`, `poststart` or `poststop`. */
  Hook: string;
  Sidecar: boolean;
}

export interface Vault {
  Role: string;
  Namespace: string;
  Cluster: string;
  Env: boolean;
  DisableFile: boolean;
  ChangeMode: string;
  ChangeSignal: string;
  AllowTokenExpiration: boolean;
}

export interface Consul {
  Namespace: string;
  Cluster: string;
  Partition: string;
}

export interface VolumeMount {
  Volume: string;
  Destination: string;
  ReadOnly: boolean;
  PropagationMode: string;
  SELinuxLabel: string;
}

export interface WorkloadIdentity {
  Name: string;
  Audience: string[] | null;
  ChangeMode: string;
  ChangeSignal: string;
  Env: boolean;
  File: boolean;
  Filepath: string;
  ServiceName: string;
  TTL: Nanos;
  ExtraClaims: string[] | null;
}

export interface TaskSecret {
  Name: string;
  Provider: string;
  Path: string;
  Config: Record<string, unknown> | null;
  Env: StringMap | null;
}

export interface TaskAction {
  Name: string;
  Command: string;
  Args: string[] | null;
}

export interface Task {
  Name: string;
  Driver: string;
  User: string;
  /** Driver-specific, free-form. */
  Config: Record<string, unknown> | null;
  Env: StringMap | null;
  Services: Service[] | null;
  Vault: Vault | null;
  Secrets: TaskSecret[] | null;
  Consul: Consul | null;
  Templates: Template[] | null;
  Constraints: Constraint[] | null;
  Affinities: Affinity[] | null;
  Resources: Resources | null;
  RestartPolicy: RestartPolicy | null;
  DispatchPayload: DispatchPayloadConfig | null;
  Lifecycle: TaskLifecycleConfig | null;
  Meta: StringMap | null;
  KillTimeout: Nanos;
  LogConfig: LogConfig | null;
  Artifacts: TaskArtifact[] | null;
  Leader: boolean;
  ShutdownDelay: Nanos;
  VolumeMounts: VolumeMount[] | null;
  ScalingPolicies: ScalingPolicy[] | null;
  KillSignal: string;
  Kind: string;
  /** CSI plugin tasks are out of scope; kept opaque. */
  CSIPluginConfig: unknown;
  Identity: WorkloadIdentity | null;
  Identities: WorkloadIdentity[] | null;
  Actions: TaskAction[] | null;
  /** Enterprise-only task schedules; kept opaque. */
  Schedule: unknown;
}
