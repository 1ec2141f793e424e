import type { RequestContext } from '../../../platform/context.js';
import { createEndEntityCertificate, readCsr } from '../crypto/ca.js';
import { generateKeyPair, newSerial, sealKey } from '../crypto/keys.js';
import { pkiErrors as E } from '../errors.js';
import * as store from '../store/certificates.js';
import type { CertificateRow, StoredStatus } from '../store/tables.js';
import type { LoadedIssuer } from './authority.js';
import { type PkiDeps, pkiUrls, type Trx } from './deps.js';
import { auditSnapshot } from './views.js';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** Validity: a person's certificate 3 years, an agency's 5, never past the issuing CA's. */
const validityYears = { person: 3, agency: 5 } as const;

/** The audit action names of this module's changes. */
export type PkiAction =
  | 'request'
  | 'approve'
  | 'reject'
  | 'issue'
  | 'renew'
  | 'supersede'
  | 'suspend'
  | 'resume'
  | 'revoke'
  | 'reset_pin'
  | 'set_pin';

/** Writes a change of a certificate: the row, its status history line, the audit record. */
export function createRecorder(deps: Pick<PkiDeps, 'audit'>) {
  return async function record(
    trx: Trx,
    ctx: RequestContext,
    action: PkiAction,
    before: CertificateRow | null,
    after: CertificateRow,
    opts: { status?: StoredStatus; reason?: string | null; at: Date },
  ): Promise<void> {
    if (opts.status) {
      await store.appendHistory(trx, {
        certificateId: after.id,
        status: opts.status,
        reason: opts.reason ?? null,
        at: opts.at,
        actorUserId: ctx.actor?.userId ?? null,
      });
    }
    await deps.audit.record(trx, ctx, {
      action: `pki.certificate.${action}`,
      targetType: 'pki.certificate',
      targetId: after.id,
      agencyId: after.agencyId,
      before: before ? auditSnapshot(before) : null,
      after: auditSnapshot(after),
    });
  };
}
export type Recorder = ReturnType<typeof createRecorder>;

/**
 * Issues the certificate of an approved row: a platform-held key is generated and sealed
 * with the passphrase; a device's key comes from its CSR (the platform never sees it).
 */
export async function issueInto(
  trx: Trx,
  deps: Pick<PkiDeps, 'config'>,
  issuer: LoadedIssuer,
  row: CertificateRow,
  passphrase: string,
  actorUserId: string | null,
  now: Date,
): Promise<CertificateRow> {
  let publicKey;
  let encryptedKey: string | null = null;
  if (row.keyKind === 'remote') {
    const keys = await generateKeyPair();
    publicKey = keys.publicKey;
    encryptedKey = await sealKey(keys.privateKey, passphrase);
  } else {
    if (!row.csrPem) throw E.csrRequired();
    try {
      publicKey = (await readCsr(row.csrPem)).publicKey;
    } catch {
      throw E.badCsr();
    }
  }
  const notAfter = new Date(
    Math.min(
      now.getTime() + validityYears[row.holderKind] * YEAR_MS,
      issuer.certificate.notAfter.getTime(),
    ),
  );
  const serial = newSerial();
  const cert = await createEndEntityCertificate(issuer, {
    publicKey,
    subject: { name: row.subjectName, title: row.subjectTitle, org: row.subjectOrg },
    serial,
    notBefore: now,
    notAfter,
    urls: pkiUrls(deps.config),
  });
  return store.updateCertificate(trx, row.id, {
    status: 'active',
    serial: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    certificatePem: cert.toString('pem'),
    encryptedKey,
    issuedBy: actorUserId,
    issuedAt: now,
    updatedAt: now,
  });
}
