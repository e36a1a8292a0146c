import { readdirSync, readFileSync } from 'node:fs';

// Where the CPU went during a phase, per process group, in % of one core: the first evidence
// of a bottleneck (a group near 100 % is saturated; near 200 % the machine is). Reads
// /proc/<pid>/stat utime + stime for every process on the machine; a process that exits during
// the phase is left out, one that starts counts from zero.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcessTicks {
  group: string;
  ticks: number;
}
export type CpuSnapshot = { at: number; byPid: Map<number, ProcessTicks> };

export function cpuSnapshot(names: Map<number, string>): CpuSnapshot {
  const byPid = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    const pid = Number(entry);
    byPid.set(pid, { group: groupOf(pid, comm, names), ticks });
  }
  return { at: performance.now(), byPid };
}

/** Total % of one core since `before`, and "api-gateway 95%, postgres 60%, …" (groups ≥ 3 %). */
export function cpuSince(
  before: CpuSnapshot,
  names: Map<number, string>,
): { totalPercent: number; breakdown: string } {
  const after = cpuSnapshot(names);
  const seconds = (after.at - before.at) / 1000;
  const byGroup = new Map<string, number>();
  for (const [pid, now] of after.byPid) {
    const used = now.ticks - (before.byPid.get(pid)?.ticks ?? 0);
    byGroup.set(now.group, (byGroup.get(now.group) ?? 0) + used);
  }
  const groups = [...byGroup]
    .map(([group, ticks]) => [group, (100 * ticks) / TICKS_PER_SECOND / seconds] as const)
    .sort((a, b) => b[1] - a[1]);
  return {
    totalPercent: groups.reduce((s, [, pct]) => s + pct, 0),
    breakdown: groups
      .filter(([, pct]) => pct >= 3)
      .map(([group, pct]) => `${group} ${Math.round(pct)}%`)
      .join(', '),
  };
}

function groupOf(pid: number, comm: string, names: Map<number, string>): string {
  if (pid === process.pid) return 'load generator';
  const named = names.get(pid);
  if (named) return named;
  if (comm.startsWith('postgres')) return 'postgres';
  if (comm === 'java') return 'kafka';
  return `other (${comm})`;
}
