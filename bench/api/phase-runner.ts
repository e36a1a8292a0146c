import { readFileSync } from 'node:fs';
import type { BenchRow } from '../bench-report';
import { cpuSince, cpuSnapshot } from './cpu-by-process';

/**
 * Runs measured phases one after another: waits for the machine to go idle first (Kafka,
 * PostgreSQL and the consumers done with the previous phase's backlog), and adds a row with the
 * CPU each process group used during the phase.
 */
export class PhaseRunner {
  private busiest = 0;

  constructor(private readonly names: Map<number, string>) {}

  async run(label: string, measure: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
    this.busiest = Math.max(this.busiest, await waitQuiet());
    const before = cpuSnapshot(this.names);
    const rows = await measure();
    const cpu = cpuSince(before, this.names);
    return [
      ...rows,
      { name: `${label}: CPU`, value: cpu.totalPercent, unit: '% of a core', note: cpu.breakdown },
    ];
  }

  /** Other work on the machine (or a backlog that never drains) shows up here, not silently. */
  busiestRow(): BenchRow {
    return {
      name: 'machine CPU busy before a phase (worst)',
      value: this.busiest,
      unit: '%',
      note: 'each phase waits up to 60 s for < 15 %',
    };
  }
}

async function waitQuiet(maxBusyPercent = 15, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let busy = 100;
  while (Date.now() < deadline) {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, 1000));
    const b = cpuTimes();
    busy = (100 * (b.busy - a.busy)) / (b.total - a.total);
    if (busy < maxBusyPercent) return busy;
  }
  return busy;
}

function cpuTimes(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((s, v) => s + v, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}
