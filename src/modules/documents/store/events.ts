import type { EventRow, Exec } from './tables.js';
import { q } from './tables.js';

export type NewEvent = {
  documentId: string;
  incomingId?: string | null;
  action: string;
  actorUserId: string | null;
  actorName: string;
  at: Date;
  note?: string | null;
  data?: Record<string, unknown>;
};

export async function append(ex: Exec, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await q(ex)
    .insertInto('document.events')
    .values(
      events.map((e) => ({
        documentId: e.documentId,
        incomingId: e.incomingId ?? null,
        action: e.action,
        actorUserId: e.actorUserId,
        actorName: e.actorName,
        at: e.at,
        note: e.note ?? null,
        data: JSON.stringify(e.data ?? {}),
      })),
    )
    .execute();
}

/** The document's own history (incomingId null) or one incoming entry's. */
export async function list(
  ex: Exec,
  documentId: string,
  incomingId: string | null,
): Promise<EventRow[]> {
  let query = q(ex).selectFrom('document.events').selectAll().where('documentId', '=', documentId);
  query =
    incomingId === null
      ? query.where('incomingId', 'is', null)
      : query.where('incomingId', '=', incomingId);
  return query.orderBy('id').execute();
}
