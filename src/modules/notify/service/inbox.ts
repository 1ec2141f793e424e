import { type RawBuilder, sql, type Transaction } from 'kysely';
import { together } from '../../../platform/db/together.js';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/http/access.js';
import { CURRENT_PAYLOAD_VERSION } from '../outbox-policy.js';
import { type ListNotificationsQuery, type NotificationList, NotifyInput } from '../schema.js';
import * as store from '../store.js';
import type { NotifyDeps } from './deps.js';

type Reader = Pick<Actor, 'userId'>;

const notFound = (): DomainError =>
  new DomainError('not_found', 'notify.not_found', {
    vi: 'Không tìm thấy thông báo.',
    en: 'No such notification.',
  });

const invalidCursor = (): DomainError =>
  new DomainError('invalid', 'notify.invalid_cursor', {
    vi: 'Con trỏ phân trang không hợp lệ. Hãy tải lại danh sách từ đầu.',
    en: 'Invalid page cursor. Reload the list from its first page.',
  });

const Email = z.email();
const Uuid = z.uuid();

/** An opaque page cursor: the (created_at, id) of the last row of the page. */
function encodeCursor(c: store.PageCursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): store.PageCursor {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (rest.length > 0 || Number.isNaN(createdAt.getTime()) || !Uuid.safeParse(id).success) {
    throw invalidCursor();
  }
  return { createdAt, id: id! };
}

export function createInbox({ db, clock, config, log }: NotifyDeps) {
  /** The e-mail text: the body, the link made absolute when the public address is known. */
  function emailText(body: string, link: string | undefined): string {
    const parts = [body.trimEnd()];
    if (link) {
      const url = config.publicUrl ? new URL(link, config.publicUrl).toString() : link;
      parts.push(`Xem chi tiết / Details: ${url}`);
    }
    parts.push('--\nThư gửi tự động, vui lòng không trả lời. / Automatic message, do not reply.');
    return parts.join('\n\n');
  }

  return {
    /**
     * Records a notification inside the caller's transaction, so it exists exactly when the
     * change it reports commits (the caller audits that change): an in-app message for
     * `userId`, an e-mail in the outbox for `email`. The e-mail is sent later by the outbox
     * worker; with no SMTP_URL it stays 'pending' (see `outboxHealth`). With `dedupeKey`, a
     * channel already written under that key is not written again: a retried transition
     * never notifies twice. An `email` that is not an address is skipped (logged without
     * it) rather than failing the caller's change.
     */
    async notify(trx: Transaction<unknown>, input: NotifyInput): Promise<void> {
      await this.notifyMany(trx, [input]);
    },

    /** Several notifications at once (a transaction's changes): one statement. */
    async notifyMany(trx: Transaction<unknown>, inputs: readonly NotifyInput[]): Promise<void> {
      const writes = this.notifyStatements(inputs);
      if (writes.length > 0) await together(writes, sql`SELECT 1`).execute(trx);
    },

    /**
     * The statements writing notifications, for a caller that sends them with its own writes
     * in one round trip (the dossier change recorder). Invalid input throws here.
     */
    notifyStatements(inputs: readonly NotifyInput[]): RawBuilder<unknown>[] {
      const now = clock.now();
      const messages: store.NewMessage[] = [];
      const emails: store.NewEmail[] = [];
      for (const input of inputs) {
        const parsed = NotifyInput.safeParse(input);
        if (!parsed.success) {
          throw new DomainError(
            'invalid',
            'notify.invalid_notification',
            { vi: 'Thông báo không hợp lệ.', en: 'Invalid notification.' },
            { fields: parsed.error.issues.map((i) => i.path.join('.')) },
          );
        }
        const n = parsed.data;
        const dedupeKey = n.dedupeKey ?? null;
        if (n.userId !== null) {
          messages.push({
            userId: n.userId,
            title: n.title,
            body: n.body,
            link: n.link ?? null,
            dedupeKey,
            createdAt: now,
          });
        }
        if (n.email !== null) {
          const address = n.email.trim();
          if (!Email.safeParse(address).success) {
            log.warn({ reason: 'invalid_address' }, 'notify.email_skipped');
            continue;
          }
          emails.push({
            payloadVersion: CURRENT_PAYLOAD_VERSION,
            toAddress: address,
            subject: n.title,
            textBody: emailText(n.body, n.link),
            dedupeKey,
            createdAt: now,
          });
        }
      }
      return [
        store.insertMessagesStatement(messages),
        store.insertOutboxEmailsStatement(emails),
      ].filter((w) => w !== null);
    },

    /** The reader's own notifications, newest first, with the count of unread ones. */
    async listMine(reader: Reader, query: ListNotificationsQuery): Promise<NotificationList> {
      const before = query.before === undefined ? undefined : decodeCursor(query.before);
      const rows = await store.findMessages(db, reader.userId, before, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items,
        unread: await store.countUnread(db, reader.userId),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    // Marking read changes only the reader's own inbox state — no public record, nobody
    // else's data, nothing an inspector reconstructs — so it is not audited: an event per
    // click would flood the hash-chained log and itself profile what people read.

    /** Marks one of the reader's notifications read; 404 for any other id, theirs or none. */
    async markRead(reader: Reader, id: string): Promise<void> {
      if (!(await store.markMessageRead(db, reader.userId, id, clock.now()))) throw notFound();
    },

    /** Marks all the reader's notifications read; returns how many were unread. */
    async markAllRead(reader: Reader): Promise<number> {
      return store.markAllMessagesRead(db, reader.userId, clock.now());
    },
  };
}
