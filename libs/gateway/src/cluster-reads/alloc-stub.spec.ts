import { allocationsProjection, type NomadAllocation } from '@caravan/read-models';
import { newAllocation } from '@caravan/domain/allocations';
import type { RecordedEvent } from '@caravan/event-store';
import { toAllocStub } from './alloc-stub';

const placed = {
  logIndex: 7,
  type: 'AllocationPlaced',
  data: { allocation: newAllocation({ ID: 'a1', JobID: 'web', Name: 'web.web[0]' }) },
} as unknown as RecordedEvent;
const alloc: NomadAllocation = allocationsProjection.evolve(null, placed)!.allocation;

describe("toAllocStub (Nomad's Allocation.Stub)", () => {
  it('adds JobType and JobVersion, drops Job, Metrics and resources unless asked', () => {
    const stub = toAllocStub(alloc, 'batch', 3, false);
    expect(stub).toMatchObject({
      ID: 'a1',
      Name: 'web.web[0]',
      JobType: 'batch',
      JobVersion: 3,
      CreateIndex: 7,
    });
    expect(stub).not.toHaveProperty('Job');
    expect(stub).not.toHaveProperty('Metrics');
    expect(stub).not.toHaveProperty('AllocatedResources');
  });

  it('resources=true includes AllocatedResources', () =>
    expect(toAllocStub(alloc, 'service', 0, true).AllocatedResources).toEqual(
      alloc.AllocatedResources,
    ));
});
