import type { Job } from '@caravan/nomad-api';

/** Nomad's `job_tracked_versions` default. */
export const JOB_TRACKED_VERSIONS = 6;

/**
 * Which tracked version a new version pushes out, if any (Nomad's upsertJobVersion): tagged
 * versions never count and are never pruned; of the untagged ones, newest first, the one past
 * the limit goes, unless it is the newest stable version, in which case the next newer goes.
 * `versions` must include the new version.
 */
export function versionToPrune(
  versions: readonly Job[],
  limit = JOB_TRACKED_VERSIONS,
): number | null {
  const untagged = versions.filter((job) => !job.VersionTag).sort((a, b) => b.Version - a.Version);
  if (untagged.length <= limit) return null;
  const newestStable = untagged.findIndex((job) => job.Stable);
  const victim = newestStable === limit ? untagged[limit - 1] : untagged[limit];
  return victim?.Version ?? null;
}
