import { ConfigError } from './config.error';
import { EXIT_CONFIG, exitOnConfigError, type ExitIo } from './exit-on-config-error';
import { loadConfig } from './load-config';

class Exited extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

function recordingIo(): ExitIo & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    writeError: (text) => written.push(text),
    exit: (code) => {
      throw new Exited(code);
    },
  };
}

describe('exitOnConfigError', () => {
  it('returns the config when it is valid', () => {
    const io = recordingIo();
    const config = exitOnConfigError(() => loadConfig('caravan', {}, { hostname: 'h' }), io);
    expect(config.app).toBe('caravan');
    expect(io.written).toEqual([]);
  });

  it('prints the message and exits with EX_CONFIG (78) on a ConfigError', () => {
    const io = recordingIo();
    const run = () => exitOnConfigError(() => loadConfig('scheduler', {}), io);
    expect(run).toThrow(new Exited(EXIT_CONFIG));
    expect(EXIT_CONFIG).toBe(78);
    expect(io.written).toEqual([
      'invalid configuration for scheduler:\n' +
        '  DATABASE_URL: required, not set\n' +
        '  KAFKA_BROKERS: required, not set\n',
    ]);
  });

  it('rethrows anything that is not a ConfigError', () => {
    const io = recordingIo();
    const boom = new Error('boom');
    expect(() =>
      exitOnConfigError(() => {
        throw boom;
      }, io),
    ).toThrow(boom);
    expect(io.written).toEqual([]);
  });

  it('keeps the issues on the error for callers that want them', () => {
    const error = new ConfigError('x', [{ variable: 'A', message: 'bad' }]);
    expect(error.issues).toEqual([{ variable: 'A', message: 'bad' }]);
    expect(error.message).toBe('invalid configuration for x:\n  A: bad');
  });
});
