import type { Insertable, Updateable } from 'kysely';
import {
  type CertificateRow,
  type Exec,
  type KeyKind,
  type PkiTables,
  type StatusHistoryRow,
  type StoredStatus,
  q,
} from './tables.js';

type NewCertificate = Insertable<PkiTables['pki.certificates']>;
export type CertificatePatch = Updateable<PkiTables['pki.certificates']>;

export async function insertCertificate(exec: Exec, row: NewCertificate): Promise<CertificateRow> {
  return q(exec)
    .insertInto('pki.certificates')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const findCertificate = (
  exec: Exec,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<CertificateRow | undefined> =>
  q(exec)
    .selectFrom('pki.certificates')
    .selectAll()
    .where('id', '=', id)
    .$if(opts.lock === true, (qb) => qb.forUpdate())
    .executeTakeFirst();

export const findBySerial = (exec: Exec, serial: string): Promise<CertificateRow | undefined> =>
  q(exec)
    .selectFrom('pki.certificates')
    .selectAll()
    .where('serial', '=', serial)
    .executeTakeFirst();

export async function updateCertificate(
  exec: Exec,
  id: string,
  patch: CertificatePatch,
): Promise<CertificateRow> {
  return q(exec)
    .updateTable('pki.certificates')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A holder's certificate of a key kind that is pending or in force (one at a time). */
export const findCurrentOf = (
  exec: Exec,
  holder: { userId: string | null; agencyId: string },
  keyKind: KeyKind,
): Promise<CertificateRow | undefined> =>
  q(exec)
    .selectFrom('pki.certificates')
    .selectAll()
    .$if(holder.userId !== null, (qb) => qb.where('userId', '=', holder.userId))
    .$if(holder.userId === null, (qb) =>
      qb.where('userId', 'is', null).where('agencyId', '=', holder.agencyId),
    )
    .where('keyKind', '=', keyKind)
    .where('status', 'in', ['requested', 'approved', 'active', 'suspended'])
    .executeTakeFirst();

/** The newest active platform-held certificate of a person or of an agency, locked. */
export const findSigningCertificate = (
  exec: Exec,
  holder: { userId: string } | { agencyId: string },
): Promise<CertificateRow | undefined> =>
  q(exec)
    .selectFrom('pki.certificates')
    .selectAll()
    .where('keyKind', '=', 'remote')
    .where('status', 'in', ['active', 'suspended'])
    .$if('userId' in holder, (qb) => qb.where('userId', '=', (holder as { userId: string }).userId))
    .$if('agencyId' in holder, (qb) =>
      qb
        .where('holderKind', '=', 'agency')
        .where('agencyId', '=', (holder as { agencyId: string }).agencyId),
    )
    .orderBy('issuedAt', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();

export type CertificateFilter = {
  agencyIds: string[] | null;
  status?: StoredStatus | undefined;
  keyKinds?: KeyKind[] | undefined;
  holderKind?: 'person' | 'agency' | undefined;
  userId?: string | undefined;
  limit: number;
  before?: { requestedAt: Date; id: string } | undefined;
};

export const listCertificates = (exec: Exec, f: CertificateFilter): Promise<CertificateRow[]> =>
  q(exec)
    .selectFrom('pki.certificates')
    .selectAll()
    .$if(f.agencyIds !== null, (qb) => qb.where('agencyId', 'in', f.agencyIds!))
    .$if(f.status !== undefined, (qb) => qb.where('status', '=', f.status!))
    .$if(f.keyKinds !== undefined, (qb) => qb.where('keyKind', 'in', f.keyKinds!))
    .$if(f.holderKind !== undefined, (qb) => qb.where('holderKind', '=', f.holderKind!))
    .$if(f.userId !== undefined, (qb) => qb.where('userId', '=', f.userId!))
    .$if(f.before !== undefined, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('requestedAt', 'id'), '<', eb.tuple(f.before!.requestedAt, f.before!.id)),
      ),
    )
    .orderBy('requestedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();

/** What goes on the CRL: revoked, superseded and suspended (on hold) certificates. */
export const listRevokedOrHeld = (exec: Exec) =>
  q(exec)
    .selectFrom('pki.certificates')
    .select(['serial', 'status', 'revokedAt', 'revocationReason', 'suspendedAt'])
    .where('status', 'in', ['revoked', 'superseded', 'suspended'])
    .where('serial', 'is not', null)
    .orderBy('serial')
    .execute();

export async function appendHistory(
  exec: Exec,
  row: {
    certificateId: string;
    status: StoredStatus;
    reason: string | null;
    at: Date;
    actorUserId: string | null;
  },
): Promise<void> {
  await q(exec).insertInto('pki.statusHistory').values(row).execute();
}

export const historyOf = (exec: Exec, certificateId: string): Promise<StatusHistoryRow[]> =>
  q(exec)
    .selectFrom('pki.statusHistory')
    .selectAll()
    .where('certificateId', '=', certificateId)
    .orderBy('at')
    .orderBy('id')
    .execute();
