import { newAllocation } from '@caravan/domain/allocations';
import { aJob } from '@caravan/domain/jobs';
import { foldEvents } from '../projection/fold-events';
import { recorded } from '../projection/recorded-event.fixture';
import { cmd, history } from './job-history.fixture';
import { jobsProjection } from './jobs.projection';

// Nomad's job status from allocations and evaluation outcomes (nomad-api-semantics.md §6).
// Allocation and scheduler events reach the job through their stream's partition key.

const STREAM = 'default/web';
const placed = (i: number, id: string) =>
  recorded(i, 'AllocationPlaced', { allocation: newAllocation({ ID: id, JobID: 'web' }) }, STREAM);
const client = (i: number, id: string, ClientStatus: string) =>
  recorded(
    i,
    'AllocationClientStatusUpdated',
    { ID: id, ClientStatus, ClientDescription: '', TaskStates: {}, ModifyTime: 0 },
    STREAM,
  );
const stopped = (i: number, id: string) =>
  recorded(
    i,
    'AllocationStopRequested',
    {
      ID: id,
      EvalID: 'e',
      DesiredStatus: 'stop',
      DesiredDescription: '',
      ClientStatus: null,
      PreemptedByAllocation: '',
      ModifyTime: 0,
    },
    STREAM,
  );
const completed = (i: number, ID: string) =>
  recorded(i, 'EvaluationCompleted', { ID, Status: 'complete', ModifyTime: 0 }, STREAM);

const statusAfter = (...events: ReturnType<typeof recorded>[]) =>
  [...foldEvents(jobsProjection, events).values()][0]!;

describe('jobs projection: status from allocations and evaluations', () => {
  const batch = history(cmd.register(aJob({ Type: 'batch' }))); // 1 v0, 2 eval-0

  it('pending → running when an allocation is placed → dead when all is terminal', () => {
    expect(statusAfter(...batch).status).toBe('pending');
    expect(statusAfter(...batch, placed(3, 'a1'), completed(4, 'eval-0')).status).toBe('running');
    const done = statusAfter(
      ...batch,
      placed(3, 'a1'),
      completed(4, 'eval-0'),
      client(5, 'a1', 'complete'),
    );
    expect(done).toMatchObject({ status: 'dead', modifyIndex: 5, liveAllocs: [] });
    expect(done.job.Status).toBe('dead');
  });

  it('a stop request makes an allocation terminal at once; counted once with its client report', () => {
    const row = statusAfter(
      ...batch,
      placed(3, 'a1'),
      placed(4, 'a2'),
      completed(5, 'eval-0'),
      stopped(6, 'a1'),
      client(7, 'a1', 'complete'),
    );
    expect(row.statusInputs).toMatchObject({
      nonTerminalAllocs: 1,
      terminalEvals: 1,
      nonTerminalEvals: 0,
    });
    expect(row.status).toBe('running');
  });

  it('running client reports change nothing', () => {
    const before = statusAfter(...batch, placed(3, 'a1'));
    const after = statusAfter(...batch, placed(3, 'a1'), client(4, 'a1', 'running'));
    expect(after.modifyIndex).toBe(before.modifyIndex);
    expect(after.lastIndex).toBe(before.lastIndex);
  });
});
