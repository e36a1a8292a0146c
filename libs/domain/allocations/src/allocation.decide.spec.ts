import { allocationDecider } from './allocation.decide';
import type { AllocationCommand } from './allocation.commands';
import type { AllocationEvent } from './allocation.events';
import { newAllocation } from './allocation-builders';

function given(...events: AllocationEvent[]) {
  const state = events.reduce(
    (s, e, k) => allocationDecider.evolve(s, e, k + 1),
    allocationDecider.initialState(),
  );
  return {
    when: (command: AllocationCommand) => ({
      then: (expected: AllocationEvent[]) =>
        expect(allocationDecider.decide(command, state)).toEqual(expected),
      thenRefuses: (code: string) =>
        expect(() => allocationDecider.decide(command, state)).toThrow(
          expect.objectContaining({ code }) as Error,
        ),
    }),
  };
}

const alloc = newAllocation();
const placed: AllocationEvent = {
  type: 'AllocationPlaced',
  schemaVersion: 1,
  data: { allocation: alloc },
};
const stop = (over: Partial<Extract<AllocationCommand, { type: 'StopAllocation' }>> = {}) =>
  ({
    type: 'StopAllocation',
    id: 'a1',
    evalId: 'e2',
    desiredStatus: 'stop',
    description: 'alloc not needed due to job update',
    clientStatus: null,
    preemptedBy: '',
    now: 5,
    ...over,
  }) as const;
const report = (clientStatus: 'running' | 'failed' | 'complete', now = 9): AllocationCommand => ({
  type: 'UpdateAllocationClientStatus',
  id: 'a1',
  clientStatus,
  clientDescription: '',
  taskStates: {
    t: {
      State: clientStatus === 'running' ? 'running' : 'dead',
      Failed: clientStatus === 'failed',
      Restarts: 0,
      LastRestart: null,
      StartedAt: 3,
      FinishedAt: null,
      Events: [],
    },
  },
  now,
});
const statusEvent = (command: AllocationCommand): AllocationEvent => {
  if (command.type !== 'UpdateAllocationClientStatus') throw new Error('not a report');
  return {
    type: 'AllocationClientStatusUpdated',
    schemaVersion: 1,
    data: {
      ID: 'a1',
      ClientStatus: command.clientStatus,
      ClientDescription: '',
      TaskStates: command.taskStates,
      ModifyTime: command.now,
    },
  };
};

