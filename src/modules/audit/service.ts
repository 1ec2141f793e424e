import { randomUUID } from 'node:crypto';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { together } from '../../platform/db/together.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/access.js';
import { GENESIS_HASH, hashLink, type Link } from './chain.js';
import * as store from './store.js';

type Exec = Kysely<unknown> | Transaction<unknown>;

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string;
  /** The agency the change belongs to: audit readers are scoped by it. */
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Who did it: a request's context, or a sign-in that has no session yet. */
export type AuditContext = Omit<RequestContext, 'actor'> & {
  actor: Pick<Actor, 'userId' | 'username'> | null;
};

export type VerifyResult = {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBroken?: {
    seq: number;
    reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'tail_missing';
  };
};

// Keys never written to the log, at any depth, whatever a caller passes.
const SECRET_KEYS = /pass(word)?|secret|token|hash$|otp|totp/i;

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v);
    }
    return out;
  }
  return value;
}

export function createAuditService({ clock }: { clock: Clock }) {
  return {
    /**
     * Appends one link to the chain inside the caller's transaction. If it fails the
     * caller's transaction fails: a change that cannot be audited does not happen.
     */
    async record(trx: Transaction<unknown>, ctx: AuditContext, entry: AuditEntry): Promise<void> {
      await this.recordMany(trx, [{ ctx, entry }]);
    },

    /**
     * Appends several links at once (a transaction's changes, written just before commit):
     * two round trips whatever their number — the head locked, then the links inserted and
     * the head moved. `alongWith`: the caller's other writes, sent with the lock (so a
     * module that writes its own rows last pays no round trip for them).
     */
    async recordMany(
      trx: Transaction<unknown>,
      items: readonly { ctx: AuditContext; entry: AuditEntry }[],
      alongWith: readonly RawBuilder<unknown>[] = [],
    ): Promise<void> {
      if (items.length === 0) {
        if (alongWith.length > 0) await together(alongWith, sql`SELECT 1`).execute(trx);
        return;
      }
      let { seq, hash } = await store.lockHead(trx, alongWith);
      const rows = items.map(({ ctx, entry }) => {
        const actor = ctx.actor;
        const link: Link = {
          seq: ++seq,
          id: randomUUID(),
          occurredAt: clock.now(),
          actorUserId: actor?.userId ?? null,
          // Never from the request id: a client chooses that and could pose as a tool.
          actorLabel: actor ? actor.username : (ctx.systemLabel ?? 'anonymous'),
          agencyId: entry.agencyId ?? null,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          before: redact(entry.before),
          after: redact(entry.after),
          requestId: ctx.requestId,
          clientIp: ctx.clientIp,
          prevHash: hash,
        };
        hash = hashLink(link);
        return { ...link, hash };
      });
      await store.appendLinks(trx, rows);
    },

    /** Walks the whole chain and names the first link that does not hold. */
    async verify(db: Exec): Promise<VerifyResult> {
      const head = await store.readHead(db);
      let expectedSeq = 1;
      let prevHash = GENESIS_HASH;
      let checked = 0;
      const result = (firstBroken?: VerifyResult['firstBroken']): VerifyResult => ({
        ok: !firstBroken,
        checked,
        headSeq: head.seq,
        headHash: head.hash,
        ...(firstBroken ? { firstBroken } : {}),
      });
      // Links written after the head was read belong to the next verification.
      walk: for (;;) {
        const page = await store.readLinks(db, expectedSeq - 1, 1000);
        if (page.length === 0) break;
        for (const row of page) {
          if (row.seq > head.seq && expectedSeq > head.seq) break walk;
          if (row.seq !== expectedSeq) return result({ seq: expectedSeq, reason: 'seq_gap' });
          if (row.prevHash !== prevHash)
            return result({ seq: row.seq, reason: 'prev_hash_mismatch' });
          const { hash, ...link } = row;
          if (hashLink(link) !== hash) return result({ seq: row.seq, reason: 'hash_mismatch' });
          prevHash = hash;
          expectedSeq++;
          checked++;
        }
      }
      if (expectedSeq - 1 !== head.seq || prevHash !== head.hash) {
        return result({ seq: expectedSeq, reason: 'tail_missing' });
      }
      return result();
    },

    findEvents: store.findEvents,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
