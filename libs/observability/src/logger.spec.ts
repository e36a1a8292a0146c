import {
  createLogger,
  logFormatFromEnv,
  logLevelFromEnv,
  logOutputFor,
  prettyLine,
} from './logger';

describe('logLevelFromEnv', () => {
  it('defaults to info', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ CARAVAN_LOG_LEVEL: '' })).toBe('info');
  });

  it('accepts pino levels in any case', () => {
    expect(logLevelFromEnv({ CARAVAN_LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevelFromEnv({ CARAVAN_LOG_LEVEL: 'silent' })).toBe('silent');
  });

  it('names the variable when the value is wrong', () => {
    expect(() => logLevelFromEnv({ CARAVAN_LOG_LEVEL: 'loud' })).toThrow(
      /CARAVAN_LOG_LEVEL.*"loud"/,
    );
  });
});

describe('createLogger', () => {
  it('uses the requested level', () => {
    const logger = createLogger('unit', { level: 'warn' });
    expect(logger.level).toBe('warn');
    expect(logger.isLevelEnabled('info')).toBe(false);
  });
});

describe('logFormatFromEnv', () => {
  it('defaults to auto and accepts any case', () => {
    expect(logFormatFromEnv({})).toBe('auto');
    expect(logFormatFromEnv({ CARAVAN_LOG_FORMAT: ' JSON ' })).toBe('json');
  });

  it('names the variable when the value is wrong', () => {
    expect(() => logFormatFromEnv({ CARAVAN_LOG_FORMAT: 'text' })).toThrow(
      /CARAVAN_LOG_FORMAT.*"text"/,
    );
  });
});

describe('logOutputFor: readable at a terminal, JSON for machines', () => {
  it.each([
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['json', true, 'json'],
    ['json', false, 'json'],
    ['pretty', true, 'pretty'],
    ['pretty', false, 'pretty'],
  ] as const)('%s with a TTY=%s → %s', (format, isTty, output) => {
    expect(logOutputFor(format, isTty)).toBe(output);
  });
});

describe('readable log lines', () => {
  const log = {
    level: 30,
    time: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    app: 'caravan',
    pid: 42,
    component: 'postgres',
    msg: 'embedded PostgreSQL started',
    dataDir: '/tmp/data',
  };

  it('shows time, level, component and message on one line, then the other fields', () => {
    const [first, ...rest] = prettyLine(log).trimEnd().split('\n');
    expect(first).toMatch(/^\[\d\d:\d\d:\d\d\.006\] INFO: postgres: embedded PostgreSQL started$/);
    expect(rest).toEqual(['    dataDir: "/tmp/data"']);
  });

  it('leaves out what is the same on every line (pid, app) and is not JSON', () => {
    const line = prettyLine({ ...log, component: undefined });
    expect(line).not.toMatch(/caravan|42|^\{/);
    expect(line).toContain('INFO: embedded PostgreSQL started');
  });

  it('colours only when asked (a terminal)', () => {
    expect(prettyLine(log, true)).toContain('\u001b[');
    expect(prettyLine(log, false)).not.toContain('\u001b[');
  });
});
