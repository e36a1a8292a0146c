// Errors and texts of the job writes that are not HTTP-layer 400s.

/** A job that fails validation: HTTP 500 with the multierror text (Nomad's RPC error). */
export class JobValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'JobValidationError';
  }
}

/** A region other than this agent's: Nomad cannot forward it (HTTP 500). */
export const noPathToRegion = (): Error =>
  Object.assign(new Error('No path to region'), { code: 'NO_PATH_TO_REGION' });

/** helper/warning.go: `1 warning:\n\n* a`, `2 warnings:\n\n* a\n* b`; '' for none. */
export function formatWarnings(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  const head = `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}:\n`;
  return head + warnings.map((w) => `\n* ${w}`).join('');
}
