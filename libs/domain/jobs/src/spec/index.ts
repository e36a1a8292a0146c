// Job specs: Nomad's canonicalization, validation and change detection (pure).
export { canonicalizeJob, type CanonicalizeContext } from './canonicalize';
export { jobSpecChanged } from './job-spec-changed';
export { resolveJobNamespace, resolveJobRegion } from './resolve-scope';
export { formatMultiError, validateJob, type ValidateOptions } from './validate';
export { canonicalizeApiShapeJob } from './canonicalize-api-shape';
