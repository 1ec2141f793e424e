import { sql } from 'kysely';
import type { Metric } from '../stats-facts.js';
import type { Exec } from './tables.js';

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

/** Adds `changes` to the day row and to its month row (created at zero when missing). */
export async function applyDelta(
  trx: Exec,
  key: StatKey,
  day: string,
  changes: Map<Metric, number>,
): Promise<void> {
  const month = `${day.slice(0, 7)}-01`;
  const cols = [...changes.keys()].map((m) => column[m]);
  const values = [...changes.values()];
  for (const [table, period, date] of [
    ['stat_days', 'day', day],
    ['stat_months', 'month', month],
  ] as const) {
    await sql`
      INSERT INTO ${sql.table(`dossier.${table}`)}
        (${sql.ref(period)}, agency_id, procedure_id, sector_id, channel, ${sql.join(cols.map((c) => sql.ref(c)))})
      VALUES (${date}, ${key.agencyId}, ${key.procedureId}, ${key.sectorId}, ${key.channel},
        ${sql.join(values)})
      ON CONFLICT (${sql.ref(period)}, agency_id, procedure_id, sector_id, channel) DO UPDATE SET
        ${sql.join(
          cols.map(
            (c) =>
              sql`${sql.ref(c)} = ${sql.table(`dossier.${table}`)}.${sql.ref(c)} + excluded.${sql.ref(c)}`,
          ),
        )}`.execute(trx);
  }
}
