// Where a submitted job lands (Nomad's namespaceForJob / regionForJob in the HTTP agent).
import { DEFAULT_NAMESPACE, GLOBAL_REGION } from './spec.defaults';

/** Query `?namespace=` wins, then the body's top-level Namespace, then Job.Namespace. */
export function resolveJobNamespace(
  queryNamespace: string | undefined,
  bodyNamespace: string | undefined,
  jobNamespace: string | null | undefined,
): string {
  return queryNamespace || bodyNamespace || jobNamespace || DEFAULT_NAMESPACE;
}

/**
 * Query `?region=` wins, then the body's top-level Region, then Job.Region. Empty or `global`
 * means this agent's region. Multiregion jobs (Enterprise) are stored in `global`.
 */
export function resolveJobRegion(opts: {
  queryRegion?: string;
  bodyRegion?: string;
  jobRegion?: string | null;
  agentRegion: string;
  multiregion?: boolean;
}): string {
  const requested = opts.bodyRegion || opts.queryRegion || opts.jobRegion || '';
  if (opts.multiregion) return GLOBAL_REGION;
  return requested === '' || requested === GLOBAL_REGION ? opts.agentRegion : requested;
}
