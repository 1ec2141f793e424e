import type { Certificate, CertificateDetail, CertificateStatus } from '../schema.js';
import type { CertificateRow, StatusHistoryRow, StoredStatus } from '../store/tables.js';

export const MAX_PIN_FAILURES = 5;

/** "expired" is not stored: an issued certificate past its end of validity is expired. */
export function statusOf(
  row: Pick<CertificateRow, 'status' | 'notAfter'>,
  now: Date,
): CertificateStatus {
  const inForce = row.status === 'active' || row.status === 'suspended';
  return inForce && row.notAfter && row.notAfter <= now ? 'expired' : row.status;
}

export function certificateView(row: CertificateRow, now: Date, pinFailures = 0): Certificate {
  return {
    id: row.id,
    holderKind: row.holderKind,
    userId: row.userId,
    agencyId: row.agencyId,
    keyKind: row.keyKind,
    status: statusOf(row, now),
    subject: { name: row.subjectName, title: row.subjectTitle, org: row.subjectOrg },
    serial: row.serial,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    deviceSerial: row.deviceSerial,
    phone: row.phone,
    note: row.note,
    hasPin: row.pinHash !== null,
    isPinLocked: Math.max(row.pinFailures, pinFailures) >= MAX_PIN_FAILURES,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    issuedAt: row.issuedAt,
    suspendedAt: row.suspendedAt,
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    renewedFromId: row.renewedFromId,
    certificatePem: row.certificatePem,
  };
}

export function detailView(
  row: CertificateRow,
  history: StatusHistoryRow[],
  now: Date,
  pinFailures = 0,
): CertificateDetail {
  return {
    ...certificateView(row, now, pinFailures),
    history: history.map((h) => ({ status: h.status, reason: h.reason, at: h.at })),
  };
}

/** What the audit log keeps of a certificate (no key, no PIN hash, no PEM). */
export function auditSnapshot(row: CertificateRow) {
  return {
    holderKind: row.holderKind,
    userId: row.userId,
    agencyId: row.agencyId,
    keyKind: row.keyKind,
    status: row.status,
    subjectName: row.subjectName,
    subjectTitle: row.subjectTitle,
    subjectOrg: row.subjectOrg,
    serial: row.serial,
    notAfter: row.notAfter,
    deviceSerial: row.deviceSerial,
    revocationReason: row.revocationReason,
  };
}

/** The status a certificate had at `at`, from its history (latest change at or before it). */
export function statusAt(history: StatusHistoryRow[], at: Date): StoredStatus | null {
  let found: StoredStatus | null = null;
  for (const h of history) {
    if (h.at.getTime() <= at.getTime()) found = h.status;
  }
  return found;
}
