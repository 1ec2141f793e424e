import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { together } from '../../platform/db/together.js';
import { type Executor, narrow } from '../../platform/db/executor.js';
import type { Link } from './chain.js';

type EventRow = Link & { hash: string };
export type AuditTables = {
  'audit.events': EventRow;
  'audit.chainHead': { id: number; seq: number; hash: string };
};

type Exec = Kysely<unknown> | Transaction<unknown>;
const q = (exec: Exec): Executor<AuditTables> => narrow<AuditTables>(exec);

/**
 * Locks the head row: writers of the chain queue here, so links never fork. `alongWith`:
 * the caller's other writes, sent in the same round trip (see `together`).
 */
export async function lockHead(
  exec: Exec,
  alongWith: readonly RawBuilder<unknown>[] = [],
): Promise<{ seq: number; hash: string }> {
  const { rows } = await together(
    alongWith,
    sql<{ seq: number; hash: string }>`
      SELECT seq, hash FROM audit.chain_head WHERE id = 1 FOR UPDATE`,
  ).execute(exec);
  const head = rows[0];
  if (!head) throw new Error('audit.chain_head has no row');
  return { seq: Number(head.seq), hash: head.hash };
}

export async function readHead(exec: Exec): Promise<{ seq: number; hash: string }> {
  return q(exec)
    .selectFrom('audit.chainHead')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** Appends links (consecutive, the first after the locked head) and moves the head. */
export async function appendLinks(exec: Exec, rows: readonly EventRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await sql`
    WITH links AS (
      INSERT INTO audit.events (seq, id, occurred_at, actor_user_id, actor_label, agency_id,
        action, target_type, target_id, before, after, request_id, client_ip, prev_hash, hash)
      VALUES ${sql.join(
        rows.map(
          (r) => sql`(${r.seq}::bigint, ${r.id}::uuid, ${r.occurredAt}::timestamptz,
            ${r.actorUserId}::uuid, ${r.actorLabel}, ${r.agencyId}::uuid, ${r.action},
            ${r.targetType}, ${r.targetId}, ${json(r.before)}::jsonb, ${json(r.after)}::jsonb,
            ${r.requestId}, ${r.clientIp}, ${r.prevHash}, ${r.hash})`,
        ),
      )}
    )
    UPDATE audit.chain_head SET seq = ${last.seq}, hash = ${last.hash} WHERE id = 1`.execute(exec);
}

/** Links in chain order from `afterSeq` on, by pages (verification walks the whole chain). */
export async function readLinks(exec: Exec, afterSeq: number, limit: number): Promise<EventRow[]> {
  return q(exec)
    .selectFrom('audit.events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export type EventFilter = {
  agencyIds?: string[] | undefined;
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
  limit: number;
};

/** Newest first, keyset-paginated on seq. */
export async function findEvents(exec: Exec, f: EventFilter): Promise<EventRow[]> {
  let query = q(exec).selectFrom('audit.events').selectAll();
  if (f.agencyIds)
    query = query.where(
      'agencyId',
      'in',
      f.agencyIds.length ? f.agencyIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (f.actorUserId) query = query.where('actorUserId', '=', f.actorUserId);
  if (f.targetType) query = query.where('targetType', '=', f.targetType);
  if (f.targetId) query = query.where('targetId', '=', f.targetId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('occurredAt', '>=', f.from);
  if (f.to) query = query.where('occurredAt', '<', f.to);
  if (f.beforeSeq) query = query.where('seq', '<', f.beforeSeq);
  return query.orderBy('seq', 'desc').limit(f.limit).execute();
}
