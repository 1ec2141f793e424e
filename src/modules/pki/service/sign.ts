import type { Actor } from '../../../platform/http/access.js';
import {
  type SignatureAppearance,
  type SigningLayout,
  type Stamps,
  signPdf,
} from '../../../platform/pades/index.js';
import { derOfPem } from '../crypto/keys.js';
import { pkiErrors as E } from '../errors.js';
import * as store from '../store/certificates.js';
import { insertSignature } from '../store/signatures.js';
import type { CertificateRow } from '../store/tables.js';
import type { Authority } from './authority.js';
import { type Ex, inTransaction, type PkiDeps, type Trx } from './deps.js';
import type { PinGuard } from './pin.js';

export type SignAsPersonInput = {
  pdf: Uint8Array;
  layout: SigningLayout;
  pin: string;
  otp: string;
  reason: string;
  appearance: SignatureAppearance;
  stamps?: Stamps;
  /** What was signed, for the signature log (e.g. "document:<id>"). */
  ref?: string;
};
export type SignAsAgencyInput = {
  agencyId: string;
  pdf: Uint8Array;
  layout: SigningLayout;
  reason: string;
  appearance: SignatureAppearance;
  stamps?: Stamps;
  ref?: string;
};
export type SignResult = {
  pdf: Uint8Array;
  certificateId: string;
  signedAt: Date;
  signatureDigest: string;
};

/**
 * Signing with platform-held keys only. Fails closed — no passphrase, no CA, a key that will
 * not open, a certificate not active (suspended, revoked, superseded, expired) — with a
 * pki.* DomainError, before anything is signed. Each signature is logged with the server's
 * time in the caller's transaction, with its audit record.
 */
export function createSigning(
  deps: Pick<PkiDeps, 'clock' | 'audit' | 'agencies' | 'identity'>,
  authority: Authority,
  pins: PinGuard,
) {
  const { clock, audit, agencies, identity } = deps;

  function usable(row: CertificateRow | undefined, now: Date): CertificateRow {
    if (!row || row.status !== 'active' || !row.certificatePem) throw E.noSigningCertificate();
    if (row.keyKind !== 'remote' || !row.encryptedKey) throw E.notRemote();
    if (row.notAfter && row.notAfter <= now) throw E.expired();
    if (row.notBefore && row.notBefore.getTime() > now.getTime() + 1000) {
      throw E.noSigningCertificate();
    }
    return row;
  }

  async function sign(
    trx: Trx,
    actor: Actor | null,
    row: CertificateRow,
    input: Omit<SignAsAgencyInput, 'agencyId'>,
    purpose: 'person' | 'agency',
  ): Promise<SignResult> {
    const issuer = await authority.loadIssuer(trx);
    const privateKey = await authority.open(row.encryptedKey!);
    const signedAt = clock.now();
    const { pdf, signatureDigest } = await signPdf(input.pdf, {
      layout: input.layout,
      signer: {
        privateKey,
        certificate: derOfPem(row.certificatePem!),
        chain: [new Uint8Array(issuer.certificate.rawData), new Uint8Array(issuer.root.rawData)],
      },
      signingTime: signedAt,
      reason: input.reason,
      location: row.subjectOrg,
      name: row.subjectName,
      appearance: input.appearance,
      ...(input.stamps ? { stamps: input.stamps } : {}),
    });
    await insertSignature(trx, {
      certificateId: row.id,
      signedAt,
      signatureDigest,
      purpose,
      documentRef: input.ref ?? null,
      actorUserId: actor?.userId ?? null,
    });
    await audit.record(
      trx,
      { actor, requestId: null, clientIp: null },
      {
        action: `pki.sign.${purpose}`,
        targetType: 'pki.certificate',
        targetId: row.id,
        agencyId: row.agencyId,
        after: { serial: row.serial, signatureDigest, ref: input.ref ?? null, signedAt },
      },
    );
    return { pdf, certificateId: row.id, signedAt, signatureDigest };
  }

  return {
    /** The actor's own active platform-held certificate; PIN + TOTP (the code is used up). */
    async signAsPerson(ex: Ex, actor: Actor, input: SignAsPersonInput): Promise<SignResult> {
      authority.passphrase();
      return inTransaction(ex, async (trx) => {
        const now = clock.now();
        const row = usable(await store.findSigningCertificate(trx, { userId: actor.userId }), now);
        const { hadFailures } = await pins.check(row, input.pin);
        await identity.verifySecondFactor(trx, actor.userId, input.otp);
        if (hadFailures || row.pinFailures > 0) {
          await store.updateCertificate(trx, row.id, { pinFailures: 0, updatedAt: now });
        }
        return sign(trx, actor, row, input, 'person');
      });
    },

    /** The agency's active certificate; the caller has checked the actor may issue for it. */
    async signAsAgency(ex: Ex, actor: Actor | null, input: SignAsAgencyInput): Promise<SignResult> {
      authority.passphrase();
      return inTransaction(ex, async (trx) => {
        await agencies.getAgency(trx, input.agencyId);
        const now = clock.now();
        const row = usable(
          await store.findSigningCertificate(trx, { agencyId: input.agencyId }),
          now,
        );
        return sign(trx, actor, row, input, 'agency');
      });
    },
  };
}
