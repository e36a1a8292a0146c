import { parseJobspec, type NomadJobJson } from './index';
import { BATCH_JOBSPEC, FULL_JOBSPEC } from './jobspec.fixture';

type Obj = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((acc, k) => (acc as Record<string | number, unknown> | null)?.[k], o);

describe('parseJobspec: block mapping (jobspec2 rules)', () => {
  let job: NomadJobJson;
  beforeAll(async () => {
    job = await parseJobspec(FULL_JOBSPEC);
  });
  const group = (): Obj => at(job, 'TaskGroups', 0) as Obj;
  const task = (i: number): Obj => at(group(), 'Tasks', i) as Obj;

  it('maps job attributes', () => {
    expect(job).toMatchObject({
      ID: 'web',
      Name: 'web',
      Region: 'eu',
      Namespace: 'prod',
      Type: 'service',
      Priority: 70,
      AllAtOnce: true,
      Datacenters: ['dc1', 'dc2'],
      NodePool: 'large',
      Meta: { 'team.name': 'core' },
    });
  });

  it('maps constraints, including the shorthand operators', () => {
    expect(job['Constraints']).toEqual([
      { LTarget: '${attr.kernel.name}', RTarget: 'linux', Operand: '=' },
      { LTarget: '', RTarget: '', Operand: 'distinct_hosts' },
      { LTarget: '${attr.nomad.version}', RTarget: '>= 1.6', Operand: 'version' },
    ]);
  });

  it('maps affinity and spread (targets in source order)', () => {
    expect(job['Affinities']).toEqual([
      { LTarget: '${node.datacenter}', RTarget: 'dc1', Operand: '=', Weight: 50 },
    ]);
    expect(job['Spreads']).toEqual([
      {
        Attribute: '${node.datacenter}',
        Weight: 100,
        SpreadTarget: [
          { Value: 'dc2', Percent: 30 },
          { Value: 'dc1', Percent: 70 },
        ],
      },
    ]);
  });

  it('maps update/migrate/reschedule with durations as int64 nanoseconds (bigint past 2^53)', () => {
    expect(job['Update']).toEqual({
      Stagger: 9_223_369_200_000_000_000n,
      MaxParallel: 2,
      HealthCheck: null,
      MinHealthyTime: 10_000_000_000,
      HealthyDeadline: 300_000_000_000,
      ProgressDeadline: 5_400_000_000_000,
      Canary: 1,
      AutoRevert: true,
      AutoPromote: null,
    });
    expect(job['Migrate']).toEqual({
      MaxParallel: 1,
      HealthCheck: 'checks',
      MinHealthyTime: null,
      HealthyDeadline: null,
    });
    expect(job['Reschedule']).toEqual({
      Attempts: null,
      Interval: null,
      Delay: 30_000_000_000,
      DelayFunction: 'exponential',
      MaxDelay: 3_600_000_000_000,
      Unlimited: true,
    });
  });

  it('maps group count, restart, ephemeral_disk and scaling', () => {
    expect(group()).toMatchObject({
      Name: 'frontend',
      Count: 3,
      RestartPolicy: {
        Attempts: 2,
        Interval: 1_800_000_000_000,
        Delay: 15_000_000_000,
        Mode: 'fail',
        RenderTemplates: null,
      },
      EphemeralDisk: { Sticky: true, Migrate: null, SizeMB: 300 },
      Scaling: { Min: 1, Max: 10, Policy: { cooldown: '1m' }, Enabled: null, Type: 'horizontal' },
    });
  });

  it('splits ports into reserved (static) and dynamic, keeping to/host_network', () => {
    expect(at(group(), 'Networks', 0)).toMatchObject({
      Mode: 'bridge',
      ReservedPorts: [
        { Label: 'admin', Value: 9000, To: 0, HostNetwork: '', IgnoreCollision: false },
      ],
      DynamicPorts: [
        { Label: 'http', Value: 0, To: 8080, HostNetwork: 'public', IgnoreCollision: false },
      ],
    });
  });

  it('maps host and CSI volumes keyed by name', () => {
    expect(at(group(), 'Volumes', 'certs')).toMatchObject({
      Name: 'certs',
      Type: 'host',
      Source: 'certs',
      ReadOnly: true,
    });
    expect(at(group(), 'Volumes', 'data')).toMatchObject({
      Type: 'csi',
      AccessMode: 'single-node-writer',
      AttachmentMode: 'file-system',
      PerAlloc: true,
      MountOptions: { FSType: 'ext4', MountFlags: null },
    });
  });

  it('maps services and checks', () => {
    expect(at(group(), 'Services', 0)).toMatchObject({
      Name: 'web',
      PortLabel: 'http',
      Tags: ['a', 'b'],
    });
    expect(at(group(), 'Services', 0, 'Checks', 0)).toMatchObject({
      Type: 'http',
      Path: '/health',
      Interval: 10_000_000_000,
      Timeout: 2_000_000_000,
      Header: { Authorization: ['Basic x'] },
      CheckRestart: { Limit: 3, Grace: 90_000_000_000, IgnoreWarnings: false },
    });
  });

  it('maps task basics; driver config stays a free-form map', () => {
    expect(task(0)).toMatchObject({
      Name: 'server',
      Driver: 'docker',
      Leader: true,
      KillTimeout: 20_000_000_000,
      KillSignal: 'SIGINT',
      Config: { image: 'nginx:1.25', ports: ['http'], mount: [{ type: 'bind', target: '/etc/x' }] },
      Env: { PORT: '8080', DEBUG: '1' },
      Lifecycle: { Hook: 'poststart', Sidecar: true },
      LogConfig: { MaxFiles: 3, MaxFileSizeMB: 10, Enabled: null, Disabled: null },
      VolumeMounts: [
        {
          Volume: 'certs',
          Destination: '/certs',
          ReadOnly: null,
          PropagationMode: null,
          SELinuxLabel: null,
        },
      ],
    });
  });

  it('maps resources and devices', () => {
    expect(task(0)['Resources']).toMatchObject({
      CPU: 500,
      MemoryMB: 256,
      MemoryMaxMB: 512,
      Devices: [{ Name: 'nvidia/gpu', Count: 1, Constraints: null, Affinities: null }],
    });
  });

  it('applies jobspec2 template defaults and maps artifacts', () => {
    expect(at(task(0), 'Templates', 0)).toMatchObject({
      EmbeddedTmpl: 'PORT={{ env "NOMAD_PORT_http" }}\n',
      DestPath: 'local/app.env',
      Envvars: true,
      ChangeMode: 'restart',
      Perms: '0644',
      Splay: 5_000_000_000,
      ErrMissingKey: false,
      ChangeScript: {
        Command: '/reload',
        Args: [],
        Timeout: 5_000_000_000,
        FailOnError: true,
        RunOnFirstRender: null,
      },
    });
    expect(at(task(0), 'Artifacts', 0)).toMatchObject({
      GetterSource: 'https://example.com/app.tgz',
      RelativeDest: 'local/app',
      GetterOptions: { checksum: 'sha256:abc' },
    });
  });

  it('turns task scaling "mem" into a vertical policy', () => {
    expect(task(0)['ScalingPolicies']).toEqual([
      expect.objectContaining({ Max: 1024, Type: 'vertical_mem', Policy: null }),
    ]);
  });

  it('gives tasks the job vault unless they have their own, with jobspec2 vault defaults', () => {
    expect(task(0)['Vault']).toMatchObject({ Policies: ['web'], Env: true, ChangeMode: 'restart' });
    expect(task(1)['Vault']).toMatchObject({ Policies: ['logs'], Env: true, ChangeMode: 'signal' });
    expect(task(1)['CSIPluginConfig']).toMatchObject({ ID: 'ebs', Type: 'monolith' });
    expect('CSIPluginConfig' in task(0)).toBe(false); // json:",omitempty"
  });
});

