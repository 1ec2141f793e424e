import type { Agency } from './schema.js';
import {
  type AgencyRow,
  type Exec,
  type NewAgencyRow,
  type NewSuccession,
  columns,
  q,
  toAgency,
} from './store.js';

// Kysely sends one statement per call; 17 columns × 500 rows stays far below the
// 65,535-parameter limit of the wire protocol.
const CHUNK = 500;

export async function insertAgencies(exec: Exec, rows: readonly NewAgencyRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await q(exec)
      .insertInto('agency.agencies')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export type AgencyPatch = Partial<
  Pick<
    AgencyRow,
    'name' | 'shortName' | 'abbreviation' | 'gsoCode' | 'electronicId' | 'sortOrder' | 'validTo'
  >
>;

export async function updateAgency(
  exec: Exec,
  id: string,
  patch: AgencyPatch,
  now: Date,
): Promise<Agency> {
  const row = await q(exec)
    .updateTable('agency.agencies')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toAgency(row);
}

export async function endAgencies(
  exec: Exec,
  ids: readonly string[],
  validTo: string,
  now: Date,
): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await q(exec)
      .updateTable('agency.agencies')
      .set({ validTo, updatedAt: now })
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('validTo', 'is', null)
      .execute();
  }
}

export async function insertSuccessions(exec: Exec, rows: readonly NewSuccession[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await q(exec)
      .insertInto('agency.successions')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}
