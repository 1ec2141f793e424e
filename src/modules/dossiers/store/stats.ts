import { type RawBuilder, sql } from 'kysely';
import type { Metric } from '../stats-facts.js';

export const NO_SECTOR = '00000000-0000-0000-0000-000000000000';

export type StatKey = { agencyId: string; procedureId: string; sectorId: string; channel: string };

const column: Record<Metric, string> = {
  received: 'received',
  settledEarly: 'settled_early',
  settledOnTime: 'settled_on_time',
  settledLate: 'settled_late',
  refused: 'refused',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
  returned: 'returned',
  due: 'due',
  dueClosed: 'due_closed',
  ratedVerySatisfied: 'rated_very_satisfied',
  ratedSatisfied: 'rated_satisfied',
  ratedNotSatisfied: 'rated_not_satisfied',
};
export const metricColumn = column;

export type StatDelta = { key: StatKey; day: string; changes: ReadonlyMap<Metric, number> };

/**
 * The statements adding the deltas to their day rows and month rows (created at zero when
 * missing). Deltas of the same row are summed first, and rows are written in key order so
 * that concurrent transactions take their locks in the same order.
 */
export function deltaStatements(deltas: readonly StatDelta[]): RawBuilder<unknown>[] {
  const days = sumByRow(deltas, (d) => d.day);
  const months = sumByRow(deltas, (d) => `${d.day.slice(0, 7)}-01`);
  if (days.length === 0) return [];
  const metrics = [...new Set(days.flatMap((r) => [...r.changes.keys()]))];
  const cols = metrics.map((m) => sql.ref(column[m]));
  const upsert = (table: string, period: string, rows: typeof days) => sql`
    INSERT INTO ${sql.table(`dossier.${table}`)}
      (${sql.ref(period)}, agency_id, procedure_id, sector_id, channel, ${sql.join(cols)})
    VALUES ${sql.join(
      rows.map(
        (r) => sql`(${r.date}::date, ${r.key.agencyId}::uuid, ${r.key.procedureId}::uuid,
          ${r.key.sectorId}::uuid, ${r.key.channel}, ${sql.join(
            metrics.map((m) => sql`${r.changes.get(m) ?? 0}::int`),
          )})`,
      ),
    )}
    ON CONFLICT (${sql.ref(period)}, agency_id, procedure_id, sector_id, channel) DO UPDATE SET
      ${sql.join(
        metrics.map(
          (m) =>
            sql`${sql.ref(column[m])} = ${sql.table(`dossier.${table}`)}.${sql.ref(column[m])} + excluded.${sql.ref(column[m])}`,
        ),
      )}`;
  // A +1 and a -1 on two days of one month leave the month row unchanged.
  return months.length === 0
    ? [upsert('stat_days', 'day', days)]
    : [upsert('stat_days', 'day', days), upsert('stat_months', 'month', months)];
}

function sumByRow(deltas: readonly StatDelta[], dateOf: (d: StatDelta) => string) {
  const rows = new Map<string, { date: string; key: StatKey; changes: Map<Metric, number> }>();
  for (const d of deltas) {
    const date = dateOf(d);
    const id = [date, d.key.agencyId, d.key.procedureId, d.key.sectorId, d.key.channel].join('|');
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { date, key: d.key, changes: new Map() }));
    for (const [m, n] of d.changes) row.changes.set(m, (row.changes.get(m) ?? 0) + n);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row)
    .filter((row) => [...row.changes.values()].some((n) => n !== 0));
}
