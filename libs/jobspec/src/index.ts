export { parseJobspec, type NomadJobJson, type ParseJobspecOptions } from './parse-jobspec';
export { ErrJobSpecEmpty, JobspecError, type JobspecErrorReason } from './jobspec.error';
export { parseGoDuration } from './duration';
// Nomad's api structs as field tables: the gateway binds JSON bodies with the same tables the
// HCL decoder uses, so both entry points agree on names and kinds.
export { JOB as JOB_STRUCT } from './schema.job';
export type { FieldSpec, Kind, StructSpec } from './schema.types';
