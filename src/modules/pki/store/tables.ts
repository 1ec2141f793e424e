import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import type { HolderKind, KeyKind, RevocationReason, StoredStatus } from '../schema.js';

export type { HolderKind, KeyKind, RevocationReason, StoredStatus };

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

type AuthoritiesTable = {
  id: Generated<string>;
  kind: 'root' | 'issuing';
  parentId: string | null;
  subject: string;
  serial: string;
  certificateDer: Uint8Array;
  certificatePem: string;
  encryptedKey: string;
  notBefore: Date;
  notAfter: Date;
  crlNumber: Generated<number>;
  createdAt: Date;
  retiredAt: Nullable<Date>;
};

type CrlsTable = {
  id: Generated<string>;
  authorityId: string;
  crlNumber: number;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: number;
  der: Uint8Array;
};

type CertificatesTable = {
  id: Generated<string>;
  holderKind: HolderKind;
  userId: string | null;
  agencyId: string;
  keyKind: KeyKind;
  status: StoredStatus;
  subjectName: string;
  subjectTitle: string | null;
  subjectOrg: string;
  csrPem: Nullable<string>;
  serial: Nullable<string>;
  notBefore: Nullable<Date>;
  notAfter: Nullable<Date>;
  certificatePem: Nullable<string>;
  encryptedKey: Nullable<string>;
  pinHash: Nullable<string>;
  pinFailures: Generated<number>;
  deviceSerial: Nullable<string>;
  phone: Nullable<string>;
  note: Nullable<string>;
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: Nullable<string>;
  decidedAt: Nullable<Date>;
  decisionNote: Nullable<string>;
  issuedBy: Nullable<string>;
  issuedAt: Nullable<Date>;
  revokedBy: Nullable<string>;
  revokedAt: Nullable<Date>;
  revocationReason: Nullable<RevocationReason>;
  suspendedAt: Nullable<Date>;
  renewedFromId: Nullable<string>;
  updatedAt: Date;
};

type StatusHistoryTable = {
  id: Generated<number>;
  certificateId: string;
  status: StoredStatus;
  reason: string | null;
  at: Date;
  actorUserId: string | null;
};

type SignaturesTable = {
  id: Generated<string>;
  certificateId: string;
  signedAt: Date;
  signatureDigest: string;
  purpose: 'person' | 'agency';
  documentRef: string | null;
  actorUserId: string | null;
};

export type PkiTables = {
  'pki.authorities': AuthoritiesTable;
  'pki.crls': CrlsTable;
  'pki.certificates': CertificatesTable;
  'pki.statusHistory': StatusHistoryTable;
  'pki.signatures': SignaturesTable;
};

export type AuthorityRow = Selectable<AuthoritiesTable>;
export type CertificateRow = Selectable<CertificatesTable>;
export type StatusHistoryRow = Selectable<StatusHistoryTable>;
export type SignatureRow = Selectable<SignaturesTable>;
export type CrlRow = Selectable<CrlsTable>;

export type Exec = Kysely<unknown> | Transaction<unknown>;
export const q = (exec: Exec): Executor<PkiTables> => narrow<PkiTables>(exec);
