import { factsOf, metricNames } from '../stats-facts.js';
import type { DossierLife } from './timeline.js';

/**
 * The pre-aggregated statistics of the generated dossiers, computed exactly as the service
 * keeps them: each dossier's `factsOf` (same local day), summed per (day | month, receiving
 * agency, procedure, sector, channel). Written with `+=` upserts, so rows already there for
 * real dossiers are added to, not replaced.
 */

/** The sector key of a dossier without a sector (store/stats.ts `NO_SECTOR`). */
export const NO_SECTOR = '00000000-0000-0000-0000-000000000000';

/** The statistics tables' columns, in the order of `metricNames` (store/stats.ts's map). */
export const metricColumns: readonly string[] = metricNames.map((m) =>
  m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
);

const metricIndex = new Map<string, number>(metricNames.map((m, i) => [m, i]));

type Buckets = Map<string, Map<string, Int32Array>>;

function bump(buckets: Buckets, period: string, key: string, metric: number): void {
  let rows = buckets.get(period);
  if (!rows) buckets.set(period, (rows = new Map()));
  let counts = rows.get(key);
  if (!counts) rows.set(key, (counts = new Int32Array(metricNames.length)));
  counts[metric]!++;
}

export type StatRow = [string, string, string, string, string, ...number[]];

function* rowsOf(period: string, rows: Map<string, Int32Array>): Generator<StatRow> {
  for (const [key, counts] of rows) {
    const [agencyId, procedureId, sectorId, channel] = key.split('|') as [
      string,
      string,
      string,
      string,
    ];
    yield [period, agencyId, procedureId, sectorId, channel, ...counts];
  }
}

export function createStatsAccumulator(localDay: (at: Date) => string) {
  const days: Buckets = new Map();
  const months: Buckets = new Map();
  let facts = 0;

  return {
    get facts() {
      return facts;
    },

    add(d: DossierLife): void {
      const key = `${d.agency.id}|${d.procedure.procedureId}|${d.procedure.sectorId ?? NO_SECTOR}|${d.channel}`;
      for (const f of factsOf(d, localDay)) {
        const metric = metricIndex.get(f.metric)!;
        bump(days, f.day, key, metric);
        bump(months, `${f.day.slice(0, 7)}-01`, key, metric);
        facts++;
      }
    },

    /**
     * Day rows of the days before `day`, removed from memory. A dossier's facts all fall on or
     * after the day its code was issued, so once the generator is past a day, that day's rows
     * are final.
     */
    *takeDaysBefore(day: string): Generator<StatRow> {
      for (const [period, rows] of days) {
        if (period >= day) continue;
        yield* rowsOf(period, rows);
        days.delete(period);
      }
    },

    /** Every row left: the remaining days, then the months. */
    *takeAll(): Generator<['day' | 'month', StatRow]> {
      for (const [period, rows] of days) for (const r of rowsOf(period, rows)) yield ['day', r];
      days.clear();
      for (const [period, rows] of months) for (const r of rowsOf(period, rows)) yield ['month', r];
      months.clear();
    },
  };
}
export type StatsAccumulator = ReturnType<typeof createStatsAccumulator>;
