import type { Insertable, Updateable } from 'kysely';
import type { RecordFileRow, RecordTables } from './tables.js';
import { type Exec, q } from './tables.js';

type FilesTable = RecordTables['document.files'];

export async function insertFile(ex: Exec, row: Insertable<FilesTable>): Promise<RecordFileRow> {
  return q(ex).insertInto('document.files').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findFile(ex: Exec, id: string): Promise<RecordFileRow | undefined> {
  return q(ex).selectFrom('document.files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row locked until the caller's transaction ends. */
export async function lockFile(ex: Exec, id: string): Promise<RecordFileRow | undefined> {
  return q(ex)
    .selectFrom('document.files')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateFile(
  ex: Exec,
  id: string,
  patch: Updateable<FilesTable>,
): Promise<RecordFileRow> {
  return q(ex)
    .updateTable('document.files')
    .set((eb) => ({ ...patch, rowVersion: eb('rowVersion', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type FileFilter = {
  agencyIds: readonly string[];
  fileId?: string | undefined;
  year?: number | undefined;
  planId?: string | undefined;
  headingId?: string | undefined;
  state?: 'open' | 'closed' | undefined;
  documentId?: string | undefined;
  /** Closed, not transferred, kept 5 years or more, closed on or before this day. */
  transferDueClosedBy?: string | undefined;
  limit: number;
  offset: number;
};

/** Files with their heading code, plan year and number of documents. */
export async function listFiles(ex: Exec, f: FileFilter) {
  if (f.agencyIds.length === 0) return { rows: [], total: 0 };
  let query = q(ex)
    .selectFrom('document.files as f')
    .innerJoin('document.fileHeadings as h', 'h.id', 'f.headingId')
    .innerJoin('document.filePlans as p', 'p.id', 'f.planId')
    .where('f.agencyId', 'in', f.agencyIds);
  if (f.fileId) query = query.where('f.id', '=', f.fileId);
  if (f.year !== undefined) query = query.where('p.year', '=', f.year);
  if (f.planId) query = query.where('f.planId', '=', f.planId);
  if (f.headingId) query = query.where('f.headingId', '=', f.headingId);
  if (f.state) query = query.where('f.state', '=', f.state);
  const documentId = f.documentId;
  if (documentId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document.fileDocuments as fd')
          .select('fd.fileId')
          .whereRef('fd.fileId', '=', 'f.id')
          .where('fd.documentId', '=', documentId),
      ),
    );
  }
  const closedBy = f.transferDueClosedBy;
  if (closedBy) {
    query = query
      .where('f.state', '=', 'closed')
      .where('f.transferredOn', 'is', null)
      .where('f.closedOn', '<=', closedBy)
      .where((eb) => eb.or([eb('f.retentionYears', 'is', null), eb('f.retentionYears', '>=', 5)]));
  }
  const total = await query
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let ordered = query
    .selectAll('f')
    .select(['h.code as headingCode', 'h.title as headingTitle', 'p.year'])
    .select((eb) =>
      eb
        .selectFrom('document.fileDocuments as fd')
        .whereRef('fd.fileId', '=', 'f.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('documentCount'),
    );
  ordered = closedBy
    ? ordered.orderBy('f.closedOn').orderBy('f.code')
    : ordered.orderBy('p.year', 'desc').orderBy('h.ordinal').orderBy('f.number');
  const rows = await ordered.limit(f.limit).offset(f.offset).execute();
  return {
    rows: rows.map((r) => ({ ...r, documentCount: Number(r.documentCount ?? 0) })),
    total: Number(total.n),
  };
}
export type FileListRow = Awaited<ReturnType<typeof listFiles>>['rows'][number];
