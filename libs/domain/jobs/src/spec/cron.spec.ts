import { canonicalizeJob } from './canonicalize';
import { cronParseError } from './cron';
import { validateJob } from './validate';

describe('cronParseError (hashicorp/cronexpr)', () => {
  it.each([
    '*/15 * * * *',
    '0 9 * * mon-fri',
    '0 0 1 1 * 2030',
    '30 0 9 * * * 2030-2040',
    '0 0 L * *',
    '0 0 15W * *',
    '0 0 LW * *',
    '0 0 * * 5L',
    '0 0 * * 1#2',
    '0 0 * * 7',
    '0 0 ? JAN,Dec *',
    '@daily',
    '@hourly',
    '0 0 * * * * * extra fields ignored',
    '*,junk * * * *',
  ])('accepts %p', (spec) => expect(cronParseError(spec)).toBeNull());

  it.each([
    ['@reboot', 'missing field(s)'],
    ['* * * *', 'missing field(s)'],
    ['60 * * * *', "syntax error in minute field: '60'"],
    ['* 24 * * *', "syntax error in hour field: '24'"],
    ['* * 0 * *', "syntax error in day-of-month field: '0'"],
    ['* * * Foo *', "syntax error in month field: 'Foo'"],
    ['* * * * 8', "syntax error in day-of-week field: '8'"],
    ['* * * * * 1969', "syntax error in year field: '1969'"],
    ['*/0 * * * *', 'invalid interval */0'],
    ['*/60 * * * *', 'invalid interval */60'],
    ['junk,*/0 * * * *', 'invalid interval */0'],
    ['junk,* * * * *', "syntax error in minute field: 'junk'"],
    [', * * * *', 'minute field: missing directive'],
  ])('rejects %p with %p', (spec, err) => expect(cronParseError(spec)).toBe(err));

  it('reports every bad spec of a periodic job with Nomad text', () => {
    const job = canonicalizeJob(
      {
        ID: 'p',
        Type: 'batch',
        Periodic: { Specs: ['*/5 * * * *', '61 * * * *', ''] },
        TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'exec' }] }],
      },
      { region: 'global' },
    );
    expect(validateJob(job)).toEqual([
      `2 errors occurred:\n\t* Invalid cron spec "61 * * * *": syntax error in minute field: '61'\n\t* Invalid cron spec "": missing field(s)\n\n`,
    ]);
  });
});
