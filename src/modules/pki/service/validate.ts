import { DomainError } from '../../../platform/errors.js';
import {
  changedAfterSigning,
  inspectPdf,
  PdfRejected,
  readSignatures,
  type SignatureFacts,
} from '../../../platform/pades/index.js';
import { type X509, x509 } from '../crypto/ca.js';
import { chainsTo } from '../crypto/chain.js';
import { bytes } from '../crypto/keys.js';
import type { SignatureReport, SignatureStatus, ValidationReport } from '../schema.js';
import * as store from '../store/certificates.js';
import { findSignaturesByDigest } from '../store/signatures.js';
import type { CertificateRow, SignatureRow } from '../store/tables.js';
import type { Authority } from './authority.js';
import type { Ex, PkiDeps } from './deps.js';
import { statusAt, statusOf } from './views.js';

const pdfRejected = (reason: string) =>
  new DomainError(
    reason === 'too_large' ? 'too_large' : 'invalid',
    'pki.pdf_rejected',
    {
      vi: 'Tệp không phải PDF hợp lệ hoặc chứa nội dung không được phép (mã hóa, JavaScript, quá lớn…).',
      en: 'Not an acceptable PDF (malformed, encrypted, scripted, too large…).',
    },
    { reason },
  );

const toSignatureStatus = (s: string | null): SignatureStatus => {
  switch (s) {
    case 'active':
      return 'good';
    case 'suspended':
    case 'revoked':
    case 'superseded':
    case 'expired':
      return s;
    default:
      return 'unknown';
  }
};

const first = (name: X509.Name, field: string) => name.getField(field)[0] ?? null;

/**
 * The validation report of a signed PDF: per signature who signed, for which agency, when
 * (the time our platform logged when it made the signature; otherwise only the PDF's claim),
 * whether the chain reaches our root, the certificate's status then and now, integrity; and
 * whether the document changed after signing.
 */
