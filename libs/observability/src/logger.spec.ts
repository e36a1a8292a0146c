import { createLogger, logLevelFromEnv } from './logger';

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
