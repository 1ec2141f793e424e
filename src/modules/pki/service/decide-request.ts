import { pkiErrors as E } from '../errors.js';
import type { Certificate, DecisionInput } from '../schema.js';
import * as store from '../store/certificates.js';
import type { CertificateRow, StoredStatus } from '../store/tables.js';
import type { PkiAccess } from './access.js';
import type { Authority } from './authority.js';
import type { ActorCtx, PkiDeps } from './deps.js';
import { issueInto, type Recorder } from './issue-core.js';
import { certificateView } from './views.js';

export function requireStatus(row: CertificateRow, allowed: StoredStatus[]): void {
  if (!allowed.includes(row.status)) throw E.wrongStatus(row.status, allowed);
}

/** The department admin approves or rejects a request, then issues the approved one. */
export function createDecisions(
  deps: Pick<PkiDeps, 'db' | 'clock' | 'config'>,
  access: PkiAccess,
  authority: Authority,
  record: Recorder,
) {
  const { db, clock } = deps;

  async function decide(ctx: ActorCtx, id: string, input: DecisionInput, approve: boolean) {
    return db.transaction().execute(async (trx) => {
      const before = await access.manageable(trx, ctx.actor, id);
      requireStatus(before, ['requested']);
      const now = clock.now();
      const status = approve ? 'approved' : 'rejected';
      const after = await store.updateCertificate(trx, id, {
        status,
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        decisionNote: input.note ?? null,
        updatedAt: now,
      });
      await record(trx, ctx, approve ? 'approve' : 'reject', before, after, {
        status,
        reason: input.note ?? null,
        at: now,
      });
      return certificateView(after, now);
    });
  }

  return {
    approve: (ctx: ActorCtx, id: string, input: DecisionInput): Promise<Certificate> =>
      decide(ctx, id, input, true),
    reject: (ctx: ActorCtx, id: string, input: DecisionInput): Promise<Certificate> =>
      decide(ctx, id, input, false),

    async issue(ctx: ActorCtx, id: string): Promise<Certificate> {
      return db.transaction().execute(async (trx) => {
        const before = await access.manageable(trx, ctx.actor, id);
        requireStatus(before, ['approved']);
        const issuer = await authority.loadIssuer(trx);
        const now = clock.now();
        const after = await issueInto(
          trx,
          deps,
          issuer,
          before,
          authority.passphrase(),
          ctx.actor.userId,
          now,
        );
        await record(trx, ctx, 'issue', before, after, { status: 'active', at: now });
        return certificateView(after, now);
      });
    },
  };
}
