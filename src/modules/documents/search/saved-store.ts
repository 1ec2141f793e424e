import type { ColumnType, Generated, Selectable } from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import type { Exec } from './store.js';

type SavedSearchesTable = {
  id: Generated<string>;
  userId: string;
  name: string;
  query: ColumnType<unknown, string, string>;
  createdAt: Date;
};
export type SavedSearchRow = Selectable<SavedSearchesTable>;
type Tables = { 'document.savedSearches': SavedSearchesTable };
const q = (ex: Exec): Executor<Tables> => narrow<Tables>(ex);

export async function insertSaved(
  ex: Exec,
  row: { userId: string; name: string; query: unknown; createdAt: Date },
): Promise<SavedSearchRow> {
  return q(ex)
    .insertInto('document.savedSearches')
    .values({ ...row, query: JSON.stringify(row.query) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listSaved(ex: Exec, userId: string): Promise<SavedSearchRow[]> {
  return q(ex)
    .selectFrom('document.savedSearches')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('name')
    .execute();
}

export async function countSaved(ex: Exec, userId: string): Promise<number> {
  const row = await q(ex)
    .selectFrom('document.savedSearches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findSaved(
  ex: Exec,
  userId: string,
  id: string,
): Promise<SavedSearchRow | undefined> {
  return q(ex)
    .selectFrom('document.savedSearches')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function deleteSaved(ex: Exec, id: string): Promise<void> {
  await q(ex).deleteFrom('document.savedSearches').where('id', '=', id).execute();
}
