import type { JobInput } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { HOUR, MINUTE, SECOND } from './spec.defaults';

// The register payload from the Jobs API doc (trimmed of nothing that affects defaults).
function sampleJob(): JobInput {
  return {
    ID: 'example',
    Name: 'example',
    Type: 'service',
    Priority: 50,
    Datacenters: ['dc1'],
    TaskGroups: [
      {
        Name: 'cache',
        Count: 1,
        Tasks: [
          {
            Name: 'redis',
            Driver: 'docker',
            User: '',
            Config: { image: 'redis:3.2', port_map: [{ db: 6379 }] },
            Services: [
              {
                Name: 'redis-cache',
                Tags: ['global', 'cache'],
                PortLabel: 'db',
                AddressMode: '',
                Checks: [
                  {
                    Name: 'alive',
                    Type: 'tcp',
                    Args: null,
                    Interval: 10 * SECOND,
                    Timeout: 2 * SECOND,
                  },
                ],
              },
            ],
            Resources: {
              CPU: 500,
              MemoryMB: 256,
              Networks: [
                {
                  Device: '',
                  CIDR: '',
                  IP: '',
                  MBits: 10,
                  DynamicPorts: [{ Label: 'db', Value: 0 }],
                },
              ],
            },
            Leader: false,
          },
        ],
        RestartPolicy: { Interval: 300 * SECOND, Attempts: 10, Delay: 25 * SECOND, Mode: 'delay' },
        ReschedulePolicy: {
          Attempts: 10,
          Delay: 30 * SECOND,
          DelayFunction: 'exponential',
          Interval: 0,
          MaxDelay: HOUR,
          Unlimited: true,
        },
        EphemeralDisk: { SizeMB: 300 },
      },
    ],
    Update: {
      MaxParallel: 1,
      MinHealthyTime: 10 * SECOND,
      HealthyDeadline: 180 * SECOND,
      AutoRevert: false,
      Canary: 0,
    },
  };
}

