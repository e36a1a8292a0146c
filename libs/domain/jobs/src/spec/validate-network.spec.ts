import type { JobInput } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { validateJob } from './validate';

type GroupInput = NonNullable<JobInput['TaskGroups']>[number];
const errorsOf = (group: Partial<GroupInput>) =>
  validateJob(
    canonicalizeJob(
      { ID: 'j', TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'docker' }], ...group }] },
      { region: 'global' },
    ),
  );
const wrap = (...inner: string[]) =>
  `Task group g validation failed: 1 error occurred:\n\t* Task group network validation failed: ${
    inner.length === 1
      ? `1 error occurred:\n\t* ${inner[0]}\n\n`
      : `${inner.length} errors occurred:\n\t${inner.map((e) => `* ${e}`).join('\n\t')}\n\n`
  }\n\n`;

describe('validateNetworks', () => {
  it('accepts distinct labels and static ports on different host networks', () => {
    expect(
      errorsOf({
        Networks: [
          {
            ReservedPorts: [
              { Label: 'a', Value: 8080 },
              { Label: 'b', Value: 8080, HostNetwork: 'public' },
            ],
            DynamicPorts: [{ Label: 'c', To: 80 }],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('rejects duplicate labels, reused static ports and out-of-range ports', () => {
    expect(
      errorsOf({
        Networks: [
          {
            ReservedPorts: [
              { Label: 'http', Value: 80 },
              { Label: 'alt', Value: 80 },
              { Label: 'big', Value: 70000, To: 70000 },
            ],
            DynamicPorts: [{ Label: 'http', To: -2 }],
          },
        ],
      }),
    ).toEqual([
      wrap(
        'Static port 80 already reserved by taskgroup network:http',
        'Port big (70000) cannot be greater than 65535',
        'Port "big" cannot be mapped to a port (70000) greater than 65535',
        'Port label http already in use by taskgroup network',
        'Port "http" cannot be mapped to negative value -2',
      ),
    ]);
  });

  it('honours ignore_collision only in host mode', () => {
    const ports = [
      { Label: 'a', Value: 80 },
      { Label: 'b', Value: 80, IgnoreCollision: true },
    ];
    expect(errorsOf({ Networks: [{ Mode: 'host', ReservedPorts: ports }] })).toEqual([]);
    expect(errorsOf({ Networks: [{ Mode: 'bridge', ReservedPorts: ports }] })).toEqual([
      wrap('Port "b" collision may not be ignored on non-host network mode "bridge"'),
    ]);
  });

  it('checks task ports against group labels and static ports', () => {
    expect(
      errorsOf({
        Networks: [{ ReservedPorts: [{ Label: 'http', Value: 80 }] }],
        Tasks: [
          {
            Name: 't',
            Driver: 'docker',
            Resources: {
              Networks: [
                {
                  ReservedPorts: [
                    { Label: 'http', Value: 80 },
                    { Label: 'x', Value: 81 },
                  ],
                },
              ],
            },
          },
          {
            Name: 'u',
            Driver: 'docker',
            Resources: { Networks: [{ ReservedPorts: [{ Label: 'y', Value: 81 }] }] },
          },
        ],
      }),
    ).toEqual([
      wrap(
        'Port label http already in use by taskgroup network',
        'Static port 80 already reserved by taskgroup network:http',
        'Static port 81 already reserved by t:x',
      ),
    ]);
  });

  it('checks CNI args and the hostname', () => {
    expect(
      errorsOf({
        Networks: [
          { Mode: 'bridge', Hostname: 'bad..name', CNI: { Args: { 'a;b': 'v', c: 'x;y' } } },
          { Mode: 'bridge', Hostname: '${NOMAD_ALLOC_ID}', CNI: { Args: { c: 'z' } } },
        ],
      }),
    ).toEqual([
      wrap(
        `invalid ';' character in CNI arg key "a;b"`,
        `invalid ';' character in CNI arg value "x;y"`,
        'Hostname is not a valid DNS name',
        'duplicate CNI arg "c"',
      ),
    ]);
  });
});
