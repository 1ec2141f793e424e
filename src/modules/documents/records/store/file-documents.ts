import { type Exec, q } from './tables.js';

const documentColumns = [
  'd.id',
  'd.origin',
  'd.agencyId',
  'd.state',
  'd.typeKey',
  'd.number',
  'd.symbol',
  'd.issuedOn',
  'd.issuerName',
  'd.summary',
  'd.signerName',
  'd.signerPosition',
  'd.pages',
  'd.language',
  'd.urgency',
  'd.dueOn',
  'd.pdfSha256',
  'd.issuedSha256',
] as const;

/**
 * A document as an agency may file it: one it issued (internal, issued), or one in its
 * incoming register (not recalled). Undefined when it is neither.
 */
export async function findFileable(ex: Exec, agencyId: string, documentId: string) {
  const row = await q(ex)
    .selectFrom('document.documents as d')
    .leftJoin('document.incoming as e', (j) =>
      j
        .onRef('e.documentId', '=', 'd.id')
        .on('e.agencyId', '=', agencyId)
        .on('e.recalledAt', 'is', null),
    )
    .select([...documentColumns, 'e.id as incomingId'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const isOwn = row.origin === 'internal' && row.agencyId === agencyId;
  if (isOwn && row.state === 'issued') return { ...row, direction: 'outgoing' as const };
  if (row.incomingId) return { ...row, direction: 'incoming' as const };
  return { ...row, direction: null };
}

export async function isFiled(ex: Exec, fileId: string, documentId: string): Promise<boolean> {
  const row = await q(ex)
    .selectFrom('document.fileDocuments')
    .select('fileId')
    .where('fileId', '=', fileId)
    .where('documentId', '=', documentId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addToFile(
  ex: Exec,
  row: { fileId: string; documentId: string; addedBy: string | null; addedAt: Date },
): Promise<void> {
  const last = await q(ex)
    .selectFrom('document.fileDocuments')
    .select((eb) => eb.fn.max('ordinal').as('n'))
    .where('fileId', '=', row.fileId)
    .executeTakeFirst();
  await q(ex)
    .insertInto('document.fileDocuments')
    .values({ ...row, ordinal: Number(last?.n ?? 0) + 1 })
    .execute();
}

export async function removeFromFile(ex: Exec, fileId: string, documentId: string) {
  const result = await q(ex)
    .deleteFrom('document.fileDocuments')
    .where('fileId', '=', fileId)
    .where('documentId', '=', documentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The documents of a file, with the file agency's incoming entry when it received them:
 * by document date, then in the order they were added.
 */
export async function listFiled(ex: Exec, fileId: string, agencyId: string) {
  return q(ex)
    .selectFrom('document.fileDocuments as fd')
    .innerJoin('document.documents as d', 'd.id', 'fd.documentId')
    .leftJoin('document.incoming as e', (j) =>
      j.onRef('e.documentId', '=', 'd.id').on('e.agencyId', '=', agencyId),
    )
    .select([
      ...documentColumns,
      'fd.ordinal',
      'fd.addedAt',
      'e.number as incomingNumber',
      'e.receivedOn',
    ])
    .where('fd.fileId', '=', fileId)
    .orderBy('d.issuedOn')
    .orderBy('fd.ordinal')
    .execute();
}
export type FiledRow = Awaited<ReturnType<typeof listFiled>>[number];
