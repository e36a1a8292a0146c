import { newAllocation } from '@caravan/domain/allocations';
import { foldEvents } from '../projection/fold-events';
import { recorded } from '../projection/recorded-event.fixture';
import { allocationsProjection } from './allocations.projection';
import { goTime } from './go-time';

const alloc = newAllocation({ ID: 'a1', JobID: 'web', Name: 'web.web[0]', NodeID: 'n1' });
const rows = (...events: ReturnType<typeof recorded>[]) => [
  ...foldEvents(allocationsProjection, events).values(),
];
const placed = recorded(5, 'AllocationPlaced', { allocation: alloc });
const S = 1_000_000_000n;
const T = 1_700_000_000n * S;

describe('allocations projection (rm_allocations)', () => {
  it("a placement is Nomad's Allocation JSON at its log index, Job joined in later", () => {
    const [row] = rows(placed);
    expect(row).toMatchObject({
      id: 'a1',
      jobId: 'web',
      nodeId: 'n1',
      clientStatus: 'pending',
      desiredStatus: 'run',
      createIndex: 5,
      modifyIndex: 5,
    });
    expect(row!.allocation).toMatchObject({
      ID: 'a1',
      Name: 'web.web[0]',
      Job: null,
      TaskStates: null,
      NextAllocation: '',
      CreateIndex: 5,
      ModifyIndex: 5,
      AllocModifyIndex: 5,
    });
    expect(row!.allocation).not.toHaveProperty('Explanation');
  });

  it('client updates move ModifyIndex only; task times become RFC 3339', () => {
    const update = recorded(7, 'AllocationClientStatusUpdated', {
      ID: 'a1',
      ClientStatus: 'running',
      ClientDescription: 'Tasks are running',
      TaskStates: {
        web: {
          State: 'running',
          Failed: false,
          Restarts: 0,
          LastRestart: null,
          StartedAt: T + 1500n,
          FinishedAt: null,
          Events: [],
        },
      },
      ModifyTime: T,
    });
    const [row] = rows(placed, update);
    expect(row).toMatchObject({ clientStatus: 'running', modifyIndex: 7 });
    expect(row!.allocation).toMatchObject({ ModifyIndex: 7, AllocModifyIndex: 5, ModifyTime: T });
    expect(row!.allocation.TaskStates!['web']).toMatchObject({
      StartedAt: '2023-11-14T22:13:20.0000015Z',
      FinishedAt: '0001-01-01T00:00:00Z',
    });
  });

  it('a stop request is a server change: DesiredStatus and AllocModifyIndex', () => {
    const stop = recorded(9, 'AllocationStopRequested', {
      ID: 'a1',
      EvalID: 'e2',
      DesiredStatus: 'stop',
      DesiredDescription: 'alloc not needed due to job update',
      ClientStatus: null,
      PreemptedByAllocation: '',
      ModifyTime: T,
    });
    const [row] = rows(placed, stop);
    expect(row).toMatchObject({ desiredStatus: 'stop', clientStatus: 'pending' });
    expect(row!.allocation).toMatchObject({ DesiredStatus: 'stop', AllocModifyIndex: 9 });
  });

  it('events for an unknown allocation create nothing; a replay changes nothing', () => {
    const replaced = recorded(3, 'AllocationReplaced', {
      ID: 'zz',
      NextAllocation: 'b',
      ModifyTime: T,
    });
    expect(rows(replaced)).toEqual([]);
    expect(rows(placed, placed)).toEqual(rows(placed));
  });

  it('goTime trims trailing zeros like Go', () => {
    expect(goTime(T)).toBe('2023-11-14T22:13:20Z');
    expect(goTime(T + 120_000_000n)).toBe('2023-11-14T22:13:20.12Z');
    expect(goTime(0)).toBe('0001-01-01T00:00:00Z');
  });
});