describe('canonicalizeJob', () => {
  it('fills the API doc sample the way GET /v1/job/:id shows it', () => {
    const job = canonicalizeJob(sampleJob(), { region: 'global' });
    expect(job).toMatchObject({
      Region: 'global',
      Namespace: 'default',
      NodePool: 'default',
      Priority: 50,
    });
    expect(job.Datacenters).toEqual(['dc1']);
    expect(job.Update).toEqual({
      Stagger: 30 * SECOND,
      MaxParallel: 1,
      HealthCheck: '',
      MinHealthyTime: 0,
      HealthyDeadline: 0,
      ProgressDeadline: 0,
      AutoRevert: false,
      AutoPromote: false,
      Canary: 0,
    });
    const tg = job.TaskGroups?.[0];
    expect(tg?.RestartPolicy).toEqual({
      Attempts: 10,
      Interval: 300 * SECOND,
      Delay: 25 * SECOND,
      Mode: 'delay',
      RenderTemplates: false,
    });
    expect(tg?.EphemeralDisk).toEqual({ Sticky: false, SizeMB: 300, Migrate: false });
    expect(tg?.Update).toEqual({
      Stagger: 30 * SECOND,
      MaxParallel: 1,
      HealthCheck: 'checks',
      MinHealthyTime: 10 * SECOND,
      HealthyDeadline: 180 * SECOND,
      ProgressDeadline: 10 * MINUTE,
      AutoRevert: false,
      AutoPromote: false,
      Canary: 0,
    });
    expect(tg?.Migrate).toEqual({
      MaxParallel: 1,
      HealthCheck: 'checks',
      MinHealthyTime: 10 * SECOND,
      HealthyDeadline: 5 * MINUTE,
    });
    const task = tg?.Tasks?.[0];
    expect(task?.KillTimeout).toBe(5 * SECOND);
    expect(task?.LogConfig).toEqual({ MaxFiles: 10, MaxFileSizeMB: 10, Disabled: false });
    expect(task?.RestartPolicy).toEqual(tg?.RestartPolicy);
    expect(task?.Resources).toMatchObject({ CPU: 500, MemoryMB: 256, DiskMB: 0, IOPS: 0 });
    expect(task?.Resources?.Networks?.[0]?.DynamicPorts).toEqual([
      { Label: 'db', Value: 0, To: 0, HostNetwork: 'default', IgnoreCollision: false },
    ]);
    expect(task?.Identity).toMatchObject({ Name: 'default', Audience: ['nomadproject.io'] });
    const check = task?.Services?.[0]?.Checks?.[0];
    expect(check).toMatchObject({
      Name: 'alive',
      Interval: 10 * SECOND,
      Timeout: 2 * SECOND,
      Args: null,
      TaskName: 'redis',
    });
    expect(task?.Services?.[0]).toMatchObject({
      AddressMode: 'auto',
      Provider: 'consul',
      OnUpdate: 'require_healthy',
      Namespace: 'default',
    });
    // A Consul service implies a Consul version constraint on the task.
    expect(task?.Constraints).toEqual([
      { LTarget: '${attr.consul.version}', RTarget: '>= 1.8.0', Operand: 'semver' },
    ]);
  });

  it('applies every default to a bare service job', () => {
    const job = canonicalizeJob(
      { ID: 'web', TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'docker' }] }] },
      { region: 'east' },
    );
    expect(job).toMatchObject({
      ID: 'web',
      Name: 'web',
      Type: 'service',
      Priority: 50,
      Region: 'east',
      Namespace: 'default',
      Datacenters: ['*'],
      NodePool: 'default',
      Meta: null,
      Constraints: null,
      Status: '',
      Version: 0,
    });
    const tg = job.TaskGroups?.[0];
    expect(tg?.Count).toBe(1);
    expect(tg?.RestartPolicy).toEqual({
      Attempts: 2,
      Interval: 30 * MINUTE,
      Delay: 15 * SECOND,
      Mode: 'fail',
      RenderTemplates: false,
    });
    expect(tg?.ReschedulePolicy).toEqual({
      Attempts: 0,
      Interval: 0,
      Delay: 30 * SECOND,
      DelayFunction: 'exponential',
      MaxDelay: HOUR,
      Unlimited: true,
    });
    expect(tg?.Update?.HealthyDeadline).toBe(5 * MINUTE);
    expect(tg?.Tasks?.[0]?.Resources).toMatchObject({ CPU: 100, Cores: 0, MemoryMB: 300 });
  });

  it('gives batch jobs batch defaults and no update or migrate block', () => {
    const job = canonicalizeJob(
      {
        ID: 'b',
        Type: 'batch',
        TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'exec' }] }],
      },
      { region: 'global' },
    );
    const tg = job.TaskGroups?.[0];
    expect(job.Update.MaxParallel).toBe(0);
    expect(tg?.Update).toBeNull();
    expect(tg?.Migrate).toBeNull();
    expect(tg?.RestartPolicy).toMatchObject({ Attempts: 3, Interval: 24 * HOUR });
    expect(tg?.ReschedulePolicy).toEqual({
      Attempts: 1,
      Interval: 24 * HOUR,
      Delay: 5 * SECOND,
      DelayFunction: 'constant',
      MaxDelay: 0,
      Unlimited: false,
    });
  });

  it('gives system and sysbatch groups no reschedule policy', () => {
    for (const Type of ['system', 'sysbatch']) {
      const job = canonicalizeJob(
        { ID: 's', Type, TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'exec' }] }] },
        { region: 'global' },
      );
      expect(job.TaskGroups?.[0]?.ReschedulePolicy).toBeNull();
    }
  });

  it('uses the server default priority only for an explicit 0, and keeps an explicit empty name', () => {
    const job = canonicalizeJob(
      { ID: 'x', Name: '', Priority: 0 },
      { region: 'global', defaultPriority: 70 },
    );
    expect(job.Priority).toBe(70);
    expect(job.Name).toBe('');
    expect(job.TaskGroups).toBeNull();
  });

  it('lets the resolved namespace override the job and merges job-level reschedule into groups', () => {
    const job = canonicalizeJob(
      {
        ID: 'x',
        Namespace: 'a',
        Reschedule: { Attempts: 4, Unlimited: false },
        TaskGroups: [{ Name: 'g', ReschedulePolicy: { Delay: 9 * SECOND } }],
      },
      { region: 'global', namespace: 'b' },
    );
    expect(job.Namespace).toBe('b');
    expect(job.TaskGroups?.[0]?.ReschedulePolicy).toMatchObject({
      Attempts: 4,
      Unlimited: false,
      Delay: 9 * SECOND,
      DelayFunction: 'exponential',
    });
  });

  it('defaults periodic and parameterized blocks', () => {
    const job = canonicalizeJob(
      { ID: 'p', Type: 'batch', Periodic: { Spec: '*/5 * * * *' }, ParameterizedJob: {} },
      { region: 'global' },
    );
    expect(job.Periodic).toEqual({
      Enabled: true,
      Spec: '*/5 * * * *',
      Specs: [],
      SpecType: 'cron',
      ProhibitOverlap: false,
      TimeZone: 'UTC',
    });
    expect(job.ParameterizedJob).toEqual({
      Payload: 'optional',
      MetaRequired: null,
      MetaOptional: null,
    });
  });

  it('takes CPU 0 when cores are requested, and keeps bigint durations exact', () => {
    const big = 2n ** 60n;
    const job = canonicalizeJob(
      {
        ID: 'c',
        TaskGroups: [
          {
            Name: 'g',
            Tasks: [{ Name: 't', Driver: 'd', KillTimeout: big, Resources: { Cores: 2 } }],
          },
        ],
      },
      { region: 'global' },
    );
    const task = job.TaskGroups?.[0]?.Tasks?.[0];
    expect(task?.Resources).toMatchObject({ CPU: 0, Cores: 2 });
    expect(task?.KillTimeout).toBe(big);
  });

  it("keeps UI links, renaming the api package's URL to the server struct's Url", () => {
    const input: JobInput = {
      ...sampleJob(),
      UI: {
        Description: 'cache',
        Links: [{ Label: 'Dashboard', URL: 'https://grafana.example/d/cache' }],
      },
    };
    expect(canonicalizeJob(input, { region: 'global' }).UI).toEqual({
      Description: 'cache',
      Links: [{ Label: 'Dashboard', Url: 'https://grafana.example/d/cache' }],
    });
    const noLinks = canonicalizeJob({ ...input, UI: { Links: [] } }, { region: 'global' });
    expect(noLinks.UI).toEqual({ Description: '', Links: null });
  });

  it('is idempotent', () => {
    const once = canonicalizeJob(sampleJob(), { region: 'global' });
    expect(canonicalizeJob(once, { region: 'global' })).toEqual(once);
  });

  it('adds a signals constraint for kill signals and signal templates', () => {
    const job = canonicalizeJob(
      {
        ID: 'sig',
        TaskGroups: [
          {
            Name: 'g',
            Tasks: [
              {
                Name: 't',
                Driver: 'd',
                KillSignal: 'SIGUSR2',
                Templates: [{ ChangeMode: 'signal', ChangeSignal: 'sigusr1' }],
              },
            ],
          },
        ],
      },
      { region: 'global' },
    );
    expect(job.TaskGroups?.[0]?.Constraints).toEqual([
      { LTarget: '${attr.os.signals}', RTarget: 'SIGUSR1,SIGUSR2', Operand: 'set_contains' },
    ]);
  });
});
