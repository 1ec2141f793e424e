import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/db/connect.js';

/**
 * The one-stop report's figures counted the slow way, straight from `dossier.dossiers`: the
 * reference the pre-aggregated statistics must equal (the generator test) and the baseline
 * they are measured against (`npm run bench -- --only stats`). Local days in `timeZone`.
 */
export type CountedFigures = {
  carriedOver: number;
  receivedOnline: number;
  receivedDesk: number;
  receivedPost: number;
  received: number;
  settledEarly: number;
  settledOnTime: number;
  settledLate: number;
  settled: number;
  refused: number;
  withdrawn: number;
  cancelled: number;
  inProgress: number;
  inProgressOverdue: number;
  returned: number;
  ratedVerySatisfied: number;
  ratedSatisfied: number;
  ratedNotSatisfied: number;
};

export type CountQuery = {
  /** First day of the period and the day after its last (local dates). */
  start: string;
  end: string;
  timeZone: string;
  /** Receiving agency → the row it counts in (`by: 'agency'`), or rows per procedure. */
  group:
    { by: 'agency'; agencyGroup: Map<string, string> } | { by: 'procedure'; agencyIds: string[] };
};

export async function countFigures(db: AnyDb, q: CountQuery): Promise<Map<string, CountedFigures>> {
  const { start, end, timeZone: tz } = q;
  const ids = q.group.by === 'agency' ? [...q.group.agencyGroup.keys()] : q.group.agencyIds;
  const groups = q.group.by === 'agency' ? [...q.group.agencyGroup.values()] : [];
  const key = q.group.by === 'agency' ? sql`g.group_id` : sql`x.procedure_id::text`;
  const join =
    q.group.by === 'agency'
      ? sql`JOIN unnest(${sql.val(ids)}::uuid[], ${sql.val(groups)}::text[]) AS g (agency_id, group_id)
          ON g.agency_id = x.receiving_agency_id`
      : sql``;
  const period = (col: string) =>
    sql`${sql.ref(col)} >= ${start}::date AND ${sql.ref(col)} < ${end}::date`;
  const open = sql`rd < ${end}::date AND (fd IS NULL OR fd >= ${end}::date)`;
  const { rows } = await sql<CountedFigures & { key: string }>`
    WITH d AS (
      SELECT ${key} AS key, x.channel, x.finish_kind, x.rating,
        (x.received_at AT TIME ZONE ${tz})::date AS rd,
        (x.finished_at AT TIME ZONE ${tz})::date AS fd,
        (x.due_at AT TIME ZONE ${tz})::date AS dd,
        (x.returned_at AT TIME ZONE ${tz})::date AS td,
        (x.rated_at AT TIME ZONE ${tz})::date AS qd
      FROM dossier.dossiers AS x ${join}
      WHERE x.received_at IS NOT NULL AND x.receiving_agency_id = ANY(${sql.val(ids)}::uuid[])
    )
    SELECT key,
      count(*) FILTER (WHERE rd < ${start}::date AND (fd IS NULL OR fd >= ${start}::date))::int
        AS carried_over,
      count(*) FILTER (WHERE ${period('rd')} AND channel = 'online')::int AS received_online,
      count(*) FILTER (WHERE ${period('rd')} AND channel = 'desk')::int AS received_desk,
      count(*) FILTER (WHERE ${period('rd')} AND channel = 'post')::int AS received_post,
      count(*) FILTER (WHERE ${period('rd')})::int AS received,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind = 'early')::int AS settled_early,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind = 'on_time')::int AS settled_on_time,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind = 'late')::int AS settled_late,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind IN ('early', 'on_time', 'late'))::int
        AS settled,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind = 'refused')::int AS refused,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind = 'withdrawn')::int AS withdrawn,
      count(*) FILTER (WHERE ${period('fd')} AND finish_kind = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE ${open})::int AS in_progress,
      count(*) FILTER (WHERE ${open} AND dd < ${end}::date)::int AS in_progress_overdue,
      count(*) FILTER (WHERE ${period('td')})::int AS returned,
      count(*) FILTER (WHERE ${period('qd')} AND rating = 'very_satisfied')::int
        AS rated_very_satisfied,
      count(*) FILTER (WHERE ${period('qd')} AND rating = 'satisfied')::int AS rated_satisfied,
      count(*) FILTER (WHERE ${period('qd')} AND rating = 'not_satisfied')::int
        AS rated_not_satisfied
    FROM d GROUP BY key`.execute(db);
  return new Map(rows.map(({ key: k, ...figures }) => [k, figures]));
}
