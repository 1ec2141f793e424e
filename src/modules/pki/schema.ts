import { z } from 'zod';

/** The PKI module's contracts: inputs checked at the edge, outputs as allow-lists. */

export const holderKinds = ['person', 'agency'] as const;
export type HolderKind = (typeof holderKinds)[number];
export const keyKinds = ['usb_token', 'sim_pki', 'remote'] as const;
export type KeyKind = (typeof keyKinds)[number];
export const storedStatuses = [
  'requested',
  'approved',
  'rejected',
  'active',
  'suspended',
  'revoked',
  'superseded',
] as const;
export type StoredStatus = (typeof storedStatuses)[number];
/** RFC 5280 reasons a department admin may give (certificateHold is a suspension). */
export const revocationReasons = [
  'unspecified',
  'key_compromise',
  'affiliation_changed',
  'superseded',
  'cessation_of_operation',
  'privilege_withdrawn',
] as const;
export type RevocationReason = (typeof revocationReasons)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const HolderKind = z.enum(holderKinds);
export const KeyKind = z.enum(keyKinds);
export const RevocationReason = z.enum(revocationReasons);
/** What a reader sees: the stored state, with "expired" for one past its end of validity. */
export const CertificateStatus = z.enum([
  'requested',
  'approved',
  'rejected',
  'active',
  'suspended',
  'revoked',
  'superseded',
  'expired',
]);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

const CsrPem = z
  .string()
  .trim()
  .max(20_000)
  .regex(
    /^-----BEGIN (NEW )?CERTIFICATE REQUEST-----[\s\S]+-----END (NEW )?CERTIFICATE REQUEST-----$/,
    'PEM PKCS#10',
  );
const DeviceSerial = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,64}$/);
const Phone = z
  .string()
  .trim()
  .regex(/^(\+84|0)[0-9]{9,10}$/, 'số điện thoại Việt Nam');
export const Pin = z.string().regex(/^[0-9]{6,12}$/, '6–12 chữ số');
export const Otp = z.string().regex(/^[0-9]{6}$/);

const DeviceFields = {
  keyKind: KeyKind,
  /** PKCS#10 generated on the USB token or SIM (required for those kinds, refused for remote). */
  csrPem: CsrPem.optional(),
  deviceSerial: DeviceSerial.optional(),
  phone: Phone.optional(),
  note: text(500).optional(),
};

export const RequestCertificateInput = z.discriminatedUnion('holderKind', [
  z.object({ holderKind: z.literal('person'), userId: z.uuid(), ...DeviceFields }),
  z.object({ holderKind: z.literal('agency'), agencyId: z.uuid(), ...DeviceFields }),
]);
export type RequestCertificateInput = z.infer<typeof RequestCertificateInput>;

export const DecisionInput = z.object({ note: text(500).optional() });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const RenewInput = z.object({
  csrPem: CsrPem.optional(),
  deviceSerial: DeviceSerial.optional(),
  phone: Phone.optional(),
});
export type RenewInput = z.infer<typeof RenewInput>;

export const RevokeInput = z.object({ reason: RevocationReason.exclude(['superseded']) });
export type RevokeInput = z.infer<typeof RevokeInput>;

export const SetPinInput = z.object({ pin: Pin, otp: Otp, currentPin: Pin.optional() });
export type SetPinInput = z.infer<typeof SetPinInput>;

export const CertificateParams = z.object({ id: z.uuid() });

