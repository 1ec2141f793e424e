import { createHash, randomUUID } from 'node:crypto';
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
  chains: { chain: number; seq: number; hash: string }[];
  firstBroken?: {
    chain: number;
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
      const head = await store.lockHead(trx, items.length, alongWith);
      let { link: position, hash } = head;
      const rows = items.map(({ ctx, entry }, i) => {
        const actor = ctx.actor;
        const link: Link = {
          seq: head.seqs[i]!,
          chain: head.chain,
          link: ++position,
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

    /**
     * Walks every chain and names the first link that does not hold. The heads are read
     * first: links written after that belong to the next verification.
     */
    async verify(db: Exec): Promise<VerifyResult> {
      const heads = await store.readHeads(db);
      let checked = 0;
      const result = (firstBroken?: VerifyResult['firstBroken']): VerifyResult => ({
        ok: !firstBroken,
        checked,
        headSeq: heads.reduce((n, h) => n + h.link, 0),
        // One digest of all the heads: what an auditor writes down to compare later.
        headHash: createHash('sha256')
          .update(heads.map((h) => `${h.chain}:${h.link}:${h.hash}`).join('\n'))
          .digest('hex'),
        chains: heads.map((h) => ({ chain: h.chain, seq: h.link, hash: h.hash })),
        ...(firstBroken ? { firstBroken } : {}),
      });
      for (const head of heads) {
        let expected = 1;
        let prevHash = GENESIS_HASH;
        const broken = (seq: number, reason: NonNullable<VerifyResult['firstBroken']>['reason']) =>
          result({ chain: head.chain, seq, reason });
        walk: for (;;) {
          const page = await store.readLinks(db, head.chain, expected - 1, 1000);
          if (page.length === 0) break;
          for (const row of page) {
            if (row.link > head.link && expected > head.link) break walk;
            if (row.link !== expected) return broken(expected, 'seq_gap');
            if (row.prevHash !== prevHash) return broken(row.link, 'prev_hash_mismatch');
            const { hash, ...link } = row;
            if (hashLink(link) !== hash) return broken(row.link, 'hash_mismatch');
            prevHash = hash;
            expected++;
            checked++;
          }
        }
        if (expected - 1 !== head.link || prevHash !== head.hash) {
          return broken(expected, 'tail_missing');
        }
      }
      return result();
    },

    findEvents: store.findEvents,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