describe('allocation decider', () => {
  it('places a new allocation as run/pending with its explanation', () => {
    given().when({ type: 'PlaceAllocation', allocation: alloc }).then([placed]);
  });

  it('decides nothing when the same placement is delivered again', () => {
    given(placed).when({ type: 'PlaceAllocation', allocation: alloc }).then([]);
  });

  it('refuses a different allocation on an existing stream', () => {
    given(placed)
      .when({ type: 'PlaceAllocation', allocation: newAllocation({ ID: 'a2' }) })
      .thenRefuses('ALLOCATION_EXISTS');
  });

  it('requests a stop with Nomad’s description, once', () => {
    const requested: AllocationEvent = {
      type: 'AllocationStopRequested',
      schemaVersion: 1,
      data: {
        ID: 'a1',
        EvalID: 'e2',
        DesiredStatus: 'stop',
        DesiredDescription: 'alloc not needed due to job update',
        ClientStatus: null,
        PreemptedByAllocation: '',
        ModifyTime: 5,
      },
    };
    given(placed).when(stop()).then([requested]);
    given(placed, requested).when(stop()).then([]);
    given(placed, requested)
      .when(stop({ desiredStatus: 'evict' }))
      .then([]);
  });

  it('marks a lost allocation lost, but never overrides a client-terminal status', () => {
    const lost = stop({
      clientStatus: 'lost',
      description: 'alloc is lost since its node is down',
    });
    const [event] = allocationDecider.decide(
      lost,
      allocationDecider.evolve(allocationDecider.initialState(), placed, 1),
    );
    expect(event).toMatchObject({ data: { ClientStatus: 'lost' } });
    const afterComplete = [placed, statusEvent(report('complete'))].reduce(
      (s, e, k) => allocationDecider.evolve(s, e, k + 1),
      allocationDecider.initialState(),
    );
    const [stopAfterComplete] = allocationDecider.decide(lost, afterComplete);
    expect(stopAfterComplete).toMatchObject({
      data: { DesiredStatus: 'stop', ClientStatus: null },
    });
  });

  it('records client status changes and ignores repeats and reports after a terminal one', () => {
    given(placed)
      .when(report('running'))
      .then([statusEvent(report('running'))]);
    given(placed, statusEvent(report('running')))
      .when(report('running'))
      .then([]);
    given(placed, statusEvent(report('failed')))
      .when(report('running', 12))
      .then([]);
  });

  it('refuses commands for an allocation that was never placed', () => {
    given().when(stop()).thenRefuses('ALLOCATION_NOT_FOUND');
  });

  it('updates in place to a newer job version, never after a stop', () => {
    const update: AllocationCommand = {
      type: 'UpdateAllocationInPlace',
      id: 'a1',
      evalId: 'e3',
      jobVersion: 1,
      resources: alloc.AllocatedResources,
      deploymentId: '',
      now: 6,
    };
    given(placed)
      .when(update)
      .then([
        {
          type: 'AllocationUpdatedInPlace',
          schemaVersion: 1,
          data: {
            ID: 'a1',
            EvalID: 'e3',
            JobVersion: 1,
            AllocatedResources: alloc.AllocatedResources,
            DeploymentID: '',
            ModifyTime: 6,
          },
        },
      ]);
    const [stopped] = allocationDecider.decide(
      stop(),
      allocationDecider.evolve(allocationDecider.initialState(), placed, 1),
    );
    given(placed, stopped!).when(update).thenRefuses('ALLOCATION_TERMINAL');
  });

  it('links the replacement once and refuses a second, different one', () => {
    const replaced: AllocationEvent = {
      type: 'AllocationReplaced',
      schemaVersion: 1,
      data: { ID: 'a1', NextAllocation: 'a2', ModifyTime: 7 },
    };
    given(placed)
      .when({ type: 'RecordReplacement', id: 'a1', nextAllocation: 'a2', now: 7 })
      .then([replaced]);
    given(placed, replaced)
      .when({ type: 'RecordReplacement', id: 'a1', nextAllocation: 'a2', now: 8 })
      .then([]);
    given(placed, replaced)
      .when({ type: 'RecordReplacement', id: 'a1', nextAllocation: 'a3', now: 8 })
      .thenRefuses('ALLOCATION_ALREADY_REPLACED');
  });

  it('links a deferred reschedule to its follow-up evaluation', () => {
    given(placed)
      .when({ type: 'DeferReschedule', id: 'a1', followupEvalId: 'e9', tracker: null, now: 8 })
      .then([
        {
          type: 'AllocationRescheduleDeferred',
          schemaVersion: 1,
          data: { ID: 'a1', FollowupEvalID: 'e9', RescheduleTracker: null, ModifyTime: 8 },
        },
      ]);
  });

  it('asks once for a migration (alloc stop), never after the server stopped it', () => {
    const migrate = { type: 'RequestMigration', id: 'a1', evalId: 'e5', now: 9 } as const;
    const requested: AllocationEvent = {
      type: 'AllocationMigrateRequested',
      schemaVersion: 1,
      data: { ID: 'a1', EvalID: 'e5', ModifyTime: 9 },
    };
    given(placed).when(migrate).then([requested]);
    given(placed, requested).when(migrate).then([]);
    const stopped = allocationDecider.decide(
      stop(),
      allocationDecider.evolve(allocationDecider.initialState(), placed, 1),
    );
    given(placed, ...stopped)
      .when(migrate)
      .then([]);
    given().when(migrate).thenRefuses('ALLOCATION_NOT_FOUND');
  });

  it('task states with int64 (bigint) times fold and compare without throwing', () => {
    const taskStates = {
      t: {
        State: 'running' as const,
        Failed: false,
        Restarts: 0,
        LastRestart: null,
        StartedAt: 1_795_972_923_987_000_123n,
        FinishedAt: null,
        Events: [],
      },
    };
    const report = {
      type: 'UpdateAllocationClientStatus',
      id: 'a1',
      clientStatus: 'running',
      clientDescription: 'Tasks are running',
      taskStates,
      now: 9,
    } as const;
    const running: AllocationEvent = {
      type: 'AllocationClientStatusUpdated',
      schemaVersion: 1,
      data: {
        ID: 'a1',
        ClientStatus: 'running',
        ClientDescription: 'Tasks are running',
        TaskStates: taskStates,
        ModifyTime: 9,
      },
    };
    given(placed).when(report).then([running]);
    given(placed, running).when(report).then([]);
  });
});
