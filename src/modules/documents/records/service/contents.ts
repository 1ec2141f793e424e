import type { RequestContext } from '../../../../platform/context.js';
import { recordErrors as E } from '../errors.js';
import type { RecordFileView } from '../schema.js';
import * as filedStore from '../store/file-documents.js';
import * as fileStore from '../store/files.js';
import { MANAGE, type RecordAccess } from './access.js';
import type { RecordDeps } from './deps.js';
import type { FileUseCases } from './files.js';
import type { RecordViews } from './views.js';

/**
 * Documents in a file: a link, never a copy, so one document may sit in several files. Only
 * the agency's issued outgoing documents and the documents in its incoming register may be
 * filed; a document of another agency is not found.
 */
export function createContentUseCases(
  deps: RecordDeps,
  access: RecordAccess,
  views: RecordViews,
  files: FileUseCases,
) {
  const { db, clock } = deps;

  return {
    async addDocument(
      ctx: RequestContext,
      fileId: string,
      documentId: string,
    ): Promise<RecordFileView> {
      const actor = ctx.actor!;
      await access.file(db, actor, fileId, MANAGE);
      return db.transaction().execute(async (trx) => {
        const f = await access.file(trx, actor, fileId, MANAGE, true);
        if (f.state !== 'open') throw E.fileClosed();
        const d = await filedStore.findFileable(trx, f.agencyId, documentId);
        if (!d) throw E.documentNotFound();
        if (!d.direction) {
          throw d.agencyId === f.agencyId ? E.notFileable() : E.documentNotFound();
        }
        if (await filedStore.isFiled(trx, f.id, d.id)) throw E.alreadyFiled();
        const now = clock.now();
        await filedStore.addToFile(trx, {
          fileId: f.id,
          documentId: d.id,
          addedBy: actor.userId,
          addedAt: now,
        });
        const after = await fileStore.updateFile(trx, f.id, { updatedAt: now });
        await files.record(trx, ctx, after, 'add_document', {
          documentId: d.id,
          symbol: d.symbol,
          direction: d.direction,
        });
        return views.file(trx, actor, after);
      });
    },

    async removeDocument(
      ctx: RequestContext,
      fileId: string,
      documentId: string,
    ): Promise<RecordFileView> {
      const actor = ctx.actor!;
      await access.file(db, actor, fileId, MANAGE);
      return db.transaction().execute(async (trx) => {
        const f = await access.file(trx, actor, fileId, MANAGE, true);
        if (f.state !== 'open') throw E.fileClosed();
        if (!(await filedStore.removeFromFile(trx, f.id, documentId))) throw E.notInFile();
        const after = await fileStore.updateFile(trx, f.id, { updatedAt: clock.now() });
        await files.record(trx, ctx, after, 'remove_document', { documentId });
        return views.file(trx, actor, after);
      });
    },
  };
}
