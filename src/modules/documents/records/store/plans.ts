import type { Insertable } from 'kysely';
import type { FileHeadingRow, FilePlanRow, RecordTables } from './tables.js';
import { type Exec, q } from './tables.js';

export async function insertPlan(
  ex: Exec,
  row: Insertable<RecordTables['document.filePlans']>,
): Promise<FilePlanRow> {
  return q(ex)
    .insertInto('document.filePlans')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPlan(ex: Exec, id: string): Promise<FilePlanRow | undefined> {
  return q(ex).selectFrom('document.filePlans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanOf(
  ex: Exec,
  agencyId: string,
  year: number,
): Promise<FilePlanRow | undefined> {
  return q(ex)
    .selectFrom('document.filePlans')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Plans of these agencies (a year, or all), newest year first, with their counts. */
export async function listPlans(ex: Exec, agencyIds: readonly string[], year?: number) {
  if (agencyIds.length === 0) return [];
  let query = q(ex)
    .selectFrom('document.filePlans as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('document.fileHeadings as h')
        .whereRef('h.planId', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('headingCount'),
      eb
        .selectFrom('document.files as f')
        .whereRef('f.planId', '=', 'p.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('fileCount'),
    ])
    .where('p.agencyId', 'in', agencyIds);
  if (year !== undefined) query = query.where('p.year', '=', year);
  const rows = await query.orderBy('p.year', 'desc').orderBy('p.agencyId').limit(500).execute();
  return rows.map((r) => ({
    ...r,
    headingCount: Number(r.headingCount ?? 0),
    fileCount: Number(r.fileCount ?? 0),
  }));
}

/** Appends headings after the plan's last one. */
export async function insertHeadings(
  ex: Exec,
  planId: string,
  headings: readonly { code: string; title: string }[],
): Promise<FileHeadingRow[]> {
  if (headings.length === 0) return [];
  const last = await q(ex)
    .selectFrom('document.fileHeadings')
    .select((eb) => eb.fn.max('ordinal').as('n'))
    .where('planId', '=', planId)
    .executeTakeFirst();
  const start = Number(last?.n ?? 0);
  return q(ex)
    .insertInto('document.fileHeadings')
    .values(
      headings.map((h, i) => ({ planId, ordinal: start + i + 1, code: h.code, title: h.title })),
    )
    .returningAll()
    .execute();
}

export async function listHeadings(ex: Exec, planId: string) {
  const rows = await q(ex)
    .selectFrom('document.fileHeadings as h')
    .selectAll('h')
    .select((eb) =>
      eb
        .selectFrom('document.files as f')
        .whereRef('f.headingId', '=', 'h.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('fileCount'),
    )
    .where('h.planId', '=', planId)
    .orderBy('h.ordinal')
    .execute();
  return rows.map((r) => ({ ...r, fileCount: Number(r.fileCount ?? 0) }));
}

export async function findHeading(ex: Exec, id: string): Promise<FileHeadingRow | undefined> {
  return q(ex)
    .selectFrom('document.fileHeadings')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findHeadingByCode(ex: Exec, planId: string, code: string) {
  return q(ex)
    .selectFrom('document.fileHeadings')
    .select('id')
    .where('planId', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The heading's next file number, the row locked until the caller's transaction ends. */
export async function takeFileNumber(ex: Exec, headingId: string): Promise<number> {
  const row = await q(ex)
    .updateTable('document.fileHeadings')
    .set((eb) => ({ lastNumber: eb('lastNumber', '+', 1) }))
    .where('id', '=', headingId)
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return Number(row.lastNumber);
}

export async function touchPlan(ex: Exec, id: string, now: Date): Promise<void> {
  await q(ex)
    .updateTable('document.filePlans')
    .set({ updatedAt: now })
    .where('id', '=', id)
    .execute();
}
