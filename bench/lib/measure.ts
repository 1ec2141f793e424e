import { readFileSync, readdirSync } from 'node:fs';
import { percentile } from './report.js';

/**
 * CPU time (ms) used so far by the processes named `postgres` on this machine, from
 * /proc: the database server's share of a scenario when it runs here. Null elsewhere.
 */
export function postgresCpuMs(): number | null {
  let ticks = 0;
  let found = false;
  let dirs: string[];
  try {
    dirs = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const d of dirs) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, and cutime, cstime: the postmaster keeps the time of the backends and
      // workers that ended, so the sum does not drop when one exits.
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      found = true;
    } catch {
      // The process ended while we read.
    }
  }
  return found ? ticks * 10 : null; // USER_HZ is 100 on Linux
}

export type Measured = {
  ops: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  samples: number[];
  /** CPU ms per successful operation: this process, and the local PostgreSQL server's. */
  cpuMs: number;
  dbCpuMs: number | null;
};

/**
 * Runs `op` from `concurrency` callers for `seconds` (or `count` times in all) and reports the
 * rate and the latency percentiles of the operations that succeeded.
 */
export async function measure(
  op: (caller: number, i: number) => Promise<unknown>,
  opts: { concurrency: number; seconds?: number; count?: number },
): Promise<Measured> {
  const samples: number[] = [];
  let errors = 0;
  let started = 0;
  let firstError: unknown;
  const cpu0 = process.cpuUsage();
  const db0 = postgresCpuMs();
  const t0 = performance.now();
  const deadline = opts.seconds === undefined ? Infinity : t0 + opts.seconds * 1000;
  const limit = opts.count ?? Infinity;
  const caller = async (c: number) => {
    while (performance.now() < deadline && started < limit) {
      const i = started++;
      const s = performance.now();
      try {
        await op(c, i);
        samples.push(performance.now() - s);
      } catch (err) {
        errors++;
        firstError ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, c) => caller(c)));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const db1 = postgresCpuMs();
  const per = Math.max(1, samples.length);
  if (firstError) console.error('first error:', firstError);
  return {
    ops: samples.length,
    rate: samples.length / elapsed,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    errors,
    samples,
    cpuMs: (cpu.user + cpu.system) / 1000 / per,
    dbCpuMs: db0 === null || db1 === null ? null : (db1 - db0) / per,
  };
}
