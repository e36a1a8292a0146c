// Nomad's HTTP layer creates errors with an HTTP status (CodedError in command/agent/http.go).
// The gateway's own decoding/parsing errors do the same; errors from below the gateway carry
// only a string `code`, which error-status.mapper.ts translates.

export const NOMAD_CODED = 'NOMAD_CODED';

export class NomadCodedError extends Error {
  readonly code = NOMAD_CODED;
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'NomadCodedError';
  }
}

// Nomad's exact strings (reference/nomad-api-semantics.md §17).
export const ErrInvalidMethod = 'Invalid method';
export const ErrInvalidIndex = 'Invalid index';
export const ErrInvalidWait = 'Invalid wait time';
export const ErrRequestBodyEmpty = 'Request body is empty';
export const ErrPermissionDenied = 'Permission denied';

export const invalidMethod = (): NomadCodedError => new NomadCodedError(405, ErrInvalidMethod);
export const badRequest = (message: string): NomadCodedError => new NomadCodedError(400, message);
export const notFound = (message: string): NomadCodedError => new NomadCodedError(404, message);
