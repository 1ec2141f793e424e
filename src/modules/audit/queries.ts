import type { AnyDb } from '../../platform/db/connect.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, scopesOf } from '../../platform/http/access.js';
import type { AgencyService } from '../agencies/index.js';
import type { ListAuditEventsQuery } from './schema.js';
import type { AuditService } from './service.js';

/** Reading the log: scoped to the agencies the reader administers. */
export function createAuditQueries({
  db,
  audit,
  agencies,
}: {
  db: AnyDb;
  audit: AuditService;
  agencies: AgencyService;
}) {
  return {
    async listEvents(actor: Actor, query: ListAuditEventsQuery) {
      const roots = scopesOf(actor, 'audit.read');
      let agencyIds: string[] | undefined;
      const provinceWide = await agencies.coversWholeProvince(db, roots);
      if (query.agencyId) {
        if (!(await agencies.isWithin(db, query.agencyId, roots))) throw notFound('agency');
        agencyIds = query.subtree
          ? await agencies.subtreeIds(db, [query.agencyId])
          : [query.agencyId];
      } else if (!provinceWide) {
        agencyIds = await agencies.subtreeIds(db, roots);
      }
      const items = await audit.findEvents(db, { ...query, agencyIds });
      const last = items.at(-1);
      return { items, nextBeforeSeq: items.length === query.limit && last ? last.seq : null };
    },
    verify: () => audit.verify(db),
  };
}
export type AuditQueries = ReturnType<typeof createAuditQueries>;
