/** Counts by reason with a few sample codes: what an import reports it skipped or noticed. */
export type ReasonCount = { reason: string; count: number; samples: string[] };

const MAX_SAMPLES = 5;

export function createTally() {
  const byReason = new Map<string, ReasonCount>();
  return {
    add(reason: string, sample: string): void {
      const entry = byReason.get(reason) ?? { reason, count: 0, samples: [] };
      entry.count++;
      if (entry.samples.length < MAX_SAMPLES) entry.samples.push(sample);
      byReason.set(reason, entry);
    },
    total: (): number => [...byReason.values()].reduce((n, e) => n + e.count, 0),
    list: (): ReasonCount[] =>
      [...byReason.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
export type Tally = ReturnType<typeof createTally>;
