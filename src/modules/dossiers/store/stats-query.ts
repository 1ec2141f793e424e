import { type RawBuilder, sql } from 'kysely';
import type { Exec } from './tables.js';

/** Sums of the pre-aggregated facts over a period, split "before the period" / "in it". */
export type Sums = {
  received: number;
  receivedOnline: number;
  receivedDesk: number;
  receivedPost: number;
  settledEarly: number;
  settledOnTime: number;
  settledLate: number;
  refused: number;
  withdrawn: number;
  cancelled: number;
  returned: number;
  due: number;
  dueClosed: number;
  ratedVerySatisfied: number;
  ratedSatisfied: number;
  ratedNotSatisfied: number;
};

export type GroupSums = { key: string; pre: Sums; in: Sums };

export type PeriodFilter = {
  /** First day of the period and the day after its last, local dates. */
  start: string;
  end: string;
  agencyIds: string[];
  sectorId?: string | undefined;
  procedureId?: string | undefined;
  /** How a row's key is formed: by a map agency → group, or by procedure / sector. */
  group:
    | { by: 'agency'; agencyGroup: Map<string, string> }
    | { by: 'procedure' }
    | { by: 'sector' }
    | { by: 'none' };
};

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * One query over the month and day tables: whole months come from `stat_months`, the
 * broken months at either end from `stat_days`. "pre" is everything before `start` (what
 * the carried-over and overdue counts need), "in" is [start, end).
 */
export async function sumPeriod(exec: Exec, f: PeriodFilter): Promise<GroupSums[]> {
  const startMonth = firstOfMonth(f.start);
  const firstFull = f.start === startMonth ? startMonth : nextMonth(startMonth);
  const endFull = firstOfMonth(f.end);
  const hasFullMonths = firstFull < endFull;

  const agencyIds = f.agencyIds.length ? f.agencyIds : ['00000000-0000-0000-0000-000000000000'];
  const filters = (alias: string): RawBuilder<unknown> => {
    const parts = [sql`${sql.ref(`${alias}.agency_id`)} = ANY(${sql.val(agencyIds)}::uuid[])`];
    if (f.sectorId) parts.push(sql`${sql.ref(`${alias}.sector_id`)} = ${f.sectorId}`);
    if (f.procedureId) parts.push(sql`${sql.ref(`${alias}.procedure_id`)} = ${f.procedureId}`);
    return sql.join(parts, sql` AND `);
  };

  const keyExpr = (alias: string): RawBuilder<string> => {
    switch (f.group.by) {
      case 'agency':
        return sql<string>`g.group_id`;
      case 'procedure':
        return sql<string>`${sql.ref(`${alias}.procedure_id`)}::text`;
      case 'sector':
        return sql<string>`${sql.ref(`${alias}.sector_id`)}::text`;
      case 'none':
        return sql<string>`'all'`;
    }
  };

  const groupJoin = (alias: string) => {
    if (f.group.by !== 'agency') return sql``;
    const ids = [...f.group.agencyGroup.keys()];
    const groups = [...f.group.agencyGroup.values()];
    return sql`JOIN unnest(${sql.val(ids)}::uuid[], ${sql.val(groups)}::text[]) AS g (agency_id, group_id)
      ON g.agency_id = ${sql.ref(`${alias}.agency_id`)}`;
  };

  const slice = (
    bucket: 'pre' | 'in',
    table: 'stat_days' | 'stat_months',
    where: RawBuilder<unknown>,
  ) => sql`
    SELECT ${bucket}::text AS bucket, ${keyExpr('s')} AS key, s.channel,
      s.received, s.settled_early, s.settled_on_time, s.settled_late, s.refused, s.withdrawn,
      s.cancelled, s.returned, s.due, s.due_closed, s.rated_very_satisfied, s.rated_satisfied,
      s.rated_not_satisfied
    FROM ${sql.table(`dossier.${table}`)} AS s ${groupJoin('s')}
    WHERE ${filters('s')} AND ${where}`;

  const slices = [
    slice('pre', 'stat_months', sql`s.month < ${startMonth}::date`),
    slice('pre', 'stat_days', sql`s.day >= ${startMonth}::date AND s.day < ${f.start}::date`),
  ];
  if (hasFullMonths) {
    slices.push(
      slice('in', 'stat_months', sql`s.month >= ${firstFull}::date AND s.month < ${endFull}::date`),
      slice(
        'in',
        'stat_days',
        sql`((s.day >= ${f.start}::date AND s.day < ${firstFull}::date)
          OR (s.day >= ${endFull}::date AND s.day < ${f.end}::date))`,
      ),
    );
  } else {
    slices.push(
      slice('in', 'stat_days', sql`s.day >= ${f.start}::date AND s.day < ${f.end}::date`),
    );
  }

  const { rows } = await sql<{
    bucket: 'pre' | 'in';
    key: string;
    received: number;
    receivedOnline: number;
    receivedDesk: number;
    receivedPost: number;
    settledEarly: number;
    settledOnTime: number;
    settledLate: number;
    refused: number;
    withdrawn: number;
    cancelled: number;
    returned: number;
    due: number;
    dueClosed: number;
    ratedVerySatisfied: number;
    ratedSatisfied: number;
    ratedNotSatisfied: number;
  }>`
    SELECT bucket, key,
      sum(received)::int AS received,
      (sum(received) FILTER (WHERE channel = 'online'))::int AS received_online,
      (sum(received) FILTER (WHERE channel = 'desk'))::int AS received_desk,
      (sum(received) FILTER (WHERE channel = 'post'))::int AS received_post,
      sum(settled_early)::int AS settled_early, sum(settled_on_time)::int AS settled_on_time,
      sum(settled_late)::int AS settled_late, sum(refused)::int AS refused,
      sum(withdrawn)::int AS withdrawn, sum(cancelled)::int AS cancelled,
      sum(returned)::int AS returned, sum(due)::int AS due, sum(due_closed)::int AS due_closed,
      sum(rated_very_satisfied)::int AS rated_very_satisfied,
      sum(rated_satisfied)::int AS rated_satisfied,
      sum(rated_not_satisfied)::int AS rated_not_satisfied
    FROM (${sql.join(slices, sql` UNION ALL `)}) AS u
    GROUP BY bucket, key`.execute(exec);

  const byKey = new Map<string, GroupSums>();
  for (const r of rows) {
    let g = byKey.get(r.key);
    if (!g) byKey.set(r.key, (g = { key: r.key, pre: emptySums(), in: emptySums() }));
    const sums = g[r.bucket];
    for (const k of Object.keys(sums) as (keyof Sums)[]) sums[k] = Number(r[k] ?? 0);
  }
  return [...byKey.values()];
}

export function emptySums(): Sums {
  return {
    received: 0,
    receivedOnline: 0,
    receivedDesk: 0,
    receivedPost: 0,
    settledEarly: 0,
    settledOnTime: 0,
    settledLate: 0,
    refused: 0,
    withdrawn: 0,
    cancelled: 0,
    returned: 0,
    due: 0,
    dueClosed: 0,
    ratedVerySatisfied: 0,
    ratedSatisfied: 0,
    ratedNotSatisfied: 0,
  };
}
