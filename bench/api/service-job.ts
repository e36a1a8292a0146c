// Distinct small service jobs for `PUT /v1/jobs`: one group, one task, no update stanza beyond
// Nomad's defaults. Ids are a global zero-padded counter so that a prefix selects a known share.

export const JOB_ID_PREFIX = 'bench-';

export function jobId(n: number): string {
  return `${JOB_ID_PREFIX}${String(n).padStart(6, '0')}`;
}

export function registerBody(id: string, revision = 0): string {
  return JSON.stringify({
    Job: {
      ID: id,
      Name: id,
      Type: 'service',
      Datacenters: ['dc1'],
      Meta: { revision: String(revision) },
      TaskGroups: [
        {
          Name: 'web',
          Count: 1,
          Tasks: [
            {
              Name: 'app',
              Driver: 'docker',
              Config: { image: 'nginx:1.27' },
              Resources: { CPU: 20, MemoryMB: 32 },
            },
          ],
        },
      ],
    },
  });
}
