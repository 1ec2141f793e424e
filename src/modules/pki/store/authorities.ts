import type { Insertable } from 'kysely';
import { type AuthorityRow, type CrlRow, type Exec, type PkiTables, q } from './tables.js';

export const findCurrentAuthority = (
  exec: Exec,
  kind: 'root' | 'issuing',
): Promise<AuthorityRow | undefined> =>
  q(exec)
    .selectFrom('pki.authorities')
    .selectAll()
    .where('kind', '=', kind)
    .where('retiredAt', 'is', null)
    .executeTakeFirst();

export async function insertAuthority(
  exec: Exec,
  row: Insertable<PkiTables['pki.authorities']>,
): Promise<AuthorityRow> {
  return q(exec).insertInto('pki.authorities').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Takes the next CRL number, locking the authority row until commit (one writer at a time). */
export async function nextCrlNumber(exec: Exec, authorityId: string): Promise<number> {
  const row = await q(exec)
    .updateTable('pki.authorities')
    .set((eb) => ({ crlNumber: eb('crlNumber', '+', 1) }))
    .where('id', '=', authorityId)
    .returning('crlNumber')
    .executeTakeFirstOrThrow();
  return Number(row.crlNumber);
}

export async function insertCrl(exec: Exec, row: Insertable<PkiTables['pki.crls']>) {
  await q(exec).insertInto('pki.crls').values(row).execute();
}

export const findLatestCrl = (exec: Exec, authorityId: string): Promise<CrlRow | undefined> =>
  q(exec)
    .selectFrom('pki.crls')
    .selectAll()
    .where('authorityId', '=', authorityId)
    .orderBy('crlNumber', 'desc')
    .limit(1)
    .executeTakeFirst();
