/** PKI payloads as the server sends them (src/modules/pki/schema.ts, imported as types only). */
import type * as S from '../../../../src/modules/pki/schema.js';
import type { Wire } from './wire';

export type Certificate = Wire<S.Certificate>;
export type CertificateDetail = Wire<S.CertificateDetail>;
export type CertificatePage = Wire<S.CertificatePage>;
export type CertificateStatus = S.CertificateStatus;
export type KeyKind = S.KeyKind;
export type HolderKind = Certificate['holderKind'];
export type RevocationReason = S.RevocationReason;
export type PkiCounts = Wire<S.PkiCounts>;
export type Breakdown = PkiCounts['active'];
export type ValidationReport = Wire<S.ValidationReport>;
export type SignatureReport = Wire<S.SignatureReport>;
export type SignatureStatus = S.SignatureStatus;
export type RequestCertificateInput = S.RequestCertificateInput;
export type RenewInput = S.RenewInput;
export type SetPinInput = S.SetPinInput;

// The server's lists are not imported at run time (its store module comes with them);
// `satisfies` keeps these in step with its types.
export const keyKinds = ['remote', 'usb_token', 'sim_pki'] as const satisfies readonly KeyKind[];
export const holderKinds = ['person', 'agency'] as const satisfies readonly HolderKind[];
export const listStatuses = [
  'requested',
  'approved',
  'rejected',
  'active',
  'suspended',
  'revoked',
  'superseded',
] as const satisfies readonly CertificateStatus[];
export const revokeReasons = [
  'unspecified',
  'key_compromise',
  'affiliation_changed',
  'cessation_of_operation',
  'privilege_withdrawn',
] as const satisfies readonly RevocationReason[];
