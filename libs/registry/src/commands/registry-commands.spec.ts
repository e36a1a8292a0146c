import { aJob } from '@caravan/domain/jobs';
import type { JobCommand } from '@caravan/domain/jobs';
import type { EventMetadata } from '@caravan/event-store';
import { RegistryCommands } from './registry-commands';

const COMMAND_ID = '6f1c1c9e-3b1a-4c1e-9d7e-1a2b3c4d5e6f';
const NOW = 1_732_608_000_123_456_789n;
const meta = { actor: 'anonymous', correlationId: 'req-42', commandId: COMMAND_ID, now: NOW };

function boundary() {
  const calls: { command: JobCommand; metadata: EventMetadata }[] = [];
  const commands = new RegistryCommands(
    {
      execute: async (command, metadata) => {
        calls.push({ command, metadata });
        return { index: 7, result: {} };
      },
    },
    () => 'eval-1',
  );
  return { calls, execute: commands.execute };
}

const register = (job: unknown = aJob()) => ({
  type: 'RegisterJob',
  payload: {
    job,
    enforceIndex: false,
    jobModifyIndex: 0,
    preserveCounts: false,
    evalPriority: 0,
    submission: null,
  },
  meta,
});

describe('the registry command table', () => {
  it('turns a valid payload into the domain command with the gateway clock and minted ids', async () => {
    const { calls, execute } = boundary();
    await expect(execute(register())).resolves.toEqual({ index: 7, result: {} });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.command).toMatchObject({
      type: 'RegisterJob',
      job: { ID: 'web', Namespace: 'default' },
      evalId: 'eval-1',
      now: NOW,
      actor: 'anonymous',
    });
    expect(calls[0]!.metadata).toEqual({
      actor: 'anonymous',
      correlationId: 'req-42',
      causationId: COMMAND_ID,
      time: NOW,
    });
  });

  it.each([
    ['DeregisterJob', { namespace: 'default', jobId: 'web', purge: true, evalPriority: 0 }],
    ['RevertJob', { namespace: 'default', jobId: 'web', jobVersion: 1, enforcePriorVersion: null }],
    ['SetJobStability', { namespace: 'default', jobId: 'web', jobVersion: 1, stable: true }],
    ['EvaluateJob', { namespace: 'default', jobId: 'web', forceReschedule: false }],
  ])('maps %s onto its domain command', async (type, payload) => {
    const { calls, execute } = boundary();
    await execute({ type, payload, meta });
    expect(calls[0]!.command).toEqual({
      type,
      ...payload,
      ...(type === 'SetJobStability' ? {} : { evalId: 'eval-1' }),
      now: NOW,
      actor: 'anonymous',
    });
  });

  it('reads a small `now` sent as a JSON number as bigint nanoseconds', async () => {
    const { calls, execute } = boundary();
    await execute({ ...register(), meta: { ...meta, now: 5 } });
    expect(calls[0]!.command.now).toBe(5n);
  });

  it.each([
    [
      'not an object',
      'hello',
      'invalid registry command: (root): Expected object, received string',
    ],
    [
      'an unknown type',
      { ...register(), type: 'DropTables' },
      'unknown registry command "DropTables"',
    ],
    [
      'meta without a command id',
      { ...register(), meta: { ...meta, commandId: undefined } },
      'invalid registry command: meta.commandId: Required',
    ],
    [
      'a clock that is not an integer',
      { ...register(), meta: { ...meta, now: '12' } },
      'invalid registry command: meta.now: must be an unsigned 64-bit integer',
    ],
    [
      'a job without an ID',
      register({ ...aJob(), ID: undefined }),
      'invalid RegisterJob payload: job.ID: Required',
    ],
    [
      'a negative group count',
      register({ ...aJob(), TaskGroups: [{ Name: 'web', Count: -1 }] }),
      'invalid RegisterJob payload: job.TaskGroups.0.Count: Number must be greater than or equal to 0',
    ],
    [
      'a version that is not a number',
      {
        type: 'RevertJob',
        payload: {
          namespace: 'default',
          jobId: 'web',
          jobVersion: 'one',
          enforcePriorVersion: null,
        },
        meta,
      },
      'invalid RevertJob payload: jobVersion: Expected number, received string',
    ],
  ])('refuses %s with INVALID_ARGUMENT before running anything', async (_, raw, message) => {
    const { calls, execute } = boundary();
    await expect(execute(raw)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message });
    expect(calls).toHaveLength(0);
  });
});
