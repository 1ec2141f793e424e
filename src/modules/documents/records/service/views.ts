import type { Actor } from '../../../../platform/http/access.js';
import { findDocumentType } from '../../catalogue.js';
import type {
  FiledDocument,
  RecordFileAction,
  RecordFileSummary,
  RecordFileView,
  Retention,
} from '../schema.js';
import * as filedStore from '../store/file-documents.js';
import type { FiledRow } from '../store/file-documents.js';
import * as fileStore from '../store/files.js';
import type { FileListRow } from '../store/files.js';
import type { RecordFileRow } from '../store/tables.js';
import { MANAGE, type RecordAccess } from './access.js';
import type { Ex } from './deps.js';

export const retentionOf = (years: number | null): Retention => years ?? 'permanent';
export const retentionLabel = (years: number | null): string =>
  years === null ? 'Vĩnh viễn' : `${years} năm`;
export const yearsOf = (r: Retention): number | null => (r === 'permanent' ? null : r);

export const typeNameOf = (key: string): string => findDocumentType(key)?.name ?? key;

export function fileSummary(r: FileListRow): RecordFileSummary {
  return {
    id: r.id,
    agencyId: r.agencyId,
    planId: r.planId,
    year: r.year,
    headingId: r.headingId,
    headingCode: r.headingCode,
    number: r.number,
    code: r.code,
    title: r.title,
    retention: retentionOf(r.retentionYears),
    retentionLabel: retentionLabel(r.retentionYears),
    keeper: { id: r.keeperUserId, name: r.keeperName },
    state: r.state,
    openedOn: r.openedOn,
    closedOn: r.closedOn,
    transferredOn: r.transferredOn,
    documentCount: r.documentCount,
  };
}

/** The documents of a file numbered 1..n in their order (số thứ tự văn bản trong hồ sơ). */
export function filedDocuments(rows: readonly FiledRow[], agencyId: string): FiledDocument[] {
  return rows.map((d, i) => ({
    documentId: d.id,
    ordinal: i + 1,
    direction: d.origin === 'internal' && d.agencyId === agencyId ? 'outgoing' : 'incoming',
    typeKey: d.typeKey,
    typeName: typeNameOf(d.typeKey),
    number: d.number,
    symbol: d.symbol,
    issuedOn: d.issuedOn,
    issuerName: d.issuerName,
    summary: d.summary,
    signerName: d.signerName,
    pages: d.pages,
    language: d.language,
    incomingNumber: d.incomingNumber,
    receivedOn: d.receivedOn,
    addedAt: d.addedAt,
  }));
}

export function createRecordViews(access: RecordAccess) {
  /** One file as a list row (heading code, year, count). */
  async function summaryOf(ex: Ex, f: RecordFileRow): Promise<FileListRow> {
    const page = await fileStore.listFiles(ex, {
      agencyIds: [f.agencyId],
      fileId: f.id,
      limit: 1,
      offset: 0,
    });
    const row = page.rows[0];
    if (!row) throw new Error('a file without its heading');
    return row;
  }

  return {
    summaryOf,

    async file(ex: Ex, actor: Actor, f: RecordFileRow): Promise<RecordFileView> {
      const row = await summaryOf(ex, f);
      const documents = filedDocuments(
        await filedStore.listFiled(ex, f.id, f.agencyId),
        f.agencyId,
      );
      const actions: RecordFileAction[] = ['export'];
      if (await access.inScope(ex, actor, f.agencyId, MANAGE)) {
        if (f.state === 'open') actions.push('update', 'add', 'remove', 'close');
        else if (!f.transferredOn && (f.retentionYears === null || f.retentionYears >= 5))
          actions.push('transfer');
      }
      return {
        ...fileSummary(row),
        headingTitle: row.headingTitle,
        note: f.note,
        closedAt: f.closedAt,
        documents,
        actions,
        createdAt: f.createdAt,
        updatedAt: f.updatedAt,
      };
    },
  };
}
export type RecordViews = ReturnType<typeof createRecordViews>;
