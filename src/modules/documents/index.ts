/**
 * Documents (quản lý văn bản và điều hành, schema `document`): registers and gap-free
 * numbering, drafting (composed in the browser or uploaded), review and approval, the
 * leader's personal signature and the clerk's issuance with the agency signature, delivery to
 * other agencies' incoming registers with receipts, recall and replacement (Decree 30/2020
 * Art. 18), incoming registration, signature checks, direction, handling, reminders, figures.
 * Other modules use it through this file only.
 */
export { documentRoutes, type DocumentRoutesDeps } from './routes/index.js';
export { createDocumentService, type DocumentDeps, type DocumentService } from './service/index.js';
export type { ReminderRun } from './service/reminders.js';
export { documentTypes, findDocumentType, type DocumentType } from './catalogue.js';
export * from './schema.js';

/** Permissions this module checks (scoped to agency subtrees; 404 outside them). */
export const documentPermissions = [
  'document.read',
  'document.draft',
  'document.approve',
  'document.sign',
  'document.issue',
  'document.register',
  'document.direct',
  'document.handle',
  'document.records',
  'document.stats',
] as const;
