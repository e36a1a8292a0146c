import type { TaskEvent, TaskState } from '@caravan/domain/allocations';

// Task events as a Nomad client writes them (structs.NewTaskEvent plus its DisplayMessage
// strings), so `nomad alloc status` style readers show familiar lines.

function event(
  Type: string,
  now: bigint,
  DisplayMessage: string,
  Details: Record<string, string> = {},
): TaskEvent {
  return { Type, Time: now, DisplayMessage, Details };
}

export const taskEvents = {
  received: (now: bigint) => event('Received', now, 'Task received by client'),
  setup: (now: bigint) =>
    event('Task Setup', now, 'Building Task Directory', { message: 'Building Task Directory' }),
  started: (now: bigint) => event('Started', now, 'Task started by client'),
  terminated: (now: bigint, exitCode: number): TaskEvent => ({
    ...event('Terminated', now, `Exit Code: ${exitCode}`, {
      exit_code: String(exitCode),
      signal: '0',
      oom_killed: 'false',
    }),
    ExitCode: exitCode,
  }),
  notRestarting: (now: bigint) =>
    event('Not Restarting', now, 'Policy allows no restarts', {
      fails_task: 'true',
      restart_reason: 'Policy allows no restarts',
    }),
  killing: (now: bigint) =>
    event('Killing', now, 'Sent interrupt. Waiting 5s before force killing', {
      kill_timeout: '5s',
    }),
  killed: (now: bigint) => event('Killed', now, 'Task successfully killed'),
};

export function runningTask(now: bigint): TaskState {
  return {
    State: 'running',
    Failed: false,
    Restarts: 0,
    LastRestart: null,
    StartedAt: now,
    FinishedAt: null,
    Events: [taskEvents.received(now), taskEvents.setup(now), taskEvents.started(now)],
  };
}
