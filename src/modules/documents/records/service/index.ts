import { createRecordAccess } from './access.js';
import { createContentUseCases } from './contents.js';
import type { RecordDeps } from './deps.js';
import { createExport } from './export.js';
import { createFileUseCases } from './files.js';
import { createPlanUseCases } from './plans.js';
import { createTransferList } from './transfers.js';
import { createRecordViews } from './views.js';

/** The records service: file plans, files, their documents, export, archive transfers. */
export function createRecordService(deps: RecordDeps) {
  const access = createRecordAccess(deps);
  const views = createRecordViews(access);
  const files = createFileUseCases(deps, access, views);
  return {
    plans: createPlanUseCases(deps, access),
    files,
    contents: createContentUseCases(deps, access, views, files),
    export: createExport(deps, access, views),
    archiveTransfers: createTransferList(deps, access),
  };
}
export type RecordService = ReturnType<typeof createRecordService>;
export type { RecordDeps } from './deps.js';
