import { type Insertable, sql, type Updateable } from 'kysely';
import type { DocumentTables, Exec, IncomingRow, RecipientRow } from './tables.js';
import { q } from './tables.js';

type IncomingTable = DocumentTables['document.incoming'];

export async function insert(ex: Exec, row: Insertable<IncomingTable>): Promise<IncomingRow> {
  return q(ex).insertInto('document.incoming').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function find(ex: Exec, id: string): Promise<IncomingRow | undefined> {
  return q(ex).selectFrom('document.incoming').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lock(ex: Exec, id: string): Promise<IncomingRow | undefined> {
  return q(ex)
    .selectFrom('document.incoming')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function update(
  ex: Exec,
  id: string,
  patch: Updateable<IncomingTable>,
): Promise<IncomingRow> {
  return q(ex)
    .updateTable('document.incoming')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listOfDocument(ex: Exec, documentId: string): Promise<IncomingRow[]> {
  return q(ex)
    .selectFrom('document.incoming')
    .selectAll()
    .where('documentId', '=', documentId)
    .execute();
}

/** The first opening by an official of the receiving agency (the read receipt). */
export async function markRead(
  ex: Exec,
  id: string,
  reader: { userId: string; name: string },
  at: Date,
): Promise<boolean> {
  const res = await q(ex)
    .updateTable('document.incoming')
    .set({ readAt: at, readByUserId: reader.userId, readByName: reader.name })
    .where('id', '=', id)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Recall: the entries disappear from the receivers' registers and lists. */
export async function markRecalled(ex: Exec, documentId: string, at: Date): Promise<IncomingRow[]> {
  return q(ex)
    .updateTable('document.incoming')
    .set({ recalledAt: at, updatedAt: at })
    .where('documentId', '=', documentId)
    .where('recalledAt', 'is', null)
    .returningAll()
    .execute();
}

export type IncomingWhere = {
  agencyIds: readonly string[];
  state?: IncomingRow['state'] | undefined;
  filter: 'all' | 'overdue' | 'mine' | 'undirected';
  userId: string;
  today: string;
  year?: number | undefined;
};
export type IncomingFilter = IncomingWhere & { limit: number; offset: number };

export const OPEN_STATES = ['directed', 'in_progress'] as const;

/** The entries a filter selects: the one query behind both the list and its count. */
function entries(ex: Exec, f: IncomingWhere) {
  let query = q(ex)
    .selectFrom('document.incoming as i')
    .innerJoin('document.documents as d', 'd.id', 'i.documentId')
    .where('i.agencyId', 'in', f.agencyIds)
    .where('i.recalledAt', 'is', null);
  if (f.state) query = query.where('i.state', '=', f.state);
  if (f.year !== undefined) {
    query = query
      .where('i.receivedOn', '>=', `${f.year}-01-01`)
      .where('i.receivedOn', '<=', `${f.year}-12-31`);
  }
  if (f.filter === 'overdue') {
    query = query.where('i.state', 'in', OPEN_STATES).where('i.deadline', '<', f.today);
  } else if (f.filter === 'undirected') {
    query = query.where('i.state', '=', 'received');
  } else if (f.filter === 'mine') {
    query = query.where((eb) =>
      eb.or([
        eb('i.leadUserId', '=', f.userId),
        eb(sql<string>`${f.userId}::uuid`, '=', eb.fn.any('i.coordinatorUserIds')),
      ]),
    );
  }
  return query;
}

/** How many entries the list of this filter holds (its `total`). */
export async function count(ex: Exec, f: IncomingWhere): Promise<number> {
  if (f.agencyIds.length === 0) return 0;
  const row = await entries(ex, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the filter's entries, newest first, and the total. */
export async function list(ex: Exec, f: IncomingFilter) {
  if (f.agencyIds.length === 0) return { rows: [], total: 0 };
  const total = await count(ex, f);
  const rows = await entries(ex, f)
    .selectAll('i')
    .select(['d.issuerName', 'd.symbol', 'd.summary', 'd.urgency'])
    .orderBy('i.receivedAt', 'desc')
    .orderBy('i.number', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total };
}

/** Open entries with a deadline on or before `until` (the reminder sweep's candidates). */
export async function openWithDeadlineBy(ex: Exec, until: string): Promise<IncomingRow[]> {
  return q(ex)
    .selectFrom('document.incoming')
    .selectAll()
    .where('state', 'in', OPEN_STATES)
    .where('recalledAt', 'is', null)
    .where('deadline', 'is not', null)
    .where('deadline', '<=', until)
    .execute();
}

export async function insertRecipients(
  ex: Exec,
  documentId: string,
  recipients: readonly { agencyId: string | null; name: string; email: string | null }[],
): Promise<void> {
  if (recipients.length === 0) return;
  await q(ex)
    .insertInto('document.recipients')
    .values(recipients.map((r, i) => ({ documentId, ordinal: i + 1, ...r })))
    .execute();
}

export async function replaceRecipients(
  ex: Exec,
  documentId: string,
  recipients: readonly { agencyId: string | null; name: string; email: string | null }[],
): Promise<void> {
  await q(ex).deleteFrom('document.recipients').where('documentId', '=', documentId).execute();
  await insertRecipients(ex, documentId, recipients);
}

export async function listRecipients(ex: Exec, documentId: string): Promise<RecipientRow[]> {
  return q(ex)
    .selectFrom('document.recipients')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('ordinal')
    .execute();
}

export async function markDelivered(
  ex: Exec,
  recipientId: string,
  incomingId: string | null,
  at: Date,
): Promise<void> {
  await q(ex)
    .updateTable('document.recipients')
    .set({ deliveredAt: at, incomingId })
    .where('id', '=', recipientId)
    .execute();
}
