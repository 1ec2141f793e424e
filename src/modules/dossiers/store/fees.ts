import { type RawBuilder, sql } from 'kysely';
import { type Exec, type FeeRow, q } from './tables.js';

export async function insert(trx: Exec, row: Omit<FeeRow, 'id'>): Promise<void> {
  await insertStatement([row])!.execute(trx);
}

/** The statement inserting fees due (written with a transaction's other changes). */
export function insertStatement(rows: readonly Omit<FeeRow, 'id'>[]): RawBuilder<unknown> | null {
  if (rows.length === 0) return null;
  return sql`
    INSERT INTO dossier.fees (dossier_id, amount_vnd, status, method, receipt_no, paid_at,
      recorded_by, created_at)
    VALUES ${sql.join(
      rows.map(
        (r) => sql`(${r.dossierId}::uuid, ${r.amountVnd}::bigint, ${r.status}, ${r.method},
          ${r.receiptNo}, ${r.paidAt}::timestamptz, ${r.recordedBy}::uuid, ${r.createdAt}::timestamptz)`,
      ),
    )}`;
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
