import { deriveJobStatus, NO_STATUS_INPUTS } from './job-status';
import { aJob } from './job.fixtures';

const inputs = (overrides = {}) => ({ ...NO_STATUS_INPUTS, ...overrides });
const periodic = {
  Enabled: false,
  Spec: '',
  Specs: ['@daily'],
  SpecType: 'cron',
  ProhibitOverlap: false,
  TimeZone: 'UTC',
};
const parameterized = { Payload: 'optional', MetaRequired: null, MetaOptional: null };

describe('deriveJobStatus (Nomad §6, first match wins)', () => {
  it('system, periodic (even disabled) and parameterized parents: running, or dead when stopped', () => {
    expect(deriveJobStatus(aJob({ Type: 'system' }), inputs({ nonTerminalEvals: 1 }))).toBe(
      'running',
    );
    expect(deriveJobStatus(aJob({ Type: 'batch', Periodic: periodic }), inputs())).toBe('running');
    expect(
      deriveJobStatus(aJob({ Type: 'batch', ParameterizedJob: parameterized }), inputs()),
    ).toBe('running');
    expect(deriveJobStatus(aJob({ Type: 'batch', Periodic: periodic, Stop: true }), inputs())).toBe(
      'dead',
    );
  });

  it('a dispatched child is an ordinary job', () =>
    expect(
      deriveJobStatus(
        aJob({ Type: 'batch', ParameterizedJob: parameterized, Dispatched: true }),
        inputs(),
      ),
    ).toBe('pending'));

  it('live deployments or allocations make it running, before evaluations are looked at', () => {
    expect(
      deriveJobStatus(aJob(), inputs({ nonTerminalDeployments: 1, nonTerminalEvals: 1 })),
    ).toBe('running');
    expect(deriveJobStatus(aJob({ Stop: true }), inputs({ nonTerminalAllocs: 2 }))).toBe('running');
  });

  it('a pending evaluation makes it pending, even when stopped', () => {
    expect(deriveJobStatus(aJob(), inputs({ nonTerminalEvals: 1 }))).toBe('pending');
    expect(deriveJobStatus(aJob({ Stop: true }), inputs({ nonTerminalEvals: 1 }))).toBe('pending');
  });

  it('dead once every evaluation is terminal, or when stopped with none pending', () => {
    expect(deriveJobStatus(aJob(), inputs({ terminalEvals: 1 }))).toBe('dead');
    expect(deriveJobStatus(aJob({ Stop: true }), inputs())).toBe('dead');
  });

  it('pending for a brand-new job with no evaluation yet', () =>
    expect(deriveJobStatus(aJob(), inputs())).toBe('pending'));
});
