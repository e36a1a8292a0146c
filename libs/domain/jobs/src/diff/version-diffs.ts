// The `Diffs` of `GET /v1/job/:id/versions?diffs=true`: what each version changed.
import type { Job } from '@caravan/nomad-api';
import type { JobDiff } from './job-diff.types';
import { jobDiff } from './job.diff';

/**
 * `versions` newest first, as the endpoint lists them: `Diffs[i]` goes from `versions[i + 1]`
 * to `versions[i]`, so there is one fewer diff than versions. Not contextual and not
 * annotated: Nomad shows only the changes here, and no plan has run.
 */
export function consecutiveVersionDiffs(versions: readonly Job[]): JobDiff[] {
  return versions.slice(0, -1).map((newer, i) => jobDiff(versions[i + 1] ?? null, newer, false));
}
