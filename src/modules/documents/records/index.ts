/**
 * Records (lập hồ sơ, Decree 30/2020 ch. IV): an agency's annual file plan with headings,
 * files with codes and retention, documents filed by link (one document in several files),
 * closing, export as a ZIP of PDFs with annex VI XML, and the archive-transfer list.
 * Part of the documents module (schema `document`); the app wires it through this file.
 */
export { recordRoutes, type RecordRoutesDeps } from './routes.js';
export { createRecordService, type RecordDeps, type RecordService } from './service/index.js';
export * from './schema.js';
