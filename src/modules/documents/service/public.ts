import { findDocumentType } from '../catalogue.js';
import type { PublicVerification } from '../schema.js';
import * as documentStore from '../store/documents.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';
import { freshReportView } from './views.js';

/**
 * The public verification a printed QR code opens (no account): the issued document's public
 * metadata and the platform's check of the stored PDF's signatures, and the PDF itself (for
 * outside recipients, who get the link by e-mail). A recalled document says so.
 */
export function createPublicVerification({ db, files, pki }: DocumentDeps) {
  async function issuedByCode(code: string) {
    const d = await documentStore.findByVerifyCode(db, code);
    if (!d || d.origin !== 'internal' || !d.issuedSha256) throw E.notFound();
    return d;
  }

  return {
    async verification(code: string): Promise<PublicVerification> {
      const d = await issuedByCode(code);
      const bytes = await files.read(d.issuedSha256!);
      return {
        issuerName: d.issuerName,
        symbol: d.symbol!,
        typeName: findDocumentType(d.typeKey)?.name ?? d.typeKey,
        summary: d.summary,
        issuedOn: d.issuedOn!,
        signerName: d.signerName,
        signerPosition: d.signerPosition,
        pages: d.pages,
        isRecalled: d.state === 'recalled',
        recalledAt: d.recalledAt,
        sha256: d.issuedSha256!,
        validation: freshReportView(await pki.validate(db, new Uint8Array(bytes))),
      };
    },

    async file(code: string) {
      const d = await issuedByCode(code);
      return { bytes: await files.read(d.issuedSha256!), fileName: `${d.symbol}.pdf` };
    },
  };
}
