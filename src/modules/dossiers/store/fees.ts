import { type Exec, type FeeRow, q } from './tables.js';

export async function insert(trx: Exec, row: Omit<FeeRow, 'id'>): Promise<void> {
  await insertMany(trx, [row]);
}

export async function insertMany(trx: Exec, rows: readonly Omit<FeeRow, 'id'>[]): Promise<void> {
  if (rows.length > 0) await q(trx).insertInto('dossier.fees').values(rows).execute();
}

export async function find(exec: Exec, dossierId: string): Promise<FeeRow | undefined> {
  return q(exec)
    .selectFrom('dossier.fees')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .executeTakeFirst();
}

export async function lock(trx: Exec, dossierId: string): Promise<FeeRow | undefined> {
  return q(trx)
    .selectFrom('dossier.fees')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markPaid(
  trx: Exec,
  dossierId: string,
  values: { receiptNo: string; paidAt: Date; recordedBy: string | null },
): Promise<void> {
  await q(trx)
    .updateTable('dossier.fees')
    .set({ ...values, status: 'paid', method: 'desk' })
    .where('dossierId', '=', dossierId)
    .execute();
}
