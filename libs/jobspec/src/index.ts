export { parseJobspec, type NomadJobJson, type ParseJobspecOptions } from './parse-jobspec';
export { ErrJobSpecEmpty, JobspecError, type JobspecErrorReason } from './jobspec.error';
export { parseGoDuration } from './duration';
