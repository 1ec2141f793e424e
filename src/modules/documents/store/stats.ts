import { sql } from 'kysely';
import { type Exec, q } from './tables.js';

export type Period = { from: string; to: string; agencyIds: readonly string[] | null };

/** Issued documents of the period per agency and signer (both signatures made here). */
export async function issuedBy(ex: Exec, p: Period) {
  let query = q(ex)
    .selectFrom('document.documents')
    .select([
      'agencyId',
      'signerName',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) =>
        eb.fn
          .count<number>('id')
          .filterWhere(
            eb.and([eb('signedSha256', 'is not', null), eb('issuedSha256', 'is not', null)]),
          )
          .as('signed'),
    ])
    .where('origin', '=', 'internal')
    .where('issuedOn', '>=', p.from)
    .where('issuedOn', '<=', p.to);
  if (p.agencyIds) query = query.where('agencyId', 'in', p.agencyIds);
  const rows = await query.groupBy(['agencyId', 'signerName']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), signed: Number(r.signed) }));
}

/** Agencies that received documents in the period (any source). */
export async function receivingAgencies(ex: Exec, p: Period): Promise<string[]> {
  let query = q(ex)
    .selectFrom('document.incoming')
    .select('agencyId')
    .distinct()
    .where('receivedOn', '>=', p.from)
    .where('receivedOn', '<=', p.to);
  if (p.agencyIds) query = query.where('agencyId', 'in', p.agencyIds);
  return (await query.execute()).map((r) => r.agencyId);
}

/** Incoming entries received in the period by how their handling stands (`today` local). */
export async function handling(ex: Exec, p: Period, today: string) {
  let query = q(ex)
    .selectFrom('document.incoming')
    .select(
      sql<string>`CASE
        WHEN state = 'done' AND (deadline IS NULL OR completed_on <= deadline) THEN 'on_time'
        WHEN state = 'done' THEN 'late'
        WHEN deadline IS NOT NULL AND deadline < ${today}::date THEN 'overdue'
        ELSE 'in_progress' END`.as('outcome'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('receivedOn', '>=', p.from)
    .where('receivedOn', '<=', p.to)
    .where('recalledAt', 'is', null)
    .where('state', '<>', 'returned');
  if (p.agencyIds) query = query.where('agencyId', 'in', p.agencyIds);
  const rows = await query.groupBy('outcome').execute();
  return new Map(rows.map((r) => [r.outcome, Number(r.n)]));
}
