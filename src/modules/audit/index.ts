/**
 * Audit: the append-only, hash-chained log of every change. Services call
 * `audit.record(trx, ctx, entry)` inside their own transaction.
 */
export { auditRoutes } from './routes.js';
export { createAuditQueries, type AuditQueries } from './queries.js';
export {
  createAuditService,
  type AuditContext,
  type AuditEntry,
  type AuditService,
  type VerifyResult,
} from './service.js';

/** Permissions this module checks. */
export const auditPermissions = ['audit.read', 'audit.verify'] as const;
