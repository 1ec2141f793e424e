import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/http/access.js';
import { scopesOf } from '../../../platform/http/access.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import { findDocumentType } from '../catalogue.js';
import { searchErrors as E } from './errors.js';
import { signerKeyOf, snippetOf, termsOf, tsqueryOf } from './query.js';
import type { SearchPage, SearchQuery } from './schema.js';
import * as store from './store.js';

/** What document search uses; the app passes these pieces of `createServices`. */
export type SearchDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  config?: Pick<Config, 'timeZone'>;
};

const READ = 'document.read';

/** Full-text search over the documents a reader may see (see store.ts for the rule). */
export function createSearchUseCase({ db, agencies }: SearchDeps) {
  /** The agencies searched: the asked one's subtree (404 outside the scope), else the scope. */
  async function agencyScope(actor: Actor, agencyId: string | undefined) {
    const scopes = scopesOf(actor, READ);
    if (scopes.length === 0) return [];
    if (agencyId) {
      if (!(await agencies.isWithin(db, agencyId, scopes))) throw E.notFound();
      if (await agencies.coversWholeProvince(db, [agencyId])) return 'all' as const;
      return agencies.subtreeIds(db, [agencyId]);
    }
    if (await agencies.coversWholeProvince(db, scopes)) return 'all' as const;
    return agencies.subtreeIds(db, scopes);
  }

  return async function search(actor: Actor, query: SearchQuery): Promise<SearchPage> {
    const agencyIds = await agencyScope(actor, query.agencyId);
    if (agencyIds !== 'all' && agencyIds.length === 0)
      return { items: [], total: 0, isTotalCapped: false };
    const terms = termsOf(query.q ?? '');
    const words = terms.map((t) => t.word);
    const issuing = scopesOf(actor, 'document.issue');
    const page = await store.search(db, {
      agencyIds,
      userId: actor.userId,
      issueAgencyIds: issuing.length > 0 ? await agencies.subtreeIds(db, issuing) : [],
      tsquery: tsqueryOf(terms),
      direction: query.direction,
      typeKey: query.typeKey,
      from: query.from,
      to: query.to,
      dateOf: query.dateOf,
      signerKey: query.signer ? signerKeyOf(query.signer) : undefined,
      signerUserId: query.signerUserId,
      registerId: query.registerId,
      limit: query.limit,
      offset: query.offset,
    });
    const ids = page.rows.map((r) => r.documentId);
    const details = new Map((await store.hitDetails(db, ids)).map((d) => [d.id, d]));
    const entries = new Map<string, { id: string; receivedOn: string }>();
    for (const e of await store.incomingEntries(db, ids, agencyIds))
      if (!entries.has(e.documentId)) entries.set(e.documentId, e);
    const names = new Map<string, string>();
    for (const d of details.values())
      if (!names.has(d.agencyId))
        names.set(d.agencyId, (await agencies.getAgency(db, d.agencyId)).name);
    const items = page.rows.flatMap((r) => {
      const d = details.get(r.documentId);
      if (!d) return [];
      const entry = entries.get(d.id);
      return [
        {
          id: d.id,
          origin: d.origin,
          state: d.state,
          agency: { id: d.agencyId, name: names.get(d.agencyId) ?? '' },
          typeKey: d.typeKey,
          typeName: findDocumentType(d.typeKey)?.name ?? d.typeKey,
          number: d.number,
          symbol: d.symbol,
          summary: d.summary,
          issuerName: d.issuerName,
          signerName: d.signerName,
          issuedOn: d.issuedOn,
          receivedOn: entry?.receivedOn ?? null,
          urgency: d.urgency,
          incomingId: entry?.id ?? null,
          snippet: snippetOf(d.text, words),
          rank: r.rank,
        },
      ];
    });
    return { items, total: page.total, isTotalCapped: page.isTotalCapped };
  };
}
export type SearchUseCase = ReturnType<typeof createSearchUseCase>;
