import { jobDiff } from '..';
import { aJobSpec, field, group, object, task, withGroup, withTask } from './job-diff.fixtures';

// Given a change inside a group or task, when diffed, then it lands where Nomad shows it.

const base = aJobSpec();

describe('jobDiff: groups and tasks', () => {
  it('a count change edits the group with a Count field', () => {
    const diff = jobDiff(
      base,
      withGroup(base, () => ({ Count: 5 })),
      false,
    );
    expect(group(diff)).toMatchObject({
      Type: 'Edited',
      Fields: [field('Edited', 'Count', '3', '5')],
    });
    expect(group(diff).Tasks).toBeNull();
  });

  it('a config change shows the Config object leaf by leaf', () => {
    const next = withTask(base, (t) => ({ Config: { ...t.Config, image: 'nginx:1.26' } }));
    expect(task(jobDiff(base, next, false)).Objects).toEqual([
      {
        Type: 'Edited',
        Name: 'Config',
        Fields: [field('Edited', 'image', 'nginx:1.25', 'nginx:1.26')],
        Objects: null,
      },
    ]);
  });

  it('an env change is a task field named Env[key]', () => {
    const next = withTask(base, () => ({ Env: { MODE: 'dev' } }));
    expect(task(jobDiff(base, next, false)).Fields).toEqual([
      field('Edited', 'Env[MODE]', 'prod', 'dev'),
    ]);
  });

  it('a resources change is a Resources object', () => {
    const next = withTask(base, (t) => ({ Resources: { ...t.Resources, CPU: 800 } }));
    expect(task(jobDiff(base, next, false)).Objects).toEqual([
      {
        Type: 'Edited',
        Name: 'Resources',
        Fields: [field('Edited', 'CPU', '500', '800')],
        Objects: null,
      },
    ]);
  });

  it('a group added next to an unchanged one is the only group listed', () => {
    const extra = { ...base.TaskGroups![0]!, Name: 'api' };
    const diff = jobDiff(base, { ...base, TaskGroups: [...base.TaskGroups!, extra] }, false);
    expect(diff.TaskGroups?.map((g) => [g.Name, g.Type])).toEqual([['api', 'Added']]);
  });
});

describe('jobDiff: contextual', () => {
  const next = withGroup(base, () => ({ Count: 5 }));

  it('shows unchanged group fields and blocks as None around the change', () => {
    const diff = jobDiff(base, next, true);
    expect(group(diff).Fields).toContainEqual(
      field('None', 'PreventRescheduleOnLost', 'false', 'false'),
    );
    expect(group(diff).Fields).toContainEqual(field('Edited', 'Count', '3', '5'));
    expect(object(group(diff).Objects, 'RestartPolicy').Type).toBe('None');
    expect(task(diff)).toMatchObject({ Type: 'None', Name: 'app' });
    expect(task(diff).Fields).toContainEqual(field('None', 'Driver', 'docker', 'docker'));
  });

  it('still lists only the changed job-level fields', () => {
    expect(jobDiff(base, next, true).Fields).toBeNull();
  });

  it('hides what did not change without context', () => {
    expect(group(jobDiff(base, next, false)).Objects).toBeNull();
  });
});

describe('jobDiff: nested objects', () => {
  const port = (Label: string, Value: number) => ({
    Label,
    Value,
    To: 0,
    HostNetwork: 'default',
    IgnoreCollision: false,
  });
  const network = (reserved: ReturnType<typeof port>[], dynamic: ReturnType<typeof port>[]) => ({
    Mode: 'bridge',
    Device: '',
    CIDR: '',
    IP: '',
    Hostname: '',
    MBits: 0,
    DNS: null,
    ReservedPorts: reserved,
    DynamicPorts: dynamic,
    CNI: null,
  });

  it('a static port added to a group network is a nested Static Port object', () => {
    const old = withGroup(base, () => ({ Networks: [network([], [])] }));
    const next = withGroup(base, () => ({ Networks: [network([port('http', 8080)], [])] }));
    expect(group(jobDiff(old, next, false)).Objects).toEqual([
      {
        Type: 'Edited',
        Name: 'Network',
        Fields: null,
        Objects: [
          {
            Type: 'Added',
            Name: 'Static Port',
            Fields: [
              field('Added', 'HostNetwork', '', 'default'),
              field('Added', 'IgnoreCollision', '', 'false'),
              field('Added', 'Label', '', 'http'),
              field('Added', 'To', '', '0'),
              field('Added', 'Value', '', '8080'),
            ],
            Objects: null,
          },
        ],
      },
    ]);
  });

  it('a dynamic port the scheduler picked a new value for is no change', () => {
    const old = withGroup(base, () => ({ Networks: [network([], [port('http', 20001)])] }));
    const next = withGroup(base, () => ({ Networks: [network([], [port('http', 24567)])] }));
    expect(group(jobDiff(old, next, false)).Objects).toBeNull();
  });

  it('nested config maps and lists are flattened with [key] and [i]', () => {
    const next = withTask(base, (t) => ({ Config: { ...t.Config, port_map: [{ http: 80 }] } }));
    expect(object(task(jobDiff(base, next, false)).Objects, 'Config').Fields).toEqual([
      field('Added', 'port_map[0][http]', '', '80'),
    ]);
  });
});
