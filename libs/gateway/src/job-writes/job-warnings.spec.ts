import { canonicalizeJob } from '@caravan/domain/jobs';
import { jobWarnings } from './job-warnings';
import { formatWarnings } from './write-errors';
import { prepareRegister, type RegisterContext } from './register-request';

const ctx: RegisterContext = { queryNamespace: '', queryRegion: '', agentRegion: 'global' };
const group = (name: string, update: Record<string, unknown> | null) => ({
  Name: name,
  Update: update,
  Tasks: [{ Name: 't', Driver: 'exec' }],
});
const warningsFor = (extra: Record<string, unknown>) =>
  prepareRegister({ Job: { ID: 'web', Type: 'service', ...extra } }, ctx).warnings;

describe('register warnings (structs.Job.Warnings)', () => {
  it('warns when one group auto-promotes and another has canaries it would not promote', () => {
    const groups = [
      group('a', { Canary: 1, AutoPromote: true }),
      group('b', { Canary: 2, AutoPromote: false }),
    ];
    expect(warningsFor({ TaskGroups: groups })).toBe(
      '1 warning:\n\n* auto_promote must be true for all groups to enable automatic promotion',
    );
  });

  it('treats a group without canaries as auto-promoting', () => {
    const groups = [group('a', { Canary: 1, AutoPromote: true }), group('b', { Canary: 0 })];
    expect(warningsFor({ TaskGroups: groups })).toBe('');
    expect(warningsFor({ TaskGroups: [group('a', { Canary: 1 })] })).toBe('');
  });

  it('lists auto_promote before the cron deprecation, as Nomad does', () => {
    const groups = [
      group('a', { Canary: 1, AutoPromote: true }),
      group('b', { Canary: 1, AutoPromote: false }),
    ];
    // Not a valid job (periodic service), but the warnings don't depend on validity.
    const job = canonicalizeJob(
      { ID: 'web', Type: 'service', Periodic: { Spec: '@daily' }, TaskGroups: groups },
      { region: 'global' },
    );
    const warnings = formatWarnings(jobWarnings(job));
    expect(warnings).toBe(
      '2 warnings:\n\n* auto_promote must be true for all groups to enable automatic promotion' +
        '\n* cron is deprecated and may be removed in a future release. Use crons instead',
    );
  });
});
