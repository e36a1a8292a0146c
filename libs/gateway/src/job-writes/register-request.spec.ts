import { prepareRegister, type RegisterContext } from './register-request';

const ctx: RegisterContext = { queryNamespace: '', queryRegion: '', agentRegion: 'global' };
const job = (extra: Record<string, unknown> = {}) => ({
  ID: 'web',
  Type: 'batch',
  TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'exec' }] }],
  ...extra,
});
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return { status: (err as { status?: number }).status, message: (err as Error).message };
  }
  throw new Error('expected a failure');
};

describe('prepareRegister (Nomad register handler, before the RPC)', () => {
  it('resolves the namespace: query, then body Namespace, then Job.Namespace, then default', () => {
    expect(prepareRegister({ Job: job() }, ctx).payload.job.Namespace).toBe('default');
    expect(prepareRegister({ Job: job({ Namespace: 'j' }) }, ctx).payload.job.Namespace).toBe('j');
    expect(
      prepareRegister({ Job: job({ Namespace: 'j' }), Namespace: 'b' }, ctx).payload.job.Namespace,
    ).toBe('b');
    const fromQuery = prepareRegister(
      { Job: job({ Namespace: 'j' }), Namespace: 'b' },
      {
        ...ctx,
        queryNamespace: 'q',
      },
    );
    expect(fromQuery.namespace).toBe('q');
    expect(fromQuery.payload.job.Namespace).toBe('q');
  });

  it('writes the agent region for an empty or global region; others have no path', () => {
    expect(
      prepareRegister({ Job: job({ Region: 'global' }) }, { ...ctx, agentRegion: 'eu' }).payload.job
        .Region,
    ).toBe('eu');
    expect(failure(() => prepareRegister({ Job: job({ Region: 'us' }) }, ctx))).toEqual({
      status: undefined,
      message: 'No path to region',
    });
  });

  it('drops server-owned fields but carries Version', () => {
    const { job: out } = prepareRegister(
      {
        Job: job({
          Status: 'dead',
          Stable: true,
          CreateIndex: 9,
          ParentID: 'p',
          Version: 4,
          SubmitTime: 5,
        }),
      },
      ctx,
    ).payload;
    expect(out).toMatchObject({
      Status: '',
      Stable: false,
      CreateIndex: 0,
      ParentID: '',
      Version: 4,
    });
  });

  it('applies the HTTP-layer checks in Nomad order', () => {
    expect(failure(() => prepareRegister(undefined, ctx)).message).toBe('Request body is empty');
    expect(failure(() => prepareRegister({ Job: null }, ctx)).message).toBe(
      'Job must be specified',
    );
    expect(failure(() => prepareRegister({ Job: { ID: null } }, ctx)).message).toBe(
      "Job ID hasn't been provided",
    );
    expect(failure(() => prepareRegister({ Job: job() }, { ...ctx, urlJobId: 'api' }))).toEqual({
      status: 400,
      message: 'Job ID does not match name',
    });
    expect(
      failure(() =>
        prepareRegister(
          { Job: job({ Type: 'system', TaskGroups: [{ Name: 'g', Scaling: {} }] }) },
          ctx,
        ),
      ).message,
    ).toBe('Task groups with job type system do not support scaling blocks');
    expect(failure(() => prepareRegister({ Job: job(), EvalPriority: -1 }, ctx)).message).toBe(
      'Eval priority must be between 1 and 100 inclusively',
    );
  });

  it('collects every validation error into one 500 multierror', () => {
    expect(failure(() => prepareRegister({ Job: { ID: 'a b', Type: 'x' } }, ctx)).message).toBe(
      '3 errors occurred:\n\t* Job ID contains a space\n\t* Invalid job type: "x"\n\t* Missing job task groups\n\n',
    );
  });

  it('maps EnforceIndex, PreserveCounts, EvalPriority and Submission into the command', () => {
    const prepared = prepareRegister(
      {
        Job: job({ Periodic: { Spec: '@daily' } }),
        EnforceIndex: true,
        JobModifyIndex: 12,
        PreserveCounts: true,
        EvalPriority: 70,
        Submission: { Source: 'job "web" {}', Format: 'hcl2' },
      },
      ctx,
    );
    expect(prepared.payload).toMatchObject({
      enforceIndex: true,
      jobModifyIndex: 12,
      preserveCounts: true,
      evalPriority: 70,
      submission: { Source: 'job "web" {}', Format: 'hcl2', VariableFlags: null, Variables: '' },
    });
    expect(prepared.warnings).toBe(
      '1 warning:\n\n* cron is deprecated and may be removed in a future release. Use crons instead',
    );
  });
});
