/**
 * Catalog: the province's procedure catalogue (CSDL thủ tục hành chính, schema `catalog`).
 * Procedures from the national database (imported from the bundled files) or of the province's
 * own, each with versions in force by date; who in the province carries each one; public
 * search. Other modules use the service through this file only — the dossier module calls
 * `getVersionInForce`, `getVersion`, `getProcedureByCode`, `isCarriedBy`, `agenciesCarrying`.
 */
export { catalogRoutes, type CatalogRoutesDeps } from './routes.js';
export { createCatalogService, type CatalogService } from './service/index.js';
export type { CatalogDeps } from './service/deps.js';
export type { ImportOptions, ImportReport } from './service/import.js';
export type { ReasonCount } from './import/tally.js';
export { bundledCatalogCsv, bundledDetailsJsonl } from './import/read-files.js';
export { checkWorkflow } from './validate.js';
export {
  AgencyName,
  Carriers,
  CreateProcedureInput,
  CreateVersionInput,
  defaultFormFields,
  defaultWorkflow,
  FormField,
  FormFieldType,
  Implementers,
  ImplementerTarget,
  LegacyLevel,
  Level,
  OnlineClass,
  Paper,
  ProcedureContent,
  ProcedureHistory,
  ProcedureVersion,
  PublicProcedure,
  StepRole,
  SubmissionMode,
  TimeUnit,
  WorkflowStep,
} from './schema.js';
export {
  ProcedureHit,
  ProcedurePage,
  SearchProceduresQuery,
  SectorCount,
} from './schema-search.js';
export { CatalogSettings, DistrictMode, SectorSettings } from './schema-settings.js';

/** Permissions this module checks: editing the catalogue and its settings (province-wide). */
export const catalogPermissions = ['catalog.manage'] as const;
