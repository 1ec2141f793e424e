import { type EventRow, type Exec, q } from './tables.js';

export type NewEvent = Omit<EventRow, 'id' | 'seq' | 'data'> & { data?: Record<string, unknown> };

/** Appends the next event of a dossier (the dossier row is locked by the caller). */
export async function append(trx: Exec, event: NewEvent): Promise<number> {
  const last = await q(trx)
    .selectFrom('dossier.events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('dossierId', '=', event.dossierId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await q(trx)
    .insertInto('dossier.events')
    .values({ ...event, seq, data: JSON.stringify(event.data ?? {}) })
    .execute();
  return seq;
}

export async function listFor(exec: Exec, dossierId: string): Promise<EventRow[]> {
  return q(exec)
    .selectFrom('dossier.events')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .orderBy('seq')
    .execute();
}
