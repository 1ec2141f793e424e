/**
 * PKI (chứng thư số chuyên dùng): the province's certificate authority, certificates for
 * people and agencies (USB token, SIM PKI, platform-held "remote" keys), their lifecycle,
 * the CRL, PAdES signing with platform-held keys, and the validation report of signed PDFs.
 * Schema `pki`. Other modules use it through this file only.
 */
export { pkiRoutes, type PkiRoutesDeps } from './routes/index.js';
export { createPkiService, type PkiDeps, type PkiService } from './service/index.js';
export type { SignAsAgencyInput, SignAsPersonInput, SignResult } from './service/sign.js';
export { DEMO_PIN } from './service/seed-demo.js';
export {
  Certificate,
  CertificateDetail,
  CertificatePage,
  CertificateStatus,
  KeyKind,
  PkiCounts,
  RequestCertificateInput,
  RevocationReason,
  SignatureReport,
  ValidationReport,
} from './schema.js';

/** Permissions this module checks (scoped to agency subtrees). */
export const pkiPermissions = ['pki.read', 'pki.request', 'pki.manage', 'pki.stats'] as const;
