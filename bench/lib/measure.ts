import { percentile } from './report.js';

export type Measured = {
  ops: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  samples: number[];
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
  if (firstError) console.error('first error:', firstError);
  return {
    ops: samples.length,
    rate: samples.length / elapsed,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    errors,
    samples,
  };
}
