import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { together } from '../../platform/db/together.js';
import { type Executor, narrow } from '../../platform/db/executor.js';
import type { Link } from './chain.js';

type EventRow = Link & { hash: string };
export type AuditTables = {
  'audit.events': EventRow;
  /** One row per chain: `seq` is the position of its last link. */
  'audit.chainHead': { id: number; seq: number; hash: string };
};

type Exec = Kysely<unknown> | Transaction<unknown>;
const q = (exec: Exec): Executor<AuditTables> => narrow<AuditTables>(exec);

/** The number of chains (rows of audit.chain_head). */
export const CHAINS = 4;

export type LockedHead = { chain: number; link: number; hash: string; seqs: number[] };

/**
 * Takes the head of a chain nobody is writing (FOR UPDATE SKIP LOCKED: writers of different
 * chains do not queue), or waits for one when all are taken, and allocates `count` numbers of
 * the log's order. `alongWith`: the caller's other writes, sent in the same round trip.
 */
export async function lockHead(
  exec: Exec,
  count: number,
  alongWith: readonly RawBuilder<unknown>[] = [],
): Promise<LockedHead> {
  const take = (pick: RawBuilder<unknown>) =>
    sql<{ id: number; seq: number; hash: string; seqs: number[] }>`
      SELECT h.id, h.seq, h.hash,
        ARRAY(SELECT nextval('audit.events_seq') FROM generate_series(1, ${count}::int)) AS seqs
      FROM audit.chain_head h ${pick}`;
  let { rows } = await together(
    alongWith,
    take(sql`ORDER BY h.id LIMIT 1 FOR UPDATE SKIP LOCKED`),
  ).execute(exec);
  if (rows.length === 0) {
    const chain = 1 + Math.floor(Math.random() * CHAINS);
    ({ rows } = await take(sql`WHERE h.id = ${chain} FOR UPDATE`).execute(exec));
  }
  const head = rows[0];
  if (!head) throw new Error('audit.chain_head has no row');
  return {
    chain: Number(head.id),
    link: Number(head.seq),
    hash: head.hash,
    seqs: head.seqs.map(Number),
  };
}

/** The last link of every chain. */
export async function readHeads(
  exec: Exec,
): Promise<{ chain: number; link: number; hash: string }[]> {
  const rows = await q(exec)
    .selectFrom('audit.chainHead')
    .select(['id', 'seq', 'hash'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ chain: Number(r.id), link: Number(r.seq), hash: r.hash }));
}

/** Appends links (consecutive in one chain, after its locked head) and moves the head. */
export async function appendLinks(exec: Exec, rows: readonly EventRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await sql`
    WITH links AS (
      INSERT INTO audit.events (seq, chain, link, id, occurred_at, actor_user_id, actor_label,
        agency_id, action, target_type, target_id, before, after, request_id, client_ip,
        prev_hash, hash)
      VALUES ${sql.join(
        rows.map(
          (r) => sql`(${r.seq}::bigint, ${r.chain}::smallint, ${r.link}::bigint, ${r.id}::uuid,
            ${r.occurredAt}::timestamptz, ${r.actorUserId}::uuid, ${r.actorLabel},
            ${r.agencyId}::uuid, ${r.action}, ${r.targetType}, ${r.targetId},
            ${json(r.before)}::jsonb, ${json(r.after)}::jsonb, ${r.requestId}, ${r.clientIp},
            ${r.prevHash}, ${r.hash})`,
        ),
      )}
    )
    UPDATE audit.chain_head SET seq = ${last.link}, hash = ${last.hash}
    WHERE id = ${last.chain}`.execute(exec);
}

/** A chain's links in order from position `afterLink` on, by pages. */
export async function readLinks(
  exec: Exec,
  chain: number,
  afterLink: number,
  limit: number,
): Promise<EventRow[]> {
  return q(exec)
    .selectFrom('audit.events')
    .selectAll()
    .where('chain', '=', chain)
    .where('link', '>', afterLink)
    .orderBy('link')
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
