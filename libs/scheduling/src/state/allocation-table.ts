import {
  isClientTerminal,
  isServerTerminal,
  type AllocationEvent,
} from '@caravan/domain/allocations';
import { assertNever } from '@caravan/domain/shared';
import { claimOf } from '../capacity/claims';
import type { NodeTable } from './node-table';
import type { AllocationView } from './scheduling-state.types';

// Allocations by id, by node and by job. An allocation holds resources on its node until it is
// server-terminal (stop, evict) or client-terminal (complete, failed, lost): the same rule the
// capacity table applies, so a plan computed here fits there unless another plan got first.

export class AllocationTable {
  private readonly byId = new Map<string, AllocationView>();
  private readonly byNode = new Map<string, Set<string>>();
  private readonly byJob = new Map<string, Set<string>>();

  constructor(private readonly nodes: NodeTable) {}

  get(allocId: string): AllocationView | undefined {
    return this.byId.get(allocId);
  }

  onNode(nodeId: string): AllocationView[] {
    return this.lookup(this.byNode.get(nodeId));
  }

  ofJob(namespace: string, jobId: string): AllocationView[] {
    return this.lookup(this.byJob.get(`${namespace}/${jobId}`));
  }

  apply(event: AllocationEvent, logIndex: number, version: number): void {
    if (event.type === 'AllocationPlaced') {
      const a = event.data.allocation;
      const view: AllocationView = {
        allocation: {
          ...a,
          NextAllocation: '',
          FollowupEvalID: '',
          TaskStates: {},
          DesiredTransition: { Migrate: false },
        },
        holdsResources: false,
        version,
        createIndex: logIndex,
        modifyIndex: logIndex,
      };
      this.byId.set(a.ID, view);
      index(this.byNode, a.NodeID, a.ID);
      index(this.byJob, `${a.Namespace}/${a.JobID}`, a.ID);
      this.settleHolding(view, logIndex);
      return;
    }
    const view = this.byId.get(event.data.ID);
    if (view === undefined) return;
    view.version = version;
    view.modifyIndex = logIndex;
    const a = view.allocation;
    switch (event.type) {
      case 'AllocationStopRequested':
        a.DesiredStatus = event.data.DesiredStatus;
        a.DesiredDescription = event.data.DesiredDescription;
        if (event.data.ClientStatus !== null && !isClientTerminal(a.ClientStatus))
          a.ClientStatus = event.data.ClientStatus;
        break;
      case 'AllocationUpdatedInPlace':
        // free the old resources before the new ones are held
        this.release(view, logIndex);
        a.JobVersion = event.data.JobVersion;
        a.AllocatedResources = event.data.AllocatedResources;
        a.DeploymentID = event.data.DeploymentID;
        break;
      case 'AllocationClientStatusUpdated':
        a.ClientStatus = event.data.ClientStatus;
        a.ClientDescription = event.data.ClientDescription;
        a.TaskStates = event.data.TaskStates;
        break;
      case 'AllocationReplaced':
        a.NextAllocation = event.data.NextAllocation;
        break;
      case 'AllocationMigrateRequested':
        a.DesiredTransition = { Migrate: true };
        break;
      case 'AllocationRescheduleDeferred':
        a.FollowupEvalID = event.data.FollowupEvalID;
        a.RescheduleTracker = event.data.RescheduleTracker;
        break;
      default:
        return assertNever(event);
    }
    a.ModifyTime = event.data.ModifyTime;
    this.settleHolding(view, logIndex);
  }

  private settleHolding(view: AllocationView, logIndex: number): void {
    const a = view.allocation;
    const holds = !isServerTerminal(a.DesiredStatus) && !isClientTerminal(a.ClientStatus);
    if (holds && !view.holdsResources) {
      const c = claimOf(a.AllocatedResources);
      this.nodes.hold(a.NodeID, a.ID, c, c.ports);
      view.holdsResources = true;
    } else if (!holds) this.release(view, logIndex);
  }

  private release(view: AllocationView, logIndex: number): void {
    if (!view.holdsResources) return;
    const a = view.allocation;
    const c = claimOf(a.AllocatedResources);
    this.nodes.free(a.NodeID, a.ID, c, c.ports, logIndex);
    view.holdsResources = false;
  }

  private lookup(ids: Set<string> | undefined): AllocationView[] {
    return [...(ids ?? [])].map((id) => this.byId.get(id)!);
  }
}

function index(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([id]));
  else set.add(id);
}
