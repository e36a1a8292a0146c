import { canonicalizeApiShapeJob } from './canonicalize-api-shape';

const S = 1_000_000_000;
const M = 60 * S;

const restartService = {
  Attempts: 2,
  Interval: 30 * M,
  Delay: 15 * S,
  Mode: 'fail',
  RenderTemplates: false,
};
const defaultUpdate = {
  Stagger: 30 * S,
  MaxParallel: 1,
  HealthCheck: 'checks',
  MinHealthyTime: 10 * S,
  HealthyDeadline: 5 * M,
  ProgressDeadline: 10 * M,
  AutoRevert: false,
  AutoPromote: false,
  Canary: 0,
};

describe('canonicalizeApiShapeJob (the api package defaults, api shape)', () => {
  it('fills job, group and task defaults but keeps nulls the api leaves alone', () => {
    const out = canonicalizeApiShapeJob({
      ID: 'web',
      Datacenters: null,
      Meta: {},
      TaskGroups: [
        {
          Name: 'g',
          Count: null,
          Update: { Canary: 2, AutoPromote: true },
          Affinities: [{ LTarget: 'a', RTarget: 'b', Operand: '=', Weight: null }],
          StopAfterClientDisconnect: 5 * S,
          Tasks: [
            {
              Name: 't',
              Resources: { Cores: 2, CPU: null, MemoryMB: null },
              RestartPolicy: { Attempts: 9, Interval: null },
              KillTimeout: 0,
              Lifecycle: { Hook: '', Sidecar: false },
              Identity: null,
              Config: {},
            },
          ],
        },
      ],
    });
    expect(out).toMatchObject({
      ID: 'web',
      Name: 'web',
      Region: 'global',
      Namespace: 'default',
      Type: 'service',
      Priority: 50,
      NodePool: '',
      Datacenters: null,
      Meta: {},
      Update: defaultUpdate,
    });
    const [group] = out.TaskGroups as [Record<string, unknown>];
    expect(group).toEqual({
      Name: 'g',
      Count: 1,
      Update: { ...defaultUpdate, Canary: 2, AutoPromote: true },
      Affinities: [{ LTarget: 'a', RTarget: 'b', Operand: '=', Weight: 50 }],
      StopAfterClientDisconnect: 5 * S,
      EphemeralDisk: { Sticky: false, SizeMB: 300, Migrate: false },
      ReschedulePolicy: {
        Attempts: 0,
        Interval: 0,
        Delay: 30 * S,
        DelayFunction: 'exponential',
        MaxDelay: 60 * M,
        Unlimited: true,
      },
      Migrate: {
        MaxParallel: 1,
        HealthCheck: 'checks',
        MinHealthyTime: 10 * S,
        HealthyDeadline: 5 * M,
      },
      RestartPolicy: restartService,
      Tasks: [
        {
          Name: 't',
          // Asking for cores leaves CPU unset in the api shape (the server makes it 0).
          Resources: { Cores: 2, CPU: null, MemoryMB: 300 },
          RestartPolicy: { ...restartService, Attempts: 9 },
          // Only a nil KillTimeout is defaulted by the api; the server turns 0 into 5s.
          KillTimeout: 0,
          LogConfig: { MaxFiles: 10, MaxFileSizeMB: 10, Disabled: false },
          Lifecycle: null,
          Identity: null,
          Config: {},
        },
      ],
    });
  });

  it('gives batch groups no update or migrate and the batch restart and reschedule', () => {
    const out = canonicalizeApiShapeJob({
      ID: 'b',
      Type: 'batch',
      Reschedule: { Attempts: 5 },
      TaskGroups: [{ Name: 'g', Scaling: { Min: 3, Max: 5 }, Tasks: [] }],
    });
    expect(out.Update).toBeUndefined();
    expect((out.TaskGroups as Record<string, unknown>[])[0]).toEqual({
      Name: 'g',
      Count: 3,
      Scaling: { Min: 3, Max: 5, Type: 'horizontal', Enabled: true },
      EphemeralDisk: { Sticky: false, SizeMB: 300, Migrate: false },
      Update: null,
      ReschedulePolicy: {
        Attempts: 5,
        Interval: 24 * 60 * M,
        Delay: 5 * S,
        DelayFunction: 'constant',
        MaxDelay: 0,
        Unlimited: false,
      },
      RestartPolicy: {
        Attempts: 3,
        Interval: 24 * 60 * M,
        Delay: 15 * S,
        Mode: 'fail',
        RenderTemplates: false,
      },
      Tasks: [],
    });
  });

  it('defaults templates, artifacts and vault blocks', () => {
    const out = canonicalizeApiShapeJob({
      ID: 's',
      Type: 'system',
      TaskGroups: [
        {
          Name: 'g',
          Tasks: [
            {
              Name: 't',
              Templates: [
                { EmbeddedTmpl: 'x', ChangeMode: 'signal', ChangeSignal: null, Uid: null },
              ],
              Artifacts: [
                { GetterSource: 'https://h/a/file.bin', GetterMode: 'file' },
                { GetterSource: 'https://h/b.tgz', RelativeDest: null },
              ],
              Vault: { Role: 'r', ChangeSignal: 'sigusr1' },
            },
          ],
        },
      ],
    });
    const [group] = out.TaskGroups as [Record<string, unknown>];
    expect(group.ReschedulePolicy).toBeNull();
    expect(group.Migrate).toBeUndefined();
    const [task] = group.Tasks as [Record<string, unknown>];
    expect(task.Templates).toEqual([
      {
        SourcePath: '',
        DestPath: '',
        EmbeddedTmpl: 'x',
        ChangeMode: 'signal',
        ChangeSignal: 'SIGHUP',
        Uid: null,
        Splay: 5 * S,
        Perms: '0644',
        LeftDelim: '{{',
        RightDelim: '}}',
        Envvars: false,
        VaultGrace: 0,
        ErrMissingKey: false,
        Once: false,
      },
    ]);
    expect(task.Artifacts).toEqual([
      {
        GetterSource: 'https://h/a/file.bin',
        GetterMode: 'file',
        GetterInsecure: false,
        RelativeDest: 'local/file.bin',
      },
      {
        GetterSource: 'https://h/b.tgz',
        GetterMode: 'any',
        GetterInsecure: false,
        RelativeDest: 'local/',
      },
    ]);
    expect(task.Vault).toEqual({
      Role: 'r',
      Namespace: '',
      Cluster: 'default',
      Env: true,
      DisableFile: false,
      ChangeMode: 'restart',
      ChangeSignal: 'sigusr1',
      AllowTokenExpiration: false,
    });
  });
});
