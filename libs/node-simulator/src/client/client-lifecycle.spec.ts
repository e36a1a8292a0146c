import type { Job } from '@caravan/nomad-api';
import { nextClientReport, type ClientAllocation } from './client-lifecycle';
import { taskPlans } from './task-plan';

const S = 1_000_000_000n;
const T0 = 1_700_000_000n * S;

const job = (Type: string, config: Record<string, unknown> = {}) =>
  ({
    Type,
    TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Config: config }] }],
  }) as unknown as Job;

const pending: ClientAllocation = { DesiredStatus: 'run', ClientStatus: 'pending', TaskStates: {} };

/** Runs the lifecycle from pending at T0, then once more at `later`. */
function runThen(j: Job, later: bigint) {
  const tasks = taskPlans(j, 'g');
  const started = nextClientReport(pending, tasks, T0)!;
  const next = nextClientReport({ DesiredStatus: 'run', ...started }, tasks, later);
  return { started, next };
}

describe('simulated client lifecycle', () => {
  it('starts a pending allocation: running, with Nomad-shaped task events', () => {
    const { started } = runThen(job('service'), T0);
    expect(started.ClientStatus).toBe('running');
    expect(started.ClientDescription).toBe('Tasks are running');
    expect(started.TaskStates['t']).toMatchObject({
      State: 'running',
      Failed: false,
      Restarts: 0,
      StartedAt: T0,
      FinishedAt: null,
    });
    expect(started.TaskStates['t']!.Events.map((e) => e.Type)).toEqual([
      'Received',
      'Task Setup',
      'Started',
    ]);
  });

  it('a service task runs until stopped', () =>
    expect(runThen(job('service'), T0 + 3600n * S).next).toBeNull());

  it('a batch task completes after about a second when run_for is unset', () => {
    expect(runThen(job('batch'), T0 + S - 1n).next).toBeNull();
    const { next } = runThen(job('batch'), T0 + S);
    expect(next?.ClientStatus).toBe('complete');
    expect(next?.TaskStates['t']).toMatchObject({
      State: 'dead',
      Failed: false,
      FinishedAt: T0 + S,
    });
    expect(next?.TaskStates['t']!.Events.at(-1)).toMatchObject({ Type: 'Terminated', ExitCode: 0 });
  });

  it('run_for sets the run time; a non-zero exit_code fails the allocation', () => {
    const j = job('batch', { run_for: '3s', exit_code: 2 });
    expect(runThen(j, T0 + 2n * S).next).toBeNull();
    const { next } = runThen(j, T0 + 3n * S);
    expect(next?.ClientStatus).toBe('failed');
    expect(next?.ClientDescription).toBe('Failed tasks');
    expect(next?.TaskStates['t']!.Failed).toBe(true);
    expect(next?.TaskStates['t']!.Events.map((e) => e.Type).slice(-2)).toEqual([
      'Terminated',
      'Not Restarting',
    ]);
  });

  it('a service task that asks to fail does so after its run time', () =>
    expect(runThen(job('service', { exit_code: 1 }), T0 + S).next?.ClientStatus).toBe('failed'));

  it('a stop request completes the allocation and kills running tasks', () => {
    const tasks = taskPlans(job('service'), 'g');
    const started = nextClientReport(pending, tasks, T0)!;
    const stopped = nextClientReport({ DesiredStatus: 'stop', ...started }, tasks, T0 + S);
    expect(stopped?.ClientStatus).toBe('complete');
    expect(stopped?.TaskStates['t']!.State).toBe('dead');
    expect(stopped?.TaskStates['t']!.Events.map((e) => e.Type).slice(-2)).toEqual([
      'Killing',
      'Killed',
    ]);
  });

  it('terminal allocations are left alone', () => {
    const tasks = taskPlans(job('batch'), 'g');
    const done = { DesiredStatus: 'stop', ClientStatus: 'complete', TaskStates: {} } as const;
    expect(nextClientReport(done, tasks, T0)).toBeNull();
  });
});
