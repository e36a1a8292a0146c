import { JobspecError, parseJobspec } from './index';

async function failure(hcl: string, opts = {}): Promise<JobspecError> {
  try {
    await parseJobspec(hcl, opts);
  } catch (err) {
    if (err instanceof JobspecError) return err;
    throw err;
  }
  throw new Error('expected a JobspecError');
}

describe('parseJobspec: the API reference examples', () => {
  it('job "my-job" {} → an api Job with ID and Name from the label and everything else unset', async () => {
    const job = await parseJobspec('job "my-job" {}');
    expect(job).toMatchObject({
      ID: 'my-job',
      Name: 'my-job',
      // Filled by Canonicalize (another module), null straight from the parser:
      Region: null,
      Namespace: null,
      Type: null,
      Priority: null,
      AllAtOnce: null,
      Datacenters: null,
      Constraints: null,
      TaskGroups: null,
      Update: null,
      Periodic: null,
      ParameterizedJob: null,
      Reschedule: null,
      Migrate: null,
      Meta: null,
      Stop: null,
      ParentID: null,
      Payload: null,
      SubmitTime: null,
      Dispatched: false,
    });
    expect(Object.keys(job).slice(0, 6)).toEqual([
      'Region',
      'Namespace',
      'ID',
      'Name',
      'Type',
      'Priority',
    ]);
  });

  it('the sample payload (a nested block on one line) is an HCL2 syntax error, as in Nomad', async () => {
    const err = await failure('job "example" { type = "service" group "cache" {} }');
    expect(err.status).toBe(400);
    expect(err.reason).toBe('SYNTAX');
    expect(err.message).toMatch(/^Failed to parse job: input\.hcl:1,\d+-\d+: /);
  });
});

describe('parseJobspec: errors', () => {
  it('an empty spec is "Job spec is empty"', async () => {
    const err = await failure('');
    expect(err.message).toBe('Job spec is empty');
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.reason).toBe('EMPTY');
  });

  it('a syntax error carries the file, line and column range', async () => {
    const err = await failure('job "x" {\n  group "g" {\n    count = \n  }\n}\n');
    expect(err.message).toBe(
      'Failed to parse job: input.hcl:3,13-4,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.',
    );
  });

  it('an unclosed block points at its opening brace', async () => {
    const err = await failure('job "x" {\n  type = "batch"\n');
    expect(err.message).toMatch(
      /^Failed to parse job: input\.hcl:1,9-10: Unclosed configuration block;/,
    );
  });

  it('a file without a job block is "Missing job block" (no source range, like Nomad)', async () => {
    expect((await failure('  \n')).message).toBe(
      'Failed to parse job: <nil>: Missing job block; A job block is required',
    );
  });

  it('two job blocks are rejected', async () => {
    expect((await failure('job "a" {}\njob "b" {}\n')).message).toContain('Duplicate job block');
  });

  it('unknown arguments and blocks are rejected (typos do not vanish)', async () => {
    expect((await failure('job "a" {\n  prority = 5\n}\n')).message).toBe(
      'Failed to parse job: input.hcl: Unsupported argument; An argument named "prority" is not expected here.',
    );
    expect((await failure('job "a" {\n  grup "g" {}\n}\n')).message).toContain(
      'Unsupported block type; Blocks of type "grup" are not expected here.',
    );
  });

  it('values of the wrong type are rejected', async () => {
    expect(
      (await failure('job "a" {\n  group "g" {\n    count = "many"\n  }\n}\n')).message,
    ).toContain('Unsuitable value type');
    expect(
      (await failure('job "a" {\n  update {\n    stagger = "3 days"\n  }\n}\n')).message,
    ).toContain('Unsuitable duration value: time: unknown unit " days" in duration "3 days"');
  });

  it('required arguments are enforced', async () => {
    const err = await failure(
      'job "a" {\n  group "g" {\n    task "t" {\n      lifecycle {\n        sidecar = true\n      }\n    }\n  }\n}\n',
    );
    expect(err.message).toContain('Missing required argument; The argument "hook" is required');
  });

  it('expressions Caravan cannot evaluate are rejected, not passed through', async () => {
    expect((await failure('job "a" {\n  priority = 10 + 5\n}\n')).message).toContain(
      'Unsupported expression',
    );
  });
});

describe('parseJobspec: variables and locals', () => {
  const SPEC = `
variable "image" {
  type    = string
  default = "redis:7"
}
variable "count" {
  type = number
}
variable "dcs" {
  type    = list(string)
  default = ["dc1"]
}
locals {
  name = "cache-\${var.image}"
  full = "\${local.name}/x"
}
job "v" {
  datacenters = var.dcs
  group "g" {
    count = var.count
    task "t" {
      driver = "docker"
      config {
        image = var.image
        label = local.full
      }
      env {
        HOST = "\${attr.unique.hostname}"
      }
    }
  }
}
`;

  it('uses defaults, the variable file and explicit values in that order of precedence', async () => {
    const job = await parseJobspec(SPEC, {
      variableFile: 'count = 2\nimage = "from-file"\n',
      variables: { image: 'nginx' },
    });
    const group = (job['TaskGroups'] as Record<string, unknown>[])[0];
    expect(job['Datacenters']).toEqual(['dc1']);
    expect(group?.['Count']).toBe(2);
    const task = (group?.['Tasks'] as Record<string, unknown>[])[0];
    expect(task?.['Config']).toEqual({ image: 'nginx', label: 'cache-nginx/x' });
    expect(task?.['Env']).toEqual({ HOST: '${attr.unique.hostname}' });
  });

  it('converts -var style strings to the declared type, complex ones as HCL', async () => {
    const job = await parseJobspec(SPEC, { variables: { count: '4', dcs: '["a", "b"]' } });
    expect(job['Datacenters']).toEqual(['a', 'b']);
    expect((job['TaskGroups'] as Record<string, unknown>[])[0]?.['Count']).toBe(4);
  });

  it('an unset variable without default is an error', async () => {
    expect((await failure(SPEC)).message).toMatch(
      /^Failed to parse job: <nil>: Unset variable "count"; /,
    );
  });

  it('a value that does not fit the type is an error', async () => {
    expect((await failure(SPEC, { variables: { count: 'lots' } })).message).toContain(
      'Invalid value for variable',
    );
  });

  it('a broken variable file is reported as such', async () => {
    expect((await failure(SPEC, { variableFile: 'count = ' })).message).toMatch(
      /^Failed to parse job: unable to parse var content: input\.hcl:1,/,
    );
  });

  it('a reference to an undeclared variable is an error', async () => {
    expect((await failure('job "a" {\n  region = var.nope\n}\n')).message).toContain(
      'Reference to undeclared input variable',
    );
  });
});
