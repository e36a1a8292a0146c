// Errors carry codes (STYLE.md rule 15). Every jobspec failure is a 400 in Nomad
// (nomad-api-semantics.md §2.3), so the code is the gateway's generic BAD_REQUEST; `reason`
// says which stage failed, for logs and tests.

export type JobspecErrorReason = 'EMPTY' | 'SYNTAX' | 'DECODE' | 'VARIABLES';

export class JobspecError extends Error {
  readonly code = 'BAD_REQUEST';
  readonly status = 400;
  constructor(
    readonly reason: JobspecErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobspecError';
  }
}

export const ErrJobSpecEmpty = 'Job spec is empty';

/** Nomad's agent prefixes every parser failure with this text. */
export const parseFailed = (reason: JobspecErrorReason, detail: string): JobspecError =>
  new JobspecError(reason, `Failed to parse job: ${detail}`);

/**
 * A decode problem in HCL diagnostic shape, `<summary>; <detail>`. hcl2json's tree carries no
 * source ranges, so unlike Nomad there is no `input.hcl:L,C-C: ` prefix on these.
 */
export class DecodeProblem extends Error {
  constructor(
    summary: string,
    detail: string,
    /** Nomad reports some diagnostics with no source range at all; it prints them as `<nil>: `. */
    readonly hasSubject = true,
  ) {
    super(`${summary}; ${detail}`);
  }
}
