import { DomainError } from '../../../platform/errors.js';
import { readCsr } from '../crypto/ca.js';
import { pkiErrors as E } from '../errors.js';
import type { Certificate, RequestCertificateInput } from '../schema.js';
import * as store from '../store/certificates.js';
import type { PkiAccess } from './access.js';
import type { ActorCtx, PkiDeps } from './deps.js';
import type { Recorder } from './issue-core.js';
import { certificateView } from './views.js';

type Holder = {
  userId: string | null;
  agencyId: string;
  name: string;
  title: string | null;
  org: string;
};

/**
 * A certificate request: by an agency admin for a person or agency in their subtree
 * (pki.request), or by the department admin anywhere in theirs (pki.manage). A USB-token or
 * SIM-PKI request carries the CSR the device generated; a platform-held key is generated at
 * issuance.
 */
export function createRequestCertificate(
  deps: Pick<PkiDeps, 'db' | 'clock' | 'agencies' | 'identity'>,
  access: PkiAccess,
  record: Recorder,
) {
  const { db, clock, agencies, identity } = deps;

  async function holderOf(ctx: ActorCtx, input: RequestCertificateInput): Promise<Holder> {
    try {
      if (input.holderKind === 'person') {
        const user = await identity.getUser(ctx.actor, input.userId);
        if (user.kind !== 'official' || !user.agencyId || !user.isActive) throw E.holderNotFound();
        const agency = await agencies.getAgency(db, user.agencyId);
        return {
          userId: user.id,
          agencyId: agency.id,
          name: user.fullName,
          title: user.position,
          org: agency.name,
        };
      }
      const agency = await agencies.getAgency(db, input.agencyId);
      const root = await agencies.getRoot(db);
      return { userId: null, agencyId: agency.id, name: agency.name, title: null, org: root.name };
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') throw E.holderNotFound();
      throw err;
    }
  }

  return async function requestCertificate(
    ctx: ActorCtx,
    input: RequestCertificateInput,
  ): Promise<Certificate> {
    const holder = await holderOf(ctx, input);
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
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      if (await store.findCurrentOf(trx, holder, input.keyKind)) throw E.alreadyHeld();
      const row = await store.insertCertificate(trx, {
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
  };
}
