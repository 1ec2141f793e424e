/**
 * Agencies: the province's directory of agencies as a dated tree (schema `agency`).
 * An agency exists for a period [validFrom, validTo); a reorganisation ends agencies and
 * starts successors, linked by successions, so past figures keep their owner.
 * Other modules use the service through this file only.
 */
export { agencyRoutes, type AgencyRoutesDeps } from './routes.js';
export { createAgencyService, type AgencyService } from './service/index.js';
export type { ImportResult } from './service/seed-demo.js';
export { defaultAdminUnitsCsv } from './service/seed-demo.js';
export { MERGE_DATE, type Merge2025Result } from './service/import-2025.js';
export type { TierCounts } from './service/three-tier.js';
export { seedDir } from './seed-files.js';
export {
  Agency,
  AgencyDetail,
  AgencyKind,
  AgencyListItem,
  AgencyRef,
  AgencySearchHit,
  CommuneType,
  CreateAgencyInput,
  DistrictType,
  EndAgencyInput,
  SuccessionKind,
  SuccessionLink,
  SuccessionShare,
  UpdateAgencyInput,
} from './schema.js';

/**
 * Permissions this module checks. `agency.read` is held province-wide by every official;
 * `agency.manage` is scoped: the target (or the new agency's parent) must lie in one of the
 * subtrees it was granted on, else the answer is 404 `agency.not_found`.
 */
export const agencyPermissions = ['agency.read', 'agency.manage'] as const;
