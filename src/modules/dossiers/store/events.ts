import { type RawBuilder, sql } from 'kysely';
import { type EventRow, type Exec, q } from './tables.js';

export type NewEvent = Omit<EventRow, 'id' | 'seq' | 'data'> & { data?: Record<string, unknown> };

/**
 * The statement appending history lines, in order: each dossier's lines take the numbers
 * after its last one (its row is locked by the caller, or it was created in this transaction).
 */
export function appendStatement(events: readonly NewEvent[]): RawBuilder<unknown> | null {
  if (events.length === 0) return null;
  const nth = new Map<string, number>();
  const rows = events.map((e, i) => {
    const n = (nth.get(e.dossierId) ?? 0) + 1;
    nth.set(e.dossierId, n);
    return sql`(${i}::int, ${e.dossierId}::uuid, ${n}::int, ${e.action}::text, ${e.fromState}::text,
      ${e.toState}::text, ${e.stepIndex}::int, ${e.stepKey}::text, ${e.actorUserId}::uuid,
      ${e.actorName}::text, ${e.actorAgencyId}::uuid, ${e.at}::timestamptz,
      ${e.publicNote}::text, ${e.internalNote}::text, ${JSON.stringify(e.data ?? {})}::jsonb)`;
  });
  return sql`
    INSERT INTO dossier.events (dossier_id, seq, action, from_state, to_state, step_index,
      step_key, actor_user_id, actor_name, actor_agency_id, at, public_note, internal_note, data)
    SELECT v.dossier_id,
      v.n + coalesce((SELECT max(e.seq) FROM dossier.events e WHERE e.dossier_id = v.dossier_id), 0),
      v.action, v.from_state, v.to_state, v.step_index, v.step_key, v.actor_user_id,
      v.actor_name, v.actor_agency_id, v.at, v.public_note, v.internal_note, v.data
    FROM (VALUES ${sql.join(rows)}) AS v (i, dossier_id, n, action, from_state, to_state,
      step_index, step_key, actor_user_id, actor_name, actor_agency_id, at, public_note,
      internal_note, data)
    ORDER BY v.i`;
}

export async function listFor(exec: Exec, dossierId: string): Promise<EventRow[]> {
  return q(exec)
    .selectFrom('dossier.events')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .orderBy('seq')
    .execute();
}
