import { newAllocation } from '@caravan/domain/allocations';
import type { AllocationEvent } from '@caravan/domain/allocations';
import { simulatedNode, type NodeEvent } from '@caravan/domain/nodes';
import { LogGapError, SchedulingState } from './scheduling-state';
import { StaleSnapshotError } from './scheduling-state.types';

type Event = NodeEvent | AllocationEvent;

function given(...events: Event[]): SchedulingState {
  const state = new SchedulingState();
  const versions = new Map<string, number>();
  events.forEach((e, k) => {
    const key =
      'node' in e.data
        ? e.data.node.ID
        : 'allocation' in e.data
          ? e.data.allocation.ID
          : 'nodeId' in e.data
            ? e.data.nodeId
            : e.data.ID;
    versions.set(key, (versions.get(key) ?? 0) + 1);
    state.apply({
      logIndex: k + 1,
      streamPosition: versions.get(key)!,
      type: e.type,
      data: e.data,
    });
  });
  return state;
}

const node = simulatedNode('sim', 0, 'dc1', (s) => s);
const registered: Event = { type: 'NodeRegistered', data: { node } };
const alloc = newAllocation({ NodeID: node.ID });
const withPort = newAllocation({
  ID: 'a2',
  Name: 'web.g[1]',
  NodeID: node.ID,
  AllocatedResources: {
    ...alloc.AllocatedResources,
    Shared: {
      DiskMB: 10,
      Networks: null,
      Ports: [{ Label: 'http', Value: 20001, To: 0, HostIP: '' }],
    },
  },
});
const placed = (a = alloc): Event => ({
  type: 'AllocationPlaced',
  schemaVersion: 1,
  data: { allocation: a },
});
const stopped = (id = 'a1'): Event => ({
  type: 'AllocationStopRequested',
  schemaVersion: 1,
  data: {
    ID: id,
    EvalID: 'e2',
    DesiredStatus: 'stop',
    DesiredDescription: 'x',
    ClientStatus: null,
    PreemptedByAllocation: '',
    ModifyTime: 2,
  },
});
const reported = (status: 'running' | 'complete', id = 'a1'): Event => ({
  type: 'AllocationClientStatusUpdated',
  schemaVersion: 1,
  data: { ID: id, ClientStatus: status, ClientDescription: '', TaskStates: {}, ModifyTime: 3 },
});

describe('scheduling state (the FSM fold)', () => {
  it('holds a node’s capacity from registration and its allocations’ usage and ports', () => {
    const snap = given(registered, placed(), placed(withPort)).snapshot();
    expect(snap.index).toBe(3);
    expect(snap.node(node.ID)).toMatchObject({
      status: 'ready',
      capacity: { cpu: 4000, mem: 8192, disk: 102400 },
      capacityIndex: 1,
      used: { cpu: 200, mem: 128, disk: 20 },
    });
    expect([...snap.node(node.ID)!.ports]).toEqual([[20001, 'a2']]);
    expect(snap.allocationsOnNode(node.ID).map((a) => a.allocation.ID)).toEqual(['a1', 'a2']);
    expect(snap.allocationsOfJob('default', 'web')).toHaveLength(2);
    expect(snap.allocation('a1')).toMatchObject({
      version: 1,
      createIndex: 2,
      holdsResources: true,
    });
  });

  it('frees resources once on a stop and on a client-terminal status, not on running', () => {
    const s1 = given(registered, placed(), placed(withPort), reported('running'), stopped('a2'));
    expect(s1.snapshot().node(node.ID)).toMatchObject({ used: { cpu: 100, mem: 64, disk: 10 } });
    expect(s1.snapshot().node(node.ID)!.ports.size).toBe(0);
    const s2 = given(registered, placed(), reported('complete'), stopped());
    expect(s2.snapshot().node(node.ID)).toMatchObject({ used: { cpu: 0, mem: 0, disk: 0 } });
    expect(s2.snapshot().allocation('a1')).toMatchObject({
      version: 3,
      holdsResources: false,
      allocation: { DesiredStatus: 'stop', ClientStatus: 'complete' },
    });
  });

  it('keeps usage of allocations placed before their node registered', () => {
    const snap = given(placed(), registered).snapshot();
    expect(snap.node(node.ID)).toMatchObject({ used: { cpu: 100 }, capacity: { cpu: 4000 } });
  });

  it('refuses reads from a snapshot the state has moved past', () => {
    const state = given(registered);
    const snap = state.snapshot();
    state.apply({ logIndex: 2, streamPosition: 1, type: placed().type, data: placed().data });
    expect(() => snap.node(node.ID)).toThrow(StaleSnapshotError);
    expect(state.snapshot().node(node.ID)).toBeDefined();
  });

  it('ignores a repeated index and refuses a gap', () => {
    const state = given(registered);
    state.apply({ logIndex: 1, streamPosition: 1, type: 'NodeRegistered', data: { node } });
    expect(state.index).toBe(1);
    expect(() => state.apply({ logIndex: 3, streamPosition: 1, type: 'X', data: {} })).toThrow(
      LogGapError,
    );
  });

  it('advances over events it does not keep', () => {
    const state = given(registered);
    state.apply({ logIndex: 2, streamPosition: 1, type: 'AclTokenCreated', data: {} });
    expect(state.index).toBe(2);
  });
});
