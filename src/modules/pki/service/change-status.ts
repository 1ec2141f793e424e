import { pkiErrors as E } from '../errors.js';
import type { Certificate, RenewInput, RevokeInput } from '../schema.js';
import * as store from '../store/certificates.js';
import type { CertificatePatch } from '../store/certificates.js';
import type { CertificateRow, StoredStatus } from '../store/tables.js';
import { readCsr } from '../crypto/ca.js';
import type { PkiAccess } from './access.js';
import type { Authority } from './authority.js';
import type { CrlPublisher } from './crl.js';
import type { CurrentHolder } from './holder.js';
import { requireStatus } from './decide-request.js';
import type { ActorCtx, PkiDeps, Trx } from './deps.js';
import { issueInto, type PkiAction, type Recorder } from './issue-core.js';
import type { PinGuard } from './pin.js';
import { certificateView } from './views.js';

/**
 * Suspension (certificateHold), resumption, revocation with an RFC 5280 reason, renewal
 * (a new key; the old certificate superseded) and the reset of a locked PIN. Every change
 * that touches revocation rebuilds the CRL in the same transaction.
 */
export function createStatusChanges(
  deps: Pick<PkiDeps, 'db' | 'clock' | 'config'>,
  access: PkiAccess,
  authority: Authority,
  crl: CrlPublisher,
  record: Recorder,
  pins: PinGuard,
  currentHolder: CurrentHolder,
) {
  const { db, clock } = deps;

  async function change(
    ctx: ActorCtx,
    id: string,
    action: PkiAction,
    allowed: StoredStatus[],
    patch: (now: Date) => CertificatePatch & { status: StoredStatus },
    reason: string | null,
  ): Promise<Certificate> {
    return db.transaction().execute(async (trx) => {
      const before = await access.manageable(trx, ctx.actor, id);
      requireStatus(before, allowed);
      const now = clock.now();
      const p = patch(now);
      const after = await store.updateCertificate(trx, id, { ...p, updatedAt: now });
      await record(trx, ctx, action, before, after, { status: p.status, reason, at: now });
      await crl.publish(trx);
      return certificateView(after, now);
    });
  }

  async function supersede(trx: Trx, ctx: ActorCtx, before: CertificateRow, now: Date) {
    const after = await store.updateCertificate(trx, before.id, {
      status: 'superseded',
      revokedAt: now,
      revokedBy: ctx.actor.userId,
      revocationReason: 'superseded',
      suspendedAt: null,
      updatedAt: now,
    });
    await record(trx, ctx, 'supersede', before, after, {
      status: 'superseded',
      reason: 'superseded',
      at: now,
    });
  }

  return {
    suspend: (ctx: ActorCtx, id: string) =>
      change(
        ctx,
        id,
        'suspend',
        ['active'],
        (now) => ({ status: 'suspended', suspendedAt: now }),
        'certificate_hold',
      ),
    resume: (ctx: ActorCtx, id: string) =>
      change(
        ctx,
        id,
        'resume',
        ['suspended'],
        () => ({ status: 'active', suspendedAt: null }),
        null,
      ),
    revoke: (ctx: ActorCtx, id: string, input: RevokeInput) =>
      change(
        ctx,
        id,
        'revoke',
        ['active', 'suspended'],
        (now) => ({
          status: 'revoked',
          revokedAt: now,
          revokedBy: ctx.actor.userId,
          revocationReason: input.reason,
          suspendedAt: null,
        }),
        input.reason,
      ),

    /**
     * A new certificate (new key) for the same holder; the old one is superseded. Its subject
     * is read again from the directory — the holder's current full name, position and agency,
     * or the agency's current name — so a promoted official or a renamed agency gets a
     * correct certificate; the old certificate keeps the subject it was issued with.
     */
    async renew(ctx: ActorCtx, id: string, input: RenewInput): Promise<Certificate> {
      // Identity and the agency directory read through the database handle: before the
      // transaction (rule 5); the row is locked and checked again inside it.
      const seen = await access.manageable(db, ctx.actor, id, { lock: false });
      requireStatus(seen, ['active']);
      if (seen.keyKind === 'remote' && input.csrPem) throw E.csrNotAllowed();
      if (seen.keyKind !== 'remote') {
        if (!input.csrPem) throw E.csrRequired();
        await readCsr(input.csrPem).catch(() => {
          throw E.badCsr();
        });
      }
      const holder = await currentHolder(
        ctx,
        seen.holderKind === 'person'
          ? { holderKind: 'person', userId: seen.userId! }
          : { holderKind: 'agency', agencyId: seen.agencyId },
      );
      // An official moved to another agency: the new certificate sits there, in scope too.
      if (
        holder.agencyId !== seen.agencyId &&
        !(await access.within(db, ctx.actor, holder.agencyId, ['pki.manage']))
      ) {
        throw E.holderNotFound();
      }
      return db.transaction().execute(async (trx) => {
        const before = await access.manageable(trx, ctx.actor, id);
        requireStatus(before, ['active']);
        const issuer = await authority.loadIssuer(trx);
        const now = clock.now();
        await supersede(trx, ctx, before, now);
        const draft = await store.insertCertificate(trx, {
          holderKind: before.holderKind,
          userId: before.userId,
          agencyId: holder.agencyId,
          keyKind: before.keyKind,
          status: 'approved',
          subjectName: holder.name,
          subjectTitle: holder.title,
          subjectOrg: holder.org,
          csrPem: input.csrPem ?? null,
          // The PIN belongs to the holder, not to the key: it carries over.
          pinHash: before.pinHash,
          deviceSerial: input.deviceSerial ?? before.deviceSerial,
          phone: input.phone ?? before.phone,
          note: before.note,
          requestedBy: ctx.actor.userId,
          requestedAt: now,
          decidedBy: ctx.actor.userId,
          decidedAt: now,
          renewedFromId: before.id,
          updatedAt: now,
        });
        const after = await issueInto(
          trx,
          deps,
          issuer,
          draft,
          authority.passphrase(),
          ctx.actor.userId,
          now,
        );
        await record(trx, ctx, 'renew', before, after, {
          status: 'active',
          reason: 'renewal',
          at: now,
        });
        await crl.publish(trx);
        return certificateView(after, now);
      });
    },

    /** Clears a (locked) PIN: the holder then sets a new one with their second factor. */
    async resetPin(ctx: ActorCtx, id: string): Promise<Certificate> {
      return db.transaction().execute(async (trx) => {
        const before = await access.manageable(trx, ctx.actor, id);
        if (before.holderKind !== 'person' || before.keyKind !== 'remote') throw E.agencyNoPin();
        const now = clock.now();
        const after = await store.updateCertificate(trx, id, {
          pinHash: null,
          pinFailures: 0,
          updatedAt: now,
        });
        pins.forget(id);
        await record(trx, ctx, 'reset_pin', before, after, { at: now });
        return certificateView(after, now);
      });
    },
  };
}
