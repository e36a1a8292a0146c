export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** the baseline this row is compared with, by row name */
  baseline?: string;
  /** value / baseline value (for rates) */
  ratio?: number;
  note?: string;
}

export interface BenchReport {
  name: string;
  machine: { cpus: number; node: string; date: string };
  rows: BenchRow[];
}

export function withRatios(rows: BenchRow[]): BenchRow[] {
  return rows.map((row) => {
    const base = row.baseline ? rows.find((r) => r.name === row.baseline) : undefined;
    return base ? { ...row, ratio: Math.round((row.value / base.value) * 100) / 100 } : row;
  });
}

export function printReport(report: BenchReport): void {
  console.log(
    `\n## ${report.name}  (${report.machine.cpus} cpus, node ${report.machine.node}, ${report.machine.date})\n`,
  );
  console.log('| measure | value | unit | vs baseline |');
  console.log('|---|---:|---|---|');
  for (const row of report.rows) {
    const ratio = row.ratio !== undefined ? `${row.ratio}x ${row.baseline}` : '';
    console.log(
      `| ${row.name} | ${format(row.value)} | ${row.unit} | ${ratio}${row.note ? ` (${row.note})` : ''} |`,
    );
  }
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
