/**
 * PKI (chứng thư số chuyên dùng): the province's certificate authority, certificates for
 * people and agencies, revocation and CRL, PAdES signing with platform-held keys, validation.
 * (Skeleton wired by the lead; the pki part fills it in.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { AnyDb } from '../../platform/db/connect.js';
import type { AgencyService } from '../agencies/index.js';
import type { AuditService } from '../audit/index.js';
import type { IdentityService } from '../identity/index.js';

export type PkiDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  identity: Pick<IdentityService, 'verifySecondFactor'>;
  config: Pick<Config, 'pkiPassphrase' | 'publicUrl' | 'timeZone' | 'isProduction'>;
};

export function createPkiService(deps: PkiDeps) {
  return {
    deps,
    /** Demo data (idempotent), called by the seed in demo mode after the demo accounts. */
    async seedDemo(_db: AnyDb, _ctx: RequestContext): Promise<void> {},
  };
}
export type PkiService = ReturnType<typeof createPkiService>;

export type PkiRoutesDeps = { pki: PkiService };
export const pkiRoutes: FastifyPluginAsyncZod<PkiRoutesDeps> = async () => {};
