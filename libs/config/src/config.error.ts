// Errors carry codes (STYLE.md rule 15). The message lists every bad variable, one per line,
// so an operator fixes them all in one go instead of one restart per mistake.

export interface ConfigIssue {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly app: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      [
        `invalid configuration for ${app}:`,
        ...issues.map((issue) => `  ${issue.variable}: ${issue.message}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}
