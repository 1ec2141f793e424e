import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { type FileKind, safeFileName } from '../../../platform/files/index.js';
import * as dossierStore from '../store/dossiers.js';
import * as fileStore from '../store/files.js';
import type { DossierRow, FileRow } from '../store/tables.js';
import type { Core } from './core.js';
import type { DossierDeps, Trx } from './deps.js';
import { dossierErrors as E } from './errors.js';

export const acceptedKinds: readonly FileKind[] = ['pdf', 'jpeg', 'png', 'docx'];
/** Results are documents: PDF (signed PDF once PKI lands) or Word. */
const resultKinds: readonly FileKind[] = ['pdf', 'docx'];

export type Upload = {
  purpose: 'paper' | 'supplement' | 'result';
  paperKey: string | undefined;
  fileName: string;
  data: Buffer;
};

/**
 * Attachments. The bytes go to the content-addressed store first (atomic: a failed write
 * leaves no partial file); the metadata row is written in a transaction with the audit
 * record. If that transaction fails, the stored blob is orphaned but never served (no row
 * points to it) — a clean-up can sweep blobs no row names.
 */
export function createFileUseCases(deps: DossierDeps, core: Core) {
  const { db, clock, files, config } = deps;

  async function attach(
    ctx: RequestContext,
    lock: (trx: Parameters<Core['lockOwn']>[0]) => Promise<DossierRow>,
    upload: Omit<Upload, 'purpose'>,
    allowed: readonly FileKind[],
    /** Checks the dossier may take the file now and says as what. */
    purposeFor: (trx: Trx, d: DossierRow) => Promise<Upload['purpose']> | Upload['purpose'],
  ): Promise<FileRow> {
    const stored = await files.put(upload.data, { allowed, maxBytes: config.maxFileBytes });
    return core.changes.transaction(async (trx) => {
      const d = await lock(trx);
      const purpose = await purposeFor(trx, d);
      if (upload.paperKey && !d.papers.some((p) => p.key === upload.paperKey)) {
        throw E.unknownPaper(upload.paperKey);
      }
      const total = await fileStore.totalBytes(trx, d.id);
      if (total + stored.size > config.maxDossierBytes) throw E.tooLarge(config.maxDossierBytes);
      const row = await fileStore.insert(trx, {
        dossierId: d.id,
        purpose,
        paperKey: upload.paperKey ?? null,
        sha256: stored.sha256,
        sizeBytes: stored.size,
        kind: stored.kind,
        mime: stored.mime,
        fileName: safeFileName(upload.fileName),
        uploadedBy: ctx.actor?.userId ?? null,
        uploadedAt: clock.now(),
      });
      await core.changes.update(
        trx,
        ctx,
        d,
        {},
        {
          action: 'attach_file',
          data: {
            fileId: row.id,
            purpose: row.purpose,
            paperKey: row.paperKey,
            size: row.sizeBytes,
          },
        },
      );
      return row;
    });
  }

  return {
    /** The applicant attaches papers to a draft, or supplements when asked. */
    async attachByApplicant(ctx: RequestContext, id: string, upload: Omit<Upload, 'purpose'>) {
      const actor = ctx.actor!;
      return attach(
        ctx,
        (trx) => core.lockOwn(trx, actor, id),
        upload,
        acceptedKinds,
        (_trx, d) => {
          if (d.state === 'awaiting_supplement') return 'supplement';
          if (d.state !== 'draft') throw E.notEditable();
          return 'paper';
        },
      );
    },

    /** The officer scans papers at the desk, or attaches the result once approved. */
    async attachByOfficer(ctx: RequestContext, id: string, upload: Upload) {
      const actor = ctx.actor!;
      return attach(
        ctx,
        (trx) => core.lockVisible(trx, actor, id),
        upload,
        upload.purpose === 'result' ? resultKinds : acceptedKinds,
        async (trx, d) => {
          if (upload.purpose === 'result') {
            if (d.state !== 'approved') throw E.notEditable();
            await core.requirePerformer(trx, actor, d, 'attach_result');
          } else if (!['submitted', 'received', 'in_process'].includes(d.state)) {
            throw E.notEditable();
          } else {
            // Whoever works the current step (or receives it) may add the papers to it.
            await core.requirePerformer(trx, actor, d, 'request_supplement');
          }
          return upload.purpose;
        },
      );
    },

    /** A draft's file taken back by the applicant. */
    async removeByApplicant(ctx: RequestContext, id: string, fileId: string) {
      const actor = ctx.actor!;
      await core.changes.transaction(async (trx) => {
        const d = await core.lockOwn(trx, actor, id);
        if (d.state !== 'draft') throw E.notEditable();
        const file = await fileStore.find(trx, d.id, fileId);
        if (!file) throw E.fileNotFound();
        await fileStore.markRemoved(trx, file.id, clock.now());
        await core.changes.update(
          trx,
          ctx,
          d,
          {},
          {
            action: 'remove_file',
            data: { fileId: file.id },
          },
        );
      });
    },

    async listFiles(d: DossierRow): Promise<FileRow[]> {
      return fileStore.listFor(db, d.id);
    },

    /** A file for download: the applicant sees all but internal ones; results once ready. */
    async openForApplicant(actor: Actor, id: string, fileId: string) {
      const d = core.access.ownedBy(actor, await dossierStore.find(db, id));
      const file = await fileStore.find(db, d.id, fileId);
      if (!file) throw E.fileNotFound();
      if (file.purpose === 'result' && !['result_ready', 'returned'].includes(d.state)) {
        throw E.fileNotFound();
      }
      return { file, stream: files.stream(file.sha256) };
    },

    async openForOfficial(actor: Actor, id: string, fileId: string) {
      const d = await core.access.visibleToOfficial(db, actor, await dossierStore.find(db, id));
      const file = await fileStore.find(db, d.id, fileId);
      if (!file) throw E.fileNotFound();
      return { file, stream: files.stream(file.sha256) };
    },
  };
}