export const ListCertificatesQuery = z.object({
  agencyId: z.uuid().optional(),
  status: CertificateStatus.exclude(['expired']).optional(),
  keyKind: KeyKind.optional(),
  holderKind: HolderKind.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCertificatesQuery = z.infer<typeof ListCertificatesQuery>;

export const Certificate = z.object({
  id: z.uuid(),
  holderKind: HolderKind,
  userId: z.uuid().nullable(),
  agencyId: z.uuid(),
  keyKind: KeyKind,
  status: CertificateStatus,
  subject: z.object({ name: z.string(), title: z.string().nullable(), org: z.string() }),
  serial: z.string().nullable(),
  notBefore: z.date().nullable(),
  notAfter: z.date().nullable(),
  deviceSerial: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  hasPin: z.boolean(),
  isPinLocked: z.boolean(),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  issuedAt: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  revocationReason: RevocationReason.nullable(),
  renewedFromId: z.uuid().nullable(),
  certificatePem: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;

export const CertificateHistoryItem = z.object({
  status: CertificateStatus,
  reason: z.string().nullable(),
  at: z.date(),
});
export const CertificateDetail = Certificate.extend({ history: z.array(CertificateHistoryItem) });
export type CertificateDetail = z.infer<typeof CertificateDetail>;

export const CertificatePage = z.object({
  items: z.array(Certificate),
  nextCursor: z.string().nullable(),
});
export type CertificatePage = z.infer<typeof CertificatePage>;

export const StatsQuery = z
  .object({ from: z.iso.date(), to: z.iso.date(), agencyId: z.uuid().optional() })
  .refine((v) => v.from <= v.to, { message: 'from ≤ to', path: ['to'] });
export type StatsQuery = z.infer<typeof StatsQuery>;

const Breakdown = z.object({
  total: z.number().int(),
  byKeyKind: z.object({ usb_token: z.number(), sim_pki: z.number(), remote: z.number() }),
  byHolderKind: z.object({ person: z.number(), agency: z.number() }),
});
export type Breakdown = z.infer<typeof Breakdown>;
export const PkiCounts = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** In force at the end of the period: issued, not expired, not revoked/suspended/superseded. */
  active: Breakdown,
  issued: Breakdown,
  /** Revoked in the period (a renewal's superseded certificate is not counted). */
  revoked: Breakdown,
});
export type PkiCounts = z.infer<typeof PkiCounts>;

// --- validation report ---

export const SignatureStatus = z.enum([
  'good',
  'revoked',
  'suspended',
  'superseded',
  'expired',
  'not_yet_valid',
  'unknown',
]);
export type SignatureStatus = z.infer<typeof SignatureStatus>;

export const SignatureReport = z.object({
  index: z.number().int(),
  fieldName: z.string().nullable(),
  signer: z.object({
    name: z.string().nullable(),
    title: z.string().nullable(),
    organization: z.string().nullable(),
  }),
  /** Our certificate's holder agency, when the certificate is one of ours. */
  agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  holderKind: HolderKind.nullable(),
  certificate: z
    .object({
      serial: z.string(),
      issuer: z.string(),
      notBefore: z.date(),
      notAfter: z.date(),
      isOurs: z.boolean(),
    })
    .nullable(),
  /** "server": the time our platform recorded when it made the signature; "claimed": the PDF's /M. */
  time: z.object({ at: z.date().nullable(), source: z.enum(['server', 'claimed', 'none']) }),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  integrity: z.object({
    digestMatches: z.boolean(),
    signatureValid: z.boolean(),
    coversWholeFile: z.boolean(),
  }),
  chain: z.enum(['trusted', 'untrusted', 'invalid']),
  statusAtSigning: SignatureStatus,
  statusNow: SignatureStatus,
  verdict: z.enum(['valid', 'invalid', 'indeterminate']),
  /** Codes of what is wrong or uncertain (e.g. "revoked_at_signing", "time_claimed"). */
  problems: z.array(z.string()),
});
export type SignatureReport = z.infer<typeof SignatureReport>;

export const ValidationReport = z.object({
  verdict: z.enum(['valid', 'invalid', 'indeterminate', 'unsigned']),
  checkedAt: z.date(),
  pages: z.number().int(),
  changedAfterSigning: z.boolean(),
  signatures: z.array(SignatureReport),
});
export type ValidationReport = z.infer<typeof ValidationReport>;