describe('parseJobspec: batch, periodic, parameterized and job-level tasks', () => {
  it('maps periodic (SpecType "cron" when cron is set) and parameterized', async () => {
    const job = await parseJobspec(BATCH_JOBSPEC);
    expect(job['Periodic']).toEqual({
      Enabled: null,
      Spec: '*/15 * * * *',
      Specs: ['0 * * * *'],
      SpecType: 'cron',
      ProhibitOverlap: true,
      TimeZone: 'Europe/Paris',
    });
    expect(job['ParameterizedJob']).toEqual({
      Payload: 'required',
      MetaRequired: ['customer'],
      MetaOptional: null,
    });
  });

  it('wraps a job-level task in a group of its own name', async () => {
    const job = await parseJobspec(BATCH_JOBSPEC);
    expect(at(job, 'TaskGroups', 0, 'Name')).toBe('solo');
    expect(at(job, 'TaskGroups', 0, 'Count')).toBeNull();
    expect(at(job, 'TaskGroups', 0, 'Tasks', 0, 'DispatchPayload')).toEqual({ File: 'input.json' });
  });

  it('moves the default identity to Identity, as jobspec2 does for pre-1.7 agents', async () => {
    const task = (body: string) =>
      parseJobspec(`job "i" {\n  group "g" {\n    task "t" {\n${body}    }\n  }\n}\n`).then(
        (job) => at(job, 'TaskGroups', 0, 'Tasks', 0) as Obj,
      );
    const only = await task('      identity {\n        env = true\n      }\n');
    expect(only['Identity']).toMatchObject({ Name: '', Env: true });
    expect(only['Identities']).toEqual([]);

    const both = await task(
      '      identity {\n        name = "vault"\n        aud = ["v"]\n      }\n' +
        '      identity {\n        name = "default"\n        file = true\n      }\n',
    );
    expect(both['Identity']).toMatchObject({ Name: 'default', File: true });
    expect((both['Identities'] as Obj[]).map((id) => id['Name'])).toEqual(['vault']);

    const named = await task('      identity {\n        name = "vault"\n      }\n');
    expect(named['Identity']).toBeNull();
    expect((named['Identities'] as Obj[]).map((id) => id['Name'])).toEqual(['vault']);

    const none = await task('');
    expect(none['Identity']).toBeNull();
    expect(none['Identities']).toBeNull();
  });

  it('leaves SpecType unset when only crons is given', async () => {
    const job = await parseJobspec('job "p" {\n  periodic {\n    crons = ["@daily"]\n  }\n}\n');
    expect(at(job, 'Periodic', 'SpecType')).toBeNull();
  });

  it('keeps groups and tasks in source order', async () => {
    const job = await parseJobspec(
      'job "o" {\n  group "z" {\n    task "b" {}\n    task "a" {}\n  }\n  group "a" {}\n}\n',
    );
    expect((job['TaskGroups'] as Obj[]).map((g) => g['Name'])).toEqual(['z', 'a']);
    expect((at(job, 'TaskGroups', 0, 'Tasks') as Obj[]).map((t) => t['Name'])).toEqual(['b', 'a']);
  });

  it('unescapes $${...} and keeps runtime interpolations as text', async () => {
    const job = await parseJobspec(
      'job "e" {\n  meta {\n    a = "$$' +
        '{literal}"\n    b = "$' +
        '{node.unique.name}-x"\n  }\n}\n',
    );
    expect(job['Meta']).toEqual({ a: '${literal}', b: '${node.unique.name}-x' });
  });
});
