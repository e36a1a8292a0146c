import { ConfigError } from './config.error';

export interface ExitIo {
  writeError(text: string): void;
  exit(code: number): never;
}

/** sysexits.h EX_CONFIG: tells supervisors this is a configuration error, not a crash. */
export const EXIT_CONFIG = 78;

const processIo: ExitIo = {
  writeError: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/**
 * For main.ts: `const config = exitOnConfigError(() => loadConfig('scheduler'));`.
 * A ConfigError prints its message (no stack trace: the message is the whole story) and exits
 * with EX_CONFIG; any other error is rethrown untouched.
 */
export function exitOnConfigError<T>(load: () => T, io: ExitIo = processIo): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.writeError(`${error.message}\n`);
    return io.exit(EXIT_CONFIG);
  }
}
