import type { Job } from '@caravan/nomad-api';
import { parseGoDuration } from '@caravan/jobspec';

// What a simulated task does, read from its driver Config: `run_for` (a Go duration) and
// `exit_code`. Unknown or malformed values fall back to the defaults so a job written for a
// real driver still runs here.

/** Batch tasks finish after about a second when they do not say, so examples end quickly. */
export const DEFAULT_RUN_FOR_NS = 1_000_000_000n;

export interface TaskPlan {
  name: string;
  /** how long the task runs before it exits; null = until stopped */
  runForNs: bigint | null;
  exitCode: number;
}

const BATCH_TYPES: ReadonlySet<string> = new Set(['batch', 'sysbatch']);

function runFor(config: Record<string, unknown>): bigint | null {
  const value = config['run_for'];
  if (typeof value === 'string') {
    try {
      return parseGoDuration(value);
    } catch {
      return null;
    }
  }
  if (typeof value === 'number' || typeof value === 'bigint') return BigInt(value);
  return null;
}

function exitCode(config: Record<string, unknown>): number {
  const value = Number(config['exit_code'] ?? 0);
  return Number.isInteger(value) ? value : 0;
}

/**
 * The tasks of `group` in `job`, with their simulated run. Batch tasks always exit; service and
 * system tasks exit only when they ask to fail (a non-zero exit_code), since a service that
 * exits cleanly would just be restarted by a real client.
 */
export function taskPlans(job: Job | undefined, group: string): TaskPlan[] {
  const tg = job?.TaskGroups?.find((g) => g.Name === group);
  const batch = BATCH_TYPES.has(job?.Type ?? 'service');
  return (tg?.Tasks ?? []).map((task) => {
    const config = task.Config ?? {};
    const code = exitCode(config);
    const explicit = runFor(config);
    const exits = batch || code !== 0;
    return {
      name: task.Name,
      runForNs: exits ? (explicit ?? DEFAULT_RUN_FOR_NS) : null,
      exitCode: code,
    };
  });
}
