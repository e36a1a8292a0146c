import type { NewAllocation } from './allocation.types';

/** A placed allocation of `web` group `g` with one task `t`; override what a test is about. */
export function newAllocation(overrides: Partial<NewAllocation> = {}): NewAllocation {
  return {
    ID: 'a1',
    Namespace: 'default',
    EvalID: 'e1',
    Name: 'web.g[0]',
    NodeID: 'n1',
    NodeName: 'node-1',
    JobID: 'web',
    JobVersion: 0,
    TaskGroup: 'g',
    AllocatedResources: {
      Tasks: {
        t: {
          Cpu: { CpuShares: 100, ReservedCores: [] },
          Memory: { MemoryMB: 64, MemoryMaxMB: 0 },
          Networks: null,
          Devices: null,
        },
      },
      TaskLifecycles: { t: null },
      Shared: { DiskMB: 10, Networks: null, Ports: null },
    },
    DesiredStatus: 'run',
    DesiredDescription: '',
    ClientStatus: 'pending',
    ClientDescription: '',
    Metrics: {
      NodesEvaluated: 1,
      NodesFiltered: 0,
      NodesInPool: 1,
      NodePool: 'default',
      NodesAvailable: { dc1: 1 },
      ClassFiltered: null,
      ConstraintFiltered: null,
      NodesExhausted: 0,
      ClassExhausted: null,
      DimensionExhausted: null,
      QuotaExhausted: null,
      ResourcesExhausted: null,
      ScoreMetaData: [{ NodeID: 'n1', Scores: { binpack: 0.5 }, NormScore: 0.5 }],
      AllocationTime: 1000,
      CoalescedFailures: 0,
    },
    PreviousAllocation: '',
    RescheduleTracker: null,
    DeploymentID: '',
    CreateTime: 1,
    ModifyTime: 1,
    Explanation: {
      SnapshotIndex: 7,
      Seed: 's',
      Candidates: [{ NodeID: 'n1', Scores: { binpack: 0.5 }, NormScore: 0.5 }],
    },
    ...overrides,
  };
}
