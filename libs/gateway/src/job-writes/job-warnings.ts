// The job-level warnings Nomad's register returns (structs.Job.Warnings), in Nomad's order.
// Not yet ported: the per-group "Group %q has warnings" block (update max_parallel above the
// group count, network mbits, task IOPS/network resources, template vault_grace).
import type { Job } from '@caravan/nomad-api';

export function jobWarnings(job: Job): string[] {
  const warnings: string[] = [];
  if (mixedAutoPromote(job)) {
    warnings.push('auto_promote must be true for all groups to enable automatic promotion');
  }
  if (job.Periodic !== null && job.Periodic.Spec !== '') {
    warnings.push('cron is deprecated and may be removed in a future release. Use crons instead');
  }
  return warnings;
}

/**
 * Some group auto-promotes while another has canaries it would not promote. A group
 * without canaries counts as auto-promoting: it has nothing to promote.
 */
function mixedAutoPromote(job: Job): boolean {
  const updates = (job.TaskGroups ?? []).flatMap((g) => (g.Update ? [g.Update] : []));
  const some = updates.some((u) => u.AutoPromote);
  const all = updates.every((u) => u.Canary === 0 || u.AutoPromote);
  return some && !all;
}
