import { randomUUID } from 'node:crypto';
import { claimIdempotencyKey, fingerprintOf } from '../../../platform/idempotency.js';
import { readCsr } from '../crypto/ca.js';
import { pkiErrors as E } from '../errors.js';
import type { Certificate, RequestCertificateInput } from '../schema.js';
import * as store from '../store/certificates.js';
import type { PkiAccess } from './access.js';
import type { ActorCtx, PkiDeps } from './deps.js';
import type { CurrentHolder } from './holder.js';
import type { Recorder } from './issue-core.js';
import { certificateView } from './views.js';

/**
 * A certificate request: by an agency admin for a person or agency in their subtree
 * (pki.request), or by the department admin anywhere in theirs (pki.manage). A USB-token or
 * SIM-PKI request carries the CSR the device generated; a platform-held key is generated at
 * issuance.
 *
 * With an `Idempotency-Key` the request is made once: the same key and body again (a retry,
 * a double click, even concurrent) give the request the first one made, as it is now; the
 * same key with another body is refused (`idempotency.key_reused`).
 */
export function createRequestCertificate(
  deps: Pick<PkiDeps, 'db' | 'clock'>,
  access: PkiAccess,
  currentHolder: CurrentHolder,
  record: Recorder,
) {
  const { db, clock } = deps;

  return async function requestCertificate(
    ctx: ActorCtx,
    input: RequestCertificateInput,
    idempotencyKey?: string,
  ): Promise<Certificate> {
    const holder = await currentHolder(ctx, input);
    if (!(await access.within(db, ctx.actor, holder.agencyId, ['pki.request', 'pki.manage']))) {
      throw E.holderNotFound();
    }
    if (input.keyKind === 'remote' && input.csrPem) throw E.csrNotAllowed();
    if (input.keyKind !== 'remote') {
      if (!input.csrPem) throw E.csrRequired();
      await readCsr(input.csrPem).catch(() => {
        throw E.badCsr();
      });
    }
    const made = db.transaction().execute(async (trx) => {
      const now = clock.now();
      const id = randomUUID();
      if (idempotencyKey !== undefined) {
        const claim = await claimIdempotencyKey(trx, {
          scope: `pki.certificate.request:${ctx.actor.userId}`,
          key: idempotencyKey,
          fingerprint: fingerprintOf(input),
          resourceId: id,
          now,
        });
        if (claim.kind === 'replay') {
          const existing = await store.findCertificate(trx, claim.resourceId);
          if (!existing) throw E.notFound();
          return certificateView(existing, now);
        }
      }
      if (await store.findCurrentOf(trx, holder, input.keyKind)) throw E.alreadyHeld();
      const row = await store.insertCertificate(trx, {
        id,
        holderKind: input.holderKind,
        userId: holder.userId,
        agencyId: holder.agencyId,
        keyKind: input.keyKind,
        status: 'requested',
        subjectName: holder.name,
        subjectTitle: holder.title,
        subjectOrg: holder.org,
        csrPem: input.csrPem ?? null,
        deviceSerial: input.deviceSerial ?? null,
        phone: input.phone ?? null,
        note: input.note ?? null,
        requestedBy: ctx.actor.userId,
        requestedAt: now,
        updatedAt: now,
      });
      await record(trx, ctx, 'request', null, row, { status: 'requested', at: now });
      return certificateView(row, now);
    });
    // Two requests at once both passed the check above: the database keeps one.
    return made.catch((err: unknown) => {
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'certificates_current_uq') throw E.alreadyHeld();
      throw err;
    });
  };
}
