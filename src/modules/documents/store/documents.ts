import type { Insertable, Updateable } from 'kysely';
import { chainOnlyStates } from '../workflow.js';
import type { DocumentTables, DocumentRow, Exec, VersionRow } from './tables.js';
import { q } from './tables.js';

export type NewDocument = Insertable<DocumentTables['document.documents']>;
export type DocumentPatch = Updateable<DocumentTables['document.documents']>;

export async function insert(ex: Exec, row: NewDocument): Promise<DocumentRow> {
  return q(ex)
    .insertInto('document.documents')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function find(ex: Exec, id: string): Promise<DocumentRow | undefined> {
  return q(ex).selectFrom('document.documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row locked until the caller's transaction ends. */
export async function lock(ex: Exec, id: string): Promise<DocumentRow | undefined> {
  return q(ex)
    .selectFrom('document.documents')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findMany(ex: Exec, ids: readonly string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return q(ex).selectFrom('document.documents').selectAll().where('id', 'in', ids).execute();
}

export async function findByVerifyCode(ex: Exec, code: string): Promise<DocumentRow | undefined> {
  return q(ex)
    .selectFrom('document.documents')
    .selectAll()
    .where('verifyCode', '=', code)
    .where('issuedSha256', 'is not', null)
    .executeTakeFirst();
}

export async function update(ex: Exec, id: string, patch: DocumentPatch): Promise<DocumentRow> {
  return q(ex)
    .updateTable('document.documents')
    .set((eb) => ({ ...patch, rowVersion: eb('rowVersion', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertVersion(
  ex: Exec,
  row: Insertable<DocumentTables['document.versions']>,
): Promise<VersionRow> {
  return q(ex).insertInto('document.versions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listVersions(ex: Exec, documentId: string): Promise<VersionRow[]> {
  return q(ex)
    .selectFrom('document.versions')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('version')
    .execute();
}

export async function findVersion(
  ex: Exec,
  documentId: string,
  version: number,
): Promise<VersionRow | undefined> {
  return q(ex)
    .selectFrom('document.versions')
    .selectAll()
    .where('documentId', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Links both ways; an existing link is kept. */
export async function relate(ex: Exec, documentId: string, relatedIds: readonly string[]) {
  const rows = relatedIds
    .filter((r) => r !== documentId)
    .flatMap((r) => [
      { documentId, relatedId: r },
      { documentId: r, relatedId: documentId },
    ]);
  if (rows.length === 0) return;
  await q(ex)
    .insertInto('document.relations')
    .values(rows)
    .onConflict((oc) => oc.columns(['documentId', 'relatedId']).doNothing())
    .execute();
}

export async function listRelated(ex: Exec, documentId: string) {
  return q(ex)
    .selectFrom('document.relations as r')
    .innerJoin('document.documents as d', 'd.id', 'r.relatedId')
    .select(['d.id', 'd.symbol', 'd.summary', 'd.state', 'd.agencyId'])
    .where('r.documentId', '=', documentId)
    .orderBy('d.createdAt')
    .execute();
}

export type OutgoingWhere = {
  agencyIds: readonly string[];
  state?: DocumentRow['state'] | undefined;
  /** A calendar year: local dates, and the instants bounding it. */
  year?: { first: string; last: string; from: Date; to: Date } | undefined;
  /** Who looks: drafts only for their chain (see core.visibleDocument). */
  viewer: { userId: string; issueAgencyIds: readonly string[] };
  /** What waits for this user: set for the "mine" box. */
  mine?: { userId: string; reviewIds: readonly string[]; issueAgencyIds: readonly string[] };
};
export type OutgoingFilter = OutgoingWhere & { limit: number; offset: number };

/**
 * The agency's own documents (drafted here, or registered here from outside) a filter selects:
 * the one query behind both the list and its count. Cancelled drafts only when asked for.
 */
function outgoing(ex: Exec, f: OutgoingWhere) {
  let query = q(ex)
    .selectFrom('document.documents')
    .where('agencyId', 'in', f.agencyIds)
    .where('origin', '=', 'internal');
  query = f.state ? query.where('state', '=', f.state) : query.where('state', '<>', 'cancelled');
  const viewer = f.viewer;
  query = query.where((eb) =>
    eb.or([
      eb('state', 'not in', chainOnlyStates),
      eb('drafterUserId', '=', viewer.userId),
      eb('signerUserId', '=', viewer.userId),
      ...(viewer.issueAgencyIds.length > 0
        ? [eb.and([eb('state', '=', 'signed'), eb('agencyId', 'in', viewer.issueAgencyIds)])]
        : []),
      eb.exists(
        eb
          .selectFrom('document.reviews as rv')
          .select('rv.id')
          .whereRef('rv.documentId', '=', 'document.documents.id')
          .where('rv.reviewerUserId', '=', viewer.userId),
      ),
    ]),
  );
  const year = f.year;
  if (year) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('issuedOn', '>=', year.first), eb('issuedOn', '<=', year.last)]),
        eb.and([
          eb('issuedOn', 'is', null),
          eb('createdAt', '>=', year.from),
          eb('createdAt', '<', year.to),
        ]),
      ]),
    );
  }
  const mine = f.mine;
  if (mine) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('drafterUserId', '=', mine.userId), eb('state', 'in', ['draft', 'returned'])]),
        eb.and([eb('signerUserId', '=', mine.userId), eb('state', '=', 'approved')]),
        ...(mine.reviewIds.length > 0 ? [eb('id', 'in', mine.reviewIds)] : []),
        ...(mine.issueAgencyIds.length > 0
          ? [eb.and([eb('state', '=', 'signed'), eb('agencyId', 'in', mine.issueAgencyIds)])]
          : []),
      ]),
    );
  }
  return query;
}

/** How many documents the list of this filter holds (its `total`). */
export async function count(ex: Exec, f: OutgoingWhere): Promise<number> {
  if (f.agencyIds.length === 0) return 0;
  const row = await outgoing(ex, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the filter's documents, newest first, and the total. */
export async function list(ex: Exec, f: OutgoingFilter) {
  if (f.agencyIds.length === 0) return { rows: [], total: 0 };
  const total = await count(ex, f);
  const rows = await outgoing(ex, f)
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total };
}