export function createValidation(deps: Pick<PkiDeps, 'clock' | 'agencies'>, authority: Authority) {
  const { clock, agencies } = deps;

  async function judge(
    ex: Ex,
    fact: SignatureFacts,
    roots: { root: Uint8Array; issuing: Uint8Array } | null,
    logged: Map<string, SignatureRow>,
    now: Date,
  ): Promise<SignatureReport> {
    const problems: string[] = [];
    let cert: X509.X509Certificate | null = null;
    try {
      cert = fact.signerCertificate
        ? new x509.X509Certificate(bytes(fact.signerCertificate))
        : null;
    } catch {
      cert = null;
    }
    const log = logged.get(fact.signatureDigest);
    const time = log
      ? { at: log.signedAt, source: 'server' as const }
      : fact.claimedTime
        ? { at: fact.claimedTime, source: 'claimed' as const }
        : { at: null, source: 'none' as const };
    if (time.source === 'claimed') problems.push('time_claimed');
    if (time.source === 'none') problems.push('no_time');
    if (fact.error || !cert) problems.push('unreadable');
    if (!fact.digestMatches) problems.push('digest_mismatch');
    if (!fact.cmsSignatureValid) problems.push('signature_invalid');

    let chain: SignatureReport['chain'] = 'untrusted';
    let row: CertificateRow | undefined;
    if (cert && roots) {
      const inside = new Date(
        Math.min(
          Math.max((time.at ?? now).getTime(), cert.notBefore.getTime()),
          cert.notAfter.getTime(),
        ),
      );
      const intermediates = [...fact.certificates, roots.issuing];
      if (await chainsTo(fact.signerCertificate!, intermediates, roots.root, inside)) {
        chain = 'trusted';
        row = await store.findBySerial(ex, cert.serialNumber);
      } else if (cert.issuer === new x509.X509Certificate(bytes(roots.issuing)).subject) {
        chain = 'invalid';
      }
    }
    if (chain === 'invalid') problems.push('chain_invalid');
    if (chain === 'untrusted') problems.push('untrusted_issuer');

    let statusAtSigning: SignatureStatus = 'unknown';
    let statusNow: SignatureStatus = 'unknown';
    if (row && cert) {
      statusNow = toSignatureStatus(statusOf(row, now));
      if (time.at) {
        const history = await store.historyOf(ex, row.id);
        if (time.at < new Date(cert.notBefore.getTime() - 1000)) statusAtSigning = 'not_yet_valid';
        else if (time.at >= cert.notAfter) statusAtSigning = 'expired';
        else statusAtSigning = toSignatureStatus(statusAt(history, time.at));
      }
    }
    if (!['good', 'unknown'].includes(statusAtSigning))
      problems.push(`${statusAtSigning}_at_signing`);
    const laterTrouble = ['revoked', 'suspended', 'superseded'].includes(statusNow);
    if (statusAtSigning === 'good' && laterTrouble) problems.push(`${statusNow}_later`);

    const broken =
      problems.some((p) =>
        ['unreadable', 'digest_mismatch', 'signature_invalid', 'chain_invalid'].includes(p),
      ) || !['good', 'unknown'].includes(statusAtSigning);
    const uncertain =
      chain !== 'trusted' ||
      statusAtSigning === 'unknown' ||
      (time.source !== 'server' && laterTrouble);
    const agency = row ? await agencies.getAgency(ex, row.agencyId).catch(() => null) : null;
    return {
      index: fact.index,
      fieldName: fact.fieldName,
      signer: {
        name: cert ? first(cert.subjectName, 'CN') : null,
        title: cert ? first(cert.subjectName, 'T') : null,
        organization: cert ? first(cert.subjectName, 'O') : null,
      },
      agency: agency ? { id: agency.id, name: agency.name } : null,
      holderKind: row?.holderKind ?? null,
      certificate: cert
        ? {
            serial: cert.serialNumber,
            issuer: cert.issuer,
            notBefore: cert.notBefore,
            notAfter: cert.notAfter,
            isOurs: row !== undefined,
          }
        : null,
      time,
      reason: fact.reason,
      location: fact.location,
      integrity: {
        digestMatches: fact.digestMatches,
        signatureValid: fact.cmsSignatureValid,
        coversWholeFile: fact.coversWholeFile,
      },
      chain,
      statusAtSigning,
      statusNow,
      verdict: broken ? 'invalid' : uncertain ? 'indeterminate' : 'valid',
      problems,
    };
  }

  /**
   * `ownOutput`: bytes this platform has just produced (the issued PDF at delivery), whose page
   * count is known — the admission check of an unknown upload (a parse in a worker) is skipped.
   */
  return async function validate(
    ex: Ex,
    bytes: Uint8Array,
    opts: { ownOutput?: { pages: number } } = {},
  ): Promise<ValidationReport> {
    let pages: number;
    try {
      pages = opts.ownOutput?.pages ?? (await inspectPdf(bytes)).pages;
    } catch (err) {
      if (err instanceof PdfRejected) throw pdfRejected(err.reason);
      throw err;
    }
    const facts = await readSignatures(bytes);
    const found = await authority.chain(ex);
    const roots = found
      ? {
          root: new Uint8Array(found.root.certificateDer),
          issuing: new Uint8Array(found.issuing.certificateDer),
        }
      : null;
    const logged = new Map(
      (
        await findSignaturesByDigest(
          ex,
          facts.map((f: SignatureFacts) => f.signatureDigest),
        )
      ).map((s) => [s.signatureDigest, s]),
    );
    const now = clock.now();
    const signatures: SignatureReport[] = [];
    for (const fact of facts) signatures.push(await judge(ex, fact, roots, logged, now));
    const changed = facts.length > 0 && changedAfterSigning(facts, bytes.length);
    const verdict =
      signatures.length === 0
        ? 'unsigned'
        : changed || signatures.some((s) => s.verdict === 'invalid')
          ? 'invalid'
          : signatures.some((s) => s.verdict === 'indeterminate')
            ? 'indeterminate'
            : 'valid';
    return { verdict, checkedAt: now, pages, changedAfterSigning: changed, signatures };
  };
}
