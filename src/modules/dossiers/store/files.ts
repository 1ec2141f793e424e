import { type Exec, type FileRow, q } from './tables.js';

export async function insert(trx: Exec, row: Omit<FileRow, 'id' | 'removedAt'>): Promise<FileRow> {
  return q(trx).insertInto('dossier.files').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listFor(exec: Exec, dossierId: string): Promise<FileRow[]> {
  return q(exec)
    .selectFrom('dossier.files')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .where('removedAt', 'is', null)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
}

export async function find(
  exec: Exec,
  dossierId: string,
  id: string,
): Promise<FileRow | undefined> {
  return q(exec)
    .selectFrom('dossier.files')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
}

export async function totalBytes(exec: Exec, dossierId: string): Promise<number> {
  const row = await q(exec)
    .selectFrom('dossier.files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('sizeBytes'), eb.lit(0)).as('total'))
    .where('dossierId', '=', dossierId)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function markRemoved(trx: Exec, id: string, at: Date): Promise<void> {
  await q(trx).updateTable('dossier.files').set({ removedAt: at }).where('id', '=', id).execute();
}
