import type { Job, TaskGroup } from '@caravan/nomad-api';

// Test data builders, exported for other libraries' tests (read models, handlers).

/** A canonical service job; groups carry only what these tests look at. */
export function aJob(overrides: Partial<Job> = {}): Job {
  return {
    Stop: false,
    Region: 'global',
    Namespace: 'default',
    ID: 'web',
    ParentID: '',
    Name: 'web',
    Type: 'service',
    Priority: 50,
    AllAtOnce: false,
    Datacenters: ['dc1'],
    NodePool: 'default',
    Constraints: null,
    Affinities: null,
    Spreads: null,
    // The decider reads Name and Count only; a full TaskGroup is the spec library's business.
    TaskGroups: [{ Name: 'web', Count: 3 } as unknown as TaskGroup],
    Update: {
      Stagger: 30_000_000_000,
      MaxParallel: 1,
      HealthCheck: '',
      MinHealthyTime: 0,
      HealthyDeadline: 0,
      ProgressDeadline: 0,
      AutoRevert: false,
      AutoPromote: false,
      Canary: 0,
    },
    Multiregion: null,
    Periodic: null,
    ParameterizedJob: null,
    Dispatched: false,
    DispatchIdempotencyToken: '',
    Payload: null,
    Meta: null,
    ConsulNamespace: '',
    VaultNamespace: '',
    NomadTokenID: '',
    Status: '',
    StatusDescription: '',
    Stable: false,
    Version: 0,
    SubmitTime: 0,
    CreateIndex: 0,
    ModifyIndex: 0,
    JobModifyIndex: 0,
    UI: null,
    VersionTag: null,
    ...overrides,
  };
}
