// Nomad's structs.TaskGroup.
import type { Affinity, Constraint, Spread } from './constraint.types';
import type {
  DisconnectStrategy,
  EphemeralDisk,
  MigrateStrategy,
  ReschedulePolicy,
  RestartPolicy,
  ScalingPolicy,
  UpdateStrategy,
} from './policies.types';
import type { NetworkResource } from './resources.types';
import type { Service } from './service.types';
import type { Consul, Task } from './task.types';
import type { Nanos, StringMap } from './wire.types';

export interface CSIMountOptions {
  FSType: string;
  MountFlags: string[] | null;
}

export interface VolumeRequest {
  Name: string;
  /** `host` or `csi`. */
  Type: string;
  Source: string;
  ReadOnly: boolean;
  Sticky: boolean;
  AccessMode: string;
  AttachmentMode: string;
  MountOptions: CSIMountOptions | null;
  PerAlloc: boolean;
}

export interface TaskGroup {
  Name: string;
  Count: number;
  Update: UpdateStrategy | null;
  Migrate: MigrateStrategy | null;
  Constraints: Constraint[] | null;
  Scaling: ScalingPolicy | null;
  RestartPolicy: RestartPolicy | null;
  Disconnect: DisconnectStrategy | null;
  Tasks: Task[] | null;
  EphemeralDisk: EphemeralDisk | null;
  Meta: StringMap | null;
  ReschedulePolicy: ReschedulePolicy | null;
  Affinities: Affinity[] | null;
  Spreads: Spread[] | null;
  Networks: NetworkResource[] | null;
  Consul: Consul | null;
  Services: Service[] | null;
  Volumes: Record<string, VolumeRequest> | null;
  ShutdownDelay: Nanos | null;
  MaxRunDuration: Nanos | null;
  StopAfterClientDisconnect: Nanos | null;
  MaxClientDisconnect: Nanos | null;
  PreventRescheduleOnLost: boolean;
}
