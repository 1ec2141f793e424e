import {
  type ColumnType,
  type Generated,
  type Kysely,
  type RawBuilder,
  sql,
  type Transaction,
} from 'kysely';
import { type Executor, narrow } from '../../platform/db/executor.js';
import type { Notification } from './schema.js';

type MessagesTable = {
  id: Generated<string>;
  userId: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  readAt: ColumnType<Date | null, Date | null | undefined>;
};

export type OutboxStatus = 'pending' | 'sent' | 'failed';

type OutboxTable = {
  id: Generated<string>;
  kind: 'email';
  payloadVersion: number;
  toAddress: string;
  subject: string;
  textBody: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  sentAt: ColumnType<Date | null, Date | null | undefined>;
  lastError: ColumnType<string | null, string | null | undefined>;
  dedupeKey: string | null;
  createdAt: Date;
};

export type NotifyTables = {
  'notify.messages': MessagesTable;
  'notify.outbox': OutboxTable;
};

type Exec = Kysely<unknown> | Transaction<unknown>;
const q = (exec: Exec): Executor<NotifyTables> => narrow<NotifyTables>(exec);

const notificationColumns = ['id', 'title', 'body', 'link', 'createdAt', 'readAt'] as const;

// --- in-app messages ---

/** Inserts a message; with a dedupe key already used, inserts nothing. */
export type NewMessage = {
  userId: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
  createdAt: Date;
};

/** The statement inserting in-app messages (a message already written under its key is kept). */
export function insertMessagesStatement(rows: readonly NewMessage[]): RawBuilder<unknown> | null {
  if (rows.length === 0) return null;
  return sql`
    INSERT INTO notify.messages (user_id, title, body, link, dedupe_key, created_at)
    VALUES ${sql.join(
      rows.map(
        (r) => sql`(${r.userId}::uuid, ${r.title}, ${r.body}, ${r.link}, ${r.dedupeKey},
          ${r.createdAt}::timestamptz)`,
      ),
    )}
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

export type PageCursor = { createdAt: Date; id: string };

/** A user's messages, newest first, strictly older than `before` (keyset on created_at, id). */
export async function findMessages(
  exec: Exec,
  userId: string,
  before: PageCursor | undefined,
  limit: number,
): Promise<Notification[]> {
  return q(exec)
    .selectFrom('notify.messages')
    .select(notificationColumns)
    .where('userId', '=', userId)
    .$if(before !== undefined, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(before!.createdAt, before!.id)),
      ),
    )
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(exec: Exec, userId: string): Promise<number> {
  const row = await q(exec)
    .selectFrom('notify.messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks one of the user's messages read, keeping the first reading time. False when the
 * user has no such message (someone else's is "no such message" too).
 */
export async function markMessageRead(
  exec: Exec,
  userId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const row = await q(exec)
    .updateTable('notify.messages')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(at)) }))
    .where('id', '=', id)
    .where('userId', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllMessagesRead(exec: Exec, userId: string, at: Date): Promise<number> {
  const result = await q(exec)
    .updateTable('notify.messages')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// --- e-mail outbox ---

/** Queues an e-mail; with a dedupe key already used, queues nothing. */
export type NewEmail = {
  payloadVersion: number;
  toAddress: string;
  subject: string;
  textBody: string;
  dedupeKey: string | null;
  createdAt: Date;
};

/** The statement queueing e-mails in the outbox (one already queued under its key is kept). */
export function insertOutboxEmailsStatement(rows: readonly NewEmail[]): RawBuilder<unknown> | null {
  if (rows.length === 0) return null;
  return sql`
    INSERT INTO notify.outbox (kind, payload_version, to_address, subject, text_body,
      next_attempt_at, dedupe_key, created_at)
    VALUES ${sql.join(
      rows.map(
        (r) => sql`('email', ${r.payloadVersion}::int, ${r.toAddress}, ${r.subject},
          ${r.textBody}, ${r.createdAt}::timestamptz, ${r.dedupeKey}, ${r.createdAt}::timestamptz)`,
      ),
    )}
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

export type ClaimedEmail = {
  id: string;
  payloadVersion: number;
  toAddress: string;
  subject: string;
  textBody: string;
  attempts: number;
};

/**
 * Claims the oldest due pending e-mail in one statement (its own short transaction): counts
 * the attempt and hides the row until `leaseUntil`. SKIP LOCKED lets several workers claim
 * side by side without waiting on each other.
 */
export async function claimDueEmail(
  exec: Exec,
  now: Date,
  leaseUntil: Date,
  versions: readonly number[],
): Promise<ClaimedEmail | undefined> {
  const db = q(exec);
  return db
    .updateTable('notify.outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), nextAttemptAt: leaseUntil }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('notify.outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .where('payloadVersion', 'in', [...versions])
        .orderBy('nextAttemptAt')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'pending')
    .returning(['id', 'payloadVersion', 'toAddress', 'subject', 'textBody', 'attempts'])
    .executeTakeFirst();
}

export async function markEmailSent(exec: Exec, id: string, at: Date): Promise<void> {
  await q(exec)
    .updateTable('notify.outbox')
    .set({ status: 'sent', sentAt: at, lastError: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Records a failed attempt: back to 'pending' until `nextAttemptAt`, or 'failed' for good. */
export async function markEmailFailed(
  exec: Exec,
  id: string,
  update: { status: 'pending' | 'failed'; nextAttemptAt: Date; lastError: string },
): Promise<void> {
  await q(exec)
    .updateTable('notify.outbox')
    .set(update)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function outboxCounts(exec: Exec): Promise<{
  counts: Partial<Record<OutboxStatus, number>>;
  oldestPendingAt: Date | null;
}> {
  const rows = await q(exec)
    .selectFrom('notify.outbox')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('createdAt').as('oldest'),
    ])
    .groupBy('status')
    .execute();
  const counts: Partial<Record<OutboxStatus, number>> = {};
  let oldestPendingAt: Date | null = null;
  for (const r of rows) {
    counts[r.status] = Number(r.n);
    if (r.status === 'pending') oldestPendingAt = r.oldest;
  }
  return { counts, oldestPendingAt };
}
