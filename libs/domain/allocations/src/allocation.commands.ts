import type { Nanos } from '@caravan/nomad-api';
import type {
  AllocatedResources,
  ClientStatus,
  NewAllocation,
  RescheduleTracker,
  TaskState,
} from './allocation.types';

// Commands are plain data; time (`now`, Unix ns) and ids come in with them (STYLE.md rule 1).

export type AllocationCommand =
  | { type: 'PlaceAllocation'; allocation: NewAllocation }
  | {
      type: 'StopAllocation';
      id: string;
      evalId: string;
      desiredStatus: 'stop' | 'evict';
      description: string;
      clientStatus: 'lost' | 'unknown' | null;
      preemptedBy: string;
      now: Nanos;
    }
  | {
      type: 'UpdateAllocationInPlace';
      id: string;
      evalId: string;
      jobVersion: number;
      resources: AllocatedResources;
      deploymentId: string;
      now: Nanos;
    }
  | {
      type: 'UpdateAllocationClientStatus';
      id: string;
      clientStatus: ClientStatus;
      clientDescription: string;
      taskStates: Record<string, TaskState>;
      now: Nanos;
    }
  | { type: 'RequestMigration'; id: string; evalId: string; now: Nanos }
  | { type: 'RecordReplacement'; id: string; nextAllocation: string; now: Nanos }
  | {
      type: 'DeferReschedule';
      id: string;
      followupEvalId: string;
      tracker: RescheduleTracker | null;
      now: Nanos;
    };
