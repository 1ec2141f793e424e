/** One line of the bench's tables: what was measured, its baseline in the same run, the target. */
export type Row = {
  name: string;
  /** Operations (requests, submissions) per second. */
  rate?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errors?: number;
  peakRssMb?: number;
  /** CPU ms per operation of this process and of the local database server, when measured. */
  cpu?: { node: number; db: number | null };
  /** The comparison with the baseline, as printed (e.g. "31.2 % of raw INSERT"). */
  versus?: string;
  /** The issue's target and whether this line meets it (undefined: no target). */
  target?: string;
  met?: boolean;
};

export type Table = { title: string; rows: Row[]; note?: string };

const fmt = (n: number | undefined, digits = 0) => {
  if (n === undefined || Number.isNaN(n)) return '';
  if (n >= 100) return String(Math.round(n));
  return n < 10 ? n.toFixed(Math.max(digits, 2)) : n.toFixed(digits);
};

export function printTables(tables: Table[]): void {
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    console.log(`\n${t.title}`);
    const width = Math.max(40, ...t.rows.map((r) => r.name.length + 2));
    console.log(
      'scenario'.padEnd(width),
      'ops/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p95 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'errors'.padStart(7),
      'RSS MB'.padStart(7),
      'CPU ms/op'.padStart(12),
      '  versus baseline',
    );
    for (const r of t.rows) {
      const verdict = r.target ? `  [${r.target}: ${r.met ? 'met' : 'NOT met'}]` : '';
      console.log(
        r.name.padEnd(width),
        fmt(r.rate, 1).padStart(8),
        fmt(r.p50, 1).padStart(8),
        fmt(r.p95, 1).padStart(8),
        fmt(r.p99, 1).padStart(8),
        (r.errors === undefined ? '' : String(r.errors)).padStart(7),
        (r.peakRssMb === undefined ? '' : String(r.peakRssMb)).padStart(7),
        (r.cpu
          ? `${r.cpu.node.toFixed(2)}${r.cpu.db === null ? '' : `+${r.cpu.db.toFixed(2)}`}`
          : ''
        ).padStart(12),
        ` ${r.versus ?? ''}${verdict}`,
      );
    }
    if (t.rows.some((r) => r.cpu))
      console.log('CPU ms/op: this Node.js process + the local PostgreSQL server, per operation.');
    if (t.note) console.log(t.note);
  }
}

/** The p-th percentile (0–100) of unsorted samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
