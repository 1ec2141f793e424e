import yazl from 'yazl';
import type { RequestContext } from '../../../../platform/context.js';
import { foldToAscii } from '../../../../platform/files/index.js';
import * as filedStore from '../store/file-documents.js';
import { documentXml, fileXml } from '../xml.js';
import { READ, type RecordAccess } from './access.js';
import type { RecordDeps } from './deps.js';
import { filedDocuments, retentionLabel, type RecordViews } from './views.js';

const slug = (s: string): string =>
  foldToAscii(s)
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'van-ban';

/**
 * The export of a file: a ZIP with the file's XML (`ho-so.xml`), and for each document its
 * PDF as issued or registered and its annex VI XML, numbered in the file's order. A PDF
 * missing from the store is left out and its XML says so (no `fileName`).
 */
export function createExport(deps: RecordDeps, access: RecordAccess, views: RecordViews) {
  const { db, clock, audit, agencies, files } = deps;

  return {
    async exportFile(
      ctx: RequestContext,
      id: string,
    ): Promise<{ fileName: string; zip: NodeJS.ReadableStream }> {
      const actor = ctx.actor!;
      const f = await access.file(db, actor, id, READ);
      const summary = await views.summaryOf(db, f);
      const agency = await agencies.getAgency(db, f.agencyId);
      const rows = await filedStore.listFiled(db, f.id, f.agencyId);
      const filed = filedDocuments(rows, f.agencyId);
      const agencyCode = agency.electronicId ?? agency.gsoCode ?? agency.abbreviation ?? agency.id;
      const fileIdentifier = `${agencyCode}.${summary.year}.${f.code}`;
      const root = slug(f.code.replace(/\./g, '-'));
      const now = clock.now();
      const zip = new yazl.ZipFile();

      const items: Parameters<typeof fileXml>[0]['documents'] = [];
      let pageCount = 0;
      for (const [i, d] of filed.entries()) {
        const row = rows[i]!;
        const base = `${String(d.ordinal).padStart(3, '0')}_${slug(d.symbol ?? d.typeName)}`;
        const sha = row.issuedSha256 ?? row.pdfSha256;
        let fileName: string | null = `${base}.pdf`;
        try {
          zip.addBuffer(await files.read(sha), `${root}/${fileName}`, {
            mtime: now,
            compress: false,
          });
        } catch {
          fileName = null;
        }
        pageCount += d.pages ?? 0;
        const xml = documentXml({
          fileIdentifier,
          ordinal: d.ordinal,
          documentId: d.documentId,
          typeName: d.typeName,
          number: d.number,
          symbol: d.symbol,
          issuedOn: d.issuedOn,
          issuerName: d.issuerName,
          summary: d.summary,
          language: d.language,
          pages: d.pages,
          signerName: d.signerName,
          signerPosition: row.signerPosition,
          urgency: row.urgency,
          dueOn: row.dueOn,
          direction: d.direction,
          incomingNumber: d.incomingNumber,
          receivedOn: d.receivedOn,
          fileName,
          sha256: fileName ? sha : null,
        });
        zip.addBuffer(Buffer.from(xml, 'utf8'), `${root}/${base}.xml`, { mtime: now });
        items.push({
          ordinal: d.ordinal,
          symbol: d.symbol,
          issuedOn: d.issuedOn,
          summary: d.summary,
          fileName,
          metadataName: `${base}.xml`,
        });
      }
      const dates = filed.map((d) => d.issuedOn ?? d.receivedOn).filter((x) => x !== null);
      dates.sort();
      const xml = fileXml({
        fileIdentifier,
        code: f.code,
        title: f.title,
        agencyName: agency.name,
        headingCode: summary.headingCode,
        headingTitle: summary.headingTitle,
        retentionLabel: retentionLabel(f.retentionYears),
        language: 'vi',
        startDate: dates[0] ?? f.openedOn,
        endDate: dates.at(-1) ?? f.closedOn,
        pageCount,
        keeperName: f.keeperName,
        openedOn: f.openedOn,
        closedOn: f.closedOn,
        state: f.state,
        note: f.note,
        exportedAt: now.toISOString(),
        documents: items,
      });
      zip.addBuffer(Buffer.from(xml, 'utf8'), `${root}/ho-so.xml`, { mtime: now });
      zip.end();
      await db.transaction().execute(async (trx) => {
        await audit.record(trx, ctx, {
          action: 'document.file_export',
          targetType: 'record_file',
          targetId: f.id,
          agencyId: f.agencyId,
          after: { code: f.code, documents: filed.length },
        });
      });
      return { fileName: `${root}.zip`, zip: zip.outputStream };
    },
  };
}
