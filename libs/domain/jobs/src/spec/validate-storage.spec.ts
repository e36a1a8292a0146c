import type { JobInput } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { SECOND } from './spec.defaults';
import { validateJob } from './validate';
import { validateVolumeRequest } from './validate-storage';
import { escapesAlloc } from './validate-task-files';

type GroupInput = NonNullable<JobInput['TaskGroups']>[number];
type TaskInput = NonNullable<GroupInput['Tasks']>[number];
const errorsOf = (group: Partial<GroupInput>, task: Partial<TaskInput> = {}) =>
  validateJob(
    canonicalizeJob(
      {
        ID: 'j',
        TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'docker', ...task }], ...group }],
      },
      { region: 'global' },
    ),
  );
const multi = (errs: string[]) =>
  errs.length === 1
    ? `1 error occurred:\n\t* ${errs[0]}\n\n`
    : `${errs.length} errors occurred:\n\t${errs.map((e) => `* ${e}`).join('\n\t')}\n\n`;
const group = (...inner: string[]) => `Task group g validation failed: ${multi(inner)}`;
const task = (...inner: string[]) => group(`Task t validation failed: ${multi(inner)}`);

describe('volume validation', () => {
  it('accepts host and csi volumes mounted by tasks', () => {
    expect(
      errorsOf(
        {
          Volumes: {
            data: { Type: 'host', Source: 'data' },
            db: {
              Type: 'csi',
              Source: 'db',
              AccessMode: 'multi-node-multi-writer',
              AttachmentMode: 'file-system',
            },
          },
        },
        {
          VolumeMounts: [
            { Volume: 'data', Destination: '/data' },
            { Volume: 'db', Destination: '/db' },
          ],
        },
      ),
    ).toEqual([]);
  });

  it('rejects unknown types, empty sources and bad csi modes', () => {
    expect(
      errorsOf({
        Count: 2,
        Volumes: {
          b: { Type: 'host', Source: '', AccessMode: 'multi-node-reader-only' },
          c: { Type: 'csi', Source: 'c', AccessMode: 'single-node-reader-only' },
        },
      }),
    ).toEqual([
      group(
        `Task group volume validation for b failed: ${multi([
          'volume has an empty source',
          'host volumes cannot be mounted with multi-node-reader-only access mode',
        ])}`,
        `Task group volume validation for c failed: ${multi([
          'CSI volumes must have an attachment mode',
          'single-node-reader-only volumes must be read-only',
          'volume with single-node-reader-only access mode allows only one reader',
        ])}`,
      ),
    ]);
  });

  it('stops at an unknown type (canonicalize drops such volumes; stored specs may not)', () => {
    const v = {
      Name: 'a',
      Type: 'nfs',
      Source: '',
      ReadOnly: false,
      Sticky: false,
      AccessMode: '',
    };
    const rest = { AttachmentMode: '', MountOptions: null, PerAlloc: false };
    expect(validateVolumeRequest({ ...v, ...rest }, 'service', 1, 0)).toEqual([
      'volume has unrecognized type nfs',
    ]);
  });

  it('checks mounts: undefined volumes, propagation mode and SELinux label', () => {
    expect(
      errorsOf(
        {},
        { VolumeMounts: [{ Volume: 'nope', PropagationMode: 'shared', SELinuxLabel: 'x' }] },
      ),
    ).toEqual([
      task(
        'Volume Mount (0) references undefined volume nope',
        `Volume Mount (0) is invalid: "${multi([
          'volume mount has an invalid propagation mode: "shared"',
          'volume mount has an invalid SELinux label: "x"',
        ])}"`,
      ),
    ]);
  });
});

describe('artifact and template validation', () => {
  it('requires a source and keeps destinations inside the allocation', () => {
    expect(
      errorsOf(
        {},
        {
          Artifacts: [
            { GetterSource: 'https://x/a.tgz', RelativeDest: 'local/a' },
            { GetterSource: '', GetterMode: 'zip', RelativeDest: '../../../etc' },
            { GetterSource: 's', GetterOptions: { checksum: 'sha256:abcd' } },
            { GetterSource: 's', GetterOptions: { checksum: 'crc:zz' } },
          ],
        },
      ),
    ).toEqual([
      task(
        `Artifact 2 validation failed: ${multi([
          'source must be specified',
          'invalid artifact mode "zip"; must be one of: any, file, dir',
          'destination escapes allocation directory',
        ])}`,
        `Artifact 3 validation failed: ${multi(['invalid sha256 checksum: abcd'])}`,
        `Artifact 4 validation failed: ${multi([
          "invalid checksum: encoding/hex: invalid byte: U+007A 'z'",
        ])}`,
      ),
    ]);
  });

  it('validates template destination, change mode, signal, perms and wait', () => {
    expect(
      errorsOf(
        {},
        {
          Templates: [
            { EmbeddedTmpl: 'x', DestPath: 'local/a', ChangeMode: 'signal', ChangeSignal: '' },
            { DestPath: '', ChangeMode: 'reload', Perms: '0999' },
            { EmbeddedTmpl: 'x', DestPath: 'local/b', Wait: { Min: 10 * SECOND, Max: SECOND } },
          ],
        },
      ),
    ).toEqual([
      group(
        // The implied signal constraint carries the empty signal too, as in Nomad.
        `Constraint 1 validation failed: ${multi(['Set contains constraint requires an RTarget'])}`,
        `Task t validation failed: ${multi([
          `Template 1 validation failed: ${multi(['Must specify signal value when change mode is signal'])}`,
          `Template 2 validation failed: ${multi([
            'Must specify a source path or have an embedded template',
            'Must specify a destination for the template',
            'Invalid change mode. Must be one of the following: noop, signal, script, restart',
            'Failed to parse "0999" as octal: strconv.ParseUint: parsing "0999": invalid syntax',
          ])}`,
          `Template 3 validation failed: ${multi(['wait min 10s is greater than max 1s'])}`,
        ])}`,
      ),
    ]);
  });

  it.each([
    ['local/file', false],
    ['../alloc/data', false],
    ['/etc/passwd', false],
    ['../../x', true],
    ['../../../etc', true],
  ])('escapesAlloc(%p) is %p', (path, escaped) => expect(escapesAlloc(path)).toBe(escaped));
});
