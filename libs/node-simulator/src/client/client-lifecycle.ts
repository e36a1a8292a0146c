import {
  isClientTerminal,
  isServerTerminal,
  type ClientStatus,
  type DesiredStatus,
  type TaskState,
} from '@caravan/domain/allocations';
import type { Nanos } from '@caravan/nomad-api';
import { runningTask, taskEvents } from './task-events';
import type { TaskPlan } from './task-plan';

// What a simulated client does next with one allocation, decided purely from what the log
// says about it now (level-triggered: a lost or repeated tick decides the same thing again).

export interface ClientAllocation {
  DesiredStatus: DesiredStatus;
  ClientStatus: ClientStatus;
  TaskStates: Record<string, TaskState>;
}

export interface ClientReport {
  ClientStatus: ClientStatus;
  ClientDescription: string;
  TaskStates: Record<string, TaskState>;
}

/** Nomad's client descriptions (allocrunner's getClientStatus). */
export const CLIENT_DESCRIPTIONS = {
  running: 'Tasks are running',
  complete: 'All tasks have completed',
  failed: 'Failed tasks',
} as const;

const ns = (value: Nanos | null): bigint => BigInt(value ?? 0);

function killed(state: TaskState | undefined, now: bigint): TaskState {
  if (state === undefined || state.State === 'dead')
    return (
      state ?? {
        State: 'dead',
        Failed: false,
        Restarts: 0,
        LastRestart: null,
        StartedAt: null,
        FinishedAt: now,
        Events: [taskEvents.received(now), taskEvents.killed(now)],
      }
    );
  const events = [...state.Events, taskEvents.killing(now), taskEvents.killed(now)];
  return { ...state, State: 'dead', FinishedAt: now, Events: events };
}

function exited(state: TaskState, plan: TaskPlan, now: bigint): TaskState {
  const failed = plan.exitCode !== 0;
  const events = [...state.Events, taskEvents.terminated(now, plan.exitCode)];
  if (failed) events.push(taskEvents.notRestarting(now));
  return { ...state, State: 'dead', Failed: failed, FinishedAt: now, Events: events };
}

function settle(TaskStates: Record<string, TaskState>): ClientReport {
  const states = Object.values(TaskStates);
  if (states.some((s) => s.State !== 'dead'))
    return { ClientStatus: 'running', ClientDescription: CLIENT_DESCRIPTIONS.running, TaskStates };
  if (states.some((s) => s.Failed))
    return { ClientStatus: 'failed', ClientDescription: CLIENT_DESCRIPTIONS.failed, TaskStates };
  return { ClientStatus: 'complete', ClientDescription: CLIENT_DESCRIPTIONS.complete, TaskStates };
}

/**
 * The report to send for `alloc` at `now`, or null when nothing changed. Stop/evict wins over
 * everything; a pending allocation starts all its tasks at once; a running task whose run time
 * is over exits with its exit code; the allocation ends when its last task does.
 */
export function nextClientReport(
  alloc: ClientAllocation,
  tasks: readonly TaskPlan[],
  now: bigint,
): ClientReport | null {
  if (isClientTerminal(alloc.ClientStatus)) return null;
  if (isServerTerminal(alloc.DesiredStatus)) {
    const TaskStates: Record<string, TaskState> = {};
    for (const t of tasks) TaskStates[t.name] = killed(alloc.TaskStates[t.name], now);
    return {
      ClientStatus: 'complete',
      ClientDescription: CLIENT_DESCRIPTIONS.complete,
      TaskStates,
    };
  }
  if (alloc.ClientStatus === 'pending') {
    const TaskStates = Object.fromEntries(tasks.map((t) => [t.name, runningTask(now)]));
    return settle(TaskStates);
  }
  if (alloc.ClientStatus !== 'running') return null;
  let changed = false;
  const TaskStates: Record<string, TaskState> = { ...alloc.TaskStates };
  for (const t of tasks) {
    const state = TaskStates[t.name];
    if (state?.State !== 'running' || t.runForNs === null) continue;
    if (now < ns(state.StartedAt) + t.runForNs) continue;
    TaskStates[t.name] = exited(state, t, now);
    changed = true;
  }
  return changed ? settle(TaskStates) : null;
}
