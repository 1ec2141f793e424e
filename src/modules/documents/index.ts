/**
 * Documents (quản lý văn bản và điều hành): registers, numbering, drafting, approval, signing,
 * issuing, inter-agency delivery, incoming handling, records and search (Decree 30/2020).
 * (Skeleton wired by the lead; the documents part fills it in.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { AnyDb } from '../../platform/db/connect.js';
import type { FileStore } from '../../platform/files/index.js';
import type { AgencyService } from '../agencies/index.js';
import type { AuditService } from '../audit/index.js';
import type { CalendarService } from '../calendar/index.js';
import type { IdentityService } from '../identity/index.js';
import type { NotifyService } from '../notify/index.js';
import type { PkiService } from '../pki/index.js';

export type DocumentDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  calendar: CalendarService;
  identity: Pick<IdentityService, 'listOfficialsWith'>;
  notify: Pick<NotifyService, 'notify' | 'notifyMany' | 'notifyStatements'>;
  files: FileStore;
  pki: PkiService;
  config: Pick<
    Config,
    'timeZone' | 'publicUrl' | 'maxFileBytes' | 'sofficePath' | 'isProduction' | 'mailFrom'
  >;
};

export function createDocumentService(deps: DocumentDeps) {
  return {
    deps,
    /** Demo data (idempotent), called by the seed in demo mode after the demo accounts. */
    async seedDemo(_db: AnyDb, _ctx: RequestContext): Promise<void> {},
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;

export type DocumentRoutesDeps = { documents: DocumentService };
export const documentRoutes: FastifyPluginAsyncZod<DocumentRoutesDeps> = async () => {};
