import { schedulerFixtures as fx } from '@caravan/domain/scheduler';
import type { NomadAllocation, NomadNodeJson } from '@caravan/read-models';
import { nanosToMs } from '@caravan/domain/scheduler';
import { allocationFromReadModel, nodeFromReadModel } from './plan-snapshot.adapter';

const nodeDoc = (over: Partial<NomadNodeJson> = {}): NomadNodeJson => ({
  ID: 'n1',
  Name: 'node-1',
  Datacenter: 'dc1',
  NodePool: 'default',
  Status: 'ready',
  SchedulingEligibility: 'eligible',
  Drain: false,
  Attributes: { 'driver.docker': '1' },
  Meta: { rack: 'r1' },
  NodeResources: {
    Cpu: { CpuShares: 4000 },
    Memory: { MemoryMB: 8192 },
    Disk: { DiskMB: 1000 },
    MinDynamicPort: 0,
    MaxDynamicPort: 0,
  },
  ...over,
});

describe('plan snapshot adapters', () => {
  it('a node: capacity from NodeResources, nothing reserved, default ports, a computed class', () => {
    const node = nodeFromReadModel(nodeDoc());
    expect(node).toMatchObject({
      id: 'n1',
      status: 'ready',
      eligibility: 'eligible',
      drain: false,
      resources: { cpuMhz: 4000, memoryMb: 8192, diskMb: 1000 },
      reserved: { cpuMhz: 0, memoryMb: 0, diskMb: 0, ports: [] },
      dynamicPorts: { min: 20000, max: 32000 },
      meta: { rack: 'r1' },
    });
    expect(node.computedClass).toMatch(/^v1:/);
    // the class must move with what constraints can see, or feasibility caching goes stale
    expect(nodeFromReadModel(nodeDoc({ Meta: { rack: 'r2' } })).computedClass).not.toBe(
      node.computedClass,
    );
  });

  it('an allocation: summed task resources, ms times, the latest task finish', () => {
    const job = fx.aJob();
    const doc = {
      ID: 'a1',
      Namespace: 'default',
      EvalID: 'e1',
      Name: 'web.web[0]',
      JobID: 'web',
      TaskGroup: 'web',
      NodeID: 'n1',
      NodeName: 'node-1',
      DesiredStatus: 'run',
      DesiredDescription: '',
      DesiredTransition: { Migrate: true, Reschedule: null, ForceReschedule: null },
      ClientStatus: 'complete',
      AllocatedResources: {
        Tasks: {
          a: { Cpu: { CpuShares: 100 }, Memory: { MemoryMB: 64 } },
          b: { Cpu: { CpuShares: 50 }, Memory: { MemoryMB: 32 } },
        },
        Shared: { DiskMB: 300, Ports: [{ Label: 'http', Value: 20001, To: 8080 }] },
      },
      TaskStates: {
        a: { FinishedAt: '2026-01-01T00:00:05Z' },
        b: { FinishedAt: '0001-01-01T00:00:00Z' },
      },
      RescheduleTracker: null,
      PreviousAllocation: '',
      NextAllocation: '',
      FollowupEvalID: '',
      DeploymentID: '',
      CreateTime: 1_767_225_600_000_000_000n,
      ModifyTime: 1_767_225_601_000_000_000n,
    } as unknown as NomadAllocation;
    const a = allocationFromReadModel(doc, job);
    expect(a).toMatchObject({
      id: 'a1',
      job,
      desiredTransition: { migrate: true },
      clientStatus: 'complete',
      resources: {
        cpuMhz: 150,
        memoryMb: 96,
        diskMb: 300,
        ports: [{ label: 'http', value: 20001, to: 8080, hostNetwork: 'default' }],
      },
      createTime: Date.UTC(2026, 0, 1),
      modifyTime: Date.UTC(2026, 0, 1) + 1000,
      finishedAt: Date.UTC(2026, 0, 1) + 5000,
    });
  });

  it('nanoseconds to ms, exact for bigints beyond 2^53', () => {
    expect(nanosToMs(1_767_225_600_123_456_789n)).toBe(1_767_225_600_123);
    expect(nanosToMs(2_500_000)).toBe(2);
    expect(nanosToMs(null)).toBe(0);
  });
});
