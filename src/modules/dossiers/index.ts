/**
 * Dossiers (hồ sơ): the one-stop shop from submission to returned result (schema
 * `dossier`). The citizen portal files and follows dossiers; the officer desk receives,
 * processes, approves and returns them along the procedure's workflow; every change writes
 * the processing-control history (form 06), the pre-aggregated statistics, the audit record
 * and the applicant's notification in one transaction.
 */
export { dossierRoutes, type DossierRoutesDeps } from './routes.js';
export { createDossierService, type DossierDeps, type DossierService } from './service/index.js';
export {
  actionNames,
  defaultWorkflow,
  dossierActions,
  dossierStates,
  stateNames,
  type DossierAction,
  type DossierState,
  type WorkflowStep,
} from './workflow/index.js';

/** Permissions this module checks (scoped to agency subtrees). */
export const dossierPermissions = [
  'dossier.read',
  'dossier.receive',
  'dossier.process',
  'dossier.approve',
  'dossier.stats',
] as const;
