import { sql } from 'kysely';
import { type Exec, q, type RegisterRow } from './tables.js';

export type RegisterKind = RegisterRow['kind'];
export type SeriesTemplate = { series: string; name: string; typeKeys: string[] };

export async function find(ex: Exec, id: string): Promise<RegisterRow | undefined> {
  return q(ex).selectFrom('document.registers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOfYear(
  ex: Exec,
  agencyId: string,
  kind: RegisterKind,
  year: number,
): Promise<RegisterRow[]> {
  return q(ex)
    .selectFrom('document.registers')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .orderBy('series')
    .execute();
}

/** The series of the agency's nearest other year (the configuration a new year starts from). */
export async function seriesOfNearestYear(
  ex: Exec,
  agencyId: string,
  kind: RegisterKind,
  year: number,
): Promise<SeriesTemplate[]> {
  const nearest = await q(ex)
    .selectFrom('document.registers')
    .select('year')
    .where('agencyId', '=', agencyId)
    .where('kind', '=', kind)
    .where('year', '<>', year)
    .orderBy(sql`abs(year - ${year})`)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!nearest) return [];
  return q(ex)
    .selectFrom('document.registers')
    .select(['series', 'name', 'typeKeys'])
    .where('agencyId', '=', agencyId)
    .where('kind', '=', kind)
    .where('year', '=', nearest.year)
    .orderBy('series')
    .execute();
}

/** Creates the missing series of a year; a concurrent creator's rows are kept (no error). */
export async function insertSeries(
  ex: Exec,
  agencyId: string,
  kind: RegisterKind,
  year: number,
  series: readonly SeriesTemplate[],
  now: Date,
): Promise<void> {
  if (series.length === 0) return;
  await q(ex)
    .insertInto('document.registers')
    .values(
      [...series]
        .sort((a, b) => (a.series < b.series ? -1 : 1))
        .map((s) => ({
          agencyId,
          kind,
          year,
          series: s.series,
          name: s.name,
          typeKeys: s.typeKeys,
          createdAt: now,
          updatedAt: now,
        })),
    )
    .onConflict((oc) => oc.columns(['agencyId', 'kind', 'year', 'series']).doNothing())
    .execute();
}

export async function updateSeries(
  ex: Exec,
  id: string,
  patch: { name: string; typeKeys: string[] },
  now: Date,
): Promise<RegisterRow> {
  return q(ex)
    .updateTable('document.registers')
    .set({ name: patch.name, typeKeys: patch.typeKeys, updatedAt: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The next number of a register, in the caller's transaction: the row stays locked until
 * commit, so concurrent issuers queue and get consecutive numbers; a rollback gives it back.
 */
export async function takeNumber(ex: Exec, id: string, now: Date): Promise<number> {
  const row = await q(ex)
    .updateTable('document.registers')
    .set((eb) => ({ lastNumber: eb('lastNumber', '+', 1), updatedAt: now }))
    .where('id', '=', id)
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return Number(row.lastNumber);
}

export async function listFor(
  ex: Exec,
  agencyIds: readonly string[],
  filter: { year?: number | undefined; kind?: RegisterKind | undefined },
): Promise<RegisterRow[]> {
  if (agencyIds.length === 0) return [];
  let query = q(ex).selectFrom('document.registers').selectAll().where('agencyId', 'in', agencyIds);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  return query.orderBy('year', 'desc').orderBy('kind').orderBy('series').execute();
}
