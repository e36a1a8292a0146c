import type { JobInput } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { SECOND } from './spec.defaults';
import { validateJob } from './validate';

type GroupInput = NonNullable<JobInput['TaskGroups']>[number];
type TaskInput = NonNullable<GroupInput['Tasks']>[number];
const net = { DynamicPorts: [{ Label: 'http' }] };
const errorsOf = (group: Partial<GroupInput>, task: Partial<TaskInput> = {}) =>
  validateJob(
    canonicalizeJob(
      {
        ID: 'j',
        TaskGroups: [
          {
            Name: 'g',
            Networks: [net],
            Tasks: [{ Name: 't', Driver: 'docker', ...task }],
            ...group,
          },
        ],
      },
      { region: 'global' },
    ),
  );
const multi = (errs: string[]) =>
  errs.length === 1
    ? `1 error occurred:\n\t* ${errs[0]}\n\n`
    : `${errs.length} errors occurred:\n\t${errs.map((e) => `* ${e}`).join('\n\t')}\n\n`;
const group = (...inner: string[]) => `Task group g validation failed: ${multi(inner)}`;
const task = (...inner: string[]) => group(`Task t validation failed: ${multi([multi(inner)])}`);
const http = {
  Name: 'c',
  Type: 'http',
  Path: '/health',
  Interval: 10 * SECOND,
  Timeout: 2 * SECOND,
};

describe('service validation', () => {
  it('accepts interpolated names and valid http checks on both providers', () => {
    const checks = [http];
    expect(
      errorsOf({
        Services: [{ Name: '${NOMAD_JOB_NAME}-api', PortLabel: 'http', Checks: checks }],
      }),
    ).toEqual([]);
    expect(
      errorsOf(
        {},
        { Services: [{ Name: 'web', Provider: 'nomad', PortLabel: 'http', Checks: checks }] },
      ),
    ).toEqual([]);
  });

  it('rejects bad names and providers on group services', () => {
    expect(errorsOf({ Services: [{ Name: 'bad_name', Provider: 'etcd' }] })).toEqual([
      group(
        `Task group service validation failed: ${multi([
          `Service[0] bad_name validation failed: ${multi([
            'Service name must be valid per RFC 1123 and can contain only alphanumeric characters or dashes and must be no longer than 63 characters: "bad_name"',
            'Service provider must be "consul", or "nomad"; not "etcd"',
          ])}`,
        ])}`,
      ),
    ]);
  });

  it('checks check types, http paths, intervals and timeouts (first problem only)', () => {
    const bad = [
      { ...http, Name: 'a', Type: 'udp' },
      { ...http, Name: 'b', Path: '' },
      { ...http, Name: 'c', Path: 'http://x/health' },
      { ...http, Name: 'd', Interval: 0 },
      { ...http, Name: 'e', Timeout: SECOND / 2 },
      { Name: 'f', Type: 'script', Interval: SECOND, Timeout: SECOND },
    ];
    expect(errorsOf({}, { Services: [{ Name: 'web', PortLabel: 'http', Checks: bad }] })).toEqual([
      task(
        `service[0] "web" validation failed: ${multi([
          'Check a invalid: invalid check type ("udp"), must be one of grpc, tcp, http, script',
          'Check b invalid: http type must have http path',
          'Check c invalid: http type must have relative http path',
          'Check d invalid: missing required value interval. Interval cannot be less than 1s',
          'Check e invalid: timeout (500ms) is lower than required minimum timeout 1s',
          'Check f invalid: script type must have a valid script path',
        ])}`,
      ),
    ]);
  });

  it('applies the nomad provider limits', () => {
    const checks = [
      { ...http, Type: 'script', Command: 'x' },
      { ...http, Name: 'd', Method: 'FETCH' },
    ];
    expect(
      errorsOf(
        {},
        { Services: [{ Name: 'web', Provider: 'nomad', PortLabel: 'http', Checks: checks }] },
      ),
    ).toEqual([
      task(
        `service[0] "web" validation failed: ${multi([
          'invalid check type ("script"), must be one of tcp, http',
          'method type "FETCH" not supported in Nomad http check',
        ])}`,
      ),
    ]);
  });

  it('requires existing port labels and reports duplicates', () => {
    expect(
      errorsOf(
        {},
        {
          Services: [
            { Name: 'web', PortLabel: 'nope', Checks: [http, http] },
            { Name: 'web', PortLabel: 'nope' },
            { Name: 'other', Checks: [{ ...http, PortLabel: '8080' }] },
          ],
        },
      ),
    ).toEqual([
      group(
        'Task group service validation failed: 1 error occurred:\n\t* Services are not unique: [t->web:nope]\n\n',
        `Task t validation failed: ${multi([
          multi([
            'check "c" is duplicate',
            'service "web" is duplicate',
            'check "c" cannot use a numeric port 8080 without setting address_mode="driver"',
            'port label "nope" referenced by services web does not exist',
          ]),
        ])}`,
      ),
    ]);
  });

  it('rejects mixed providers and checks naming missing tasks', () => {
    expect(
      errorsOf(
        {
          Services: [
            {
              Name: 'a',
              Provider: 'nomad',
              PortLabel: 'http',
              Checks: [{ ...http, TaskName: 'x' }],
            },
            {
              Name: 's',
              Checks: [
                { Name: 'sc', Type: 'script', Command: 'c', Interval: SECOND, Timeout: SECOND },
              ],
            },
          ],
        },
        { Services: [{ Name: 'b', PortLabel: 'http' }] },
      ),
    ).toEqual([
      group(
        `Task group service validation failed: ${multi([
          'Check c invalid: refers to non-existent task x',
          'Multiple service providers used: task group services must use the same provider',
        ])}`,
        'Task group service check validation failed: 1 error occurred:\n\t* Service [g]->s or Check sc must specify task parameter\n\n',
      ),
    ]);
  });
});
