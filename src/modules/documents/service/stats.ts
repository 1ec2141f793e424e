import type { Actor } from '../../../platform/http/access.js';
import { scopesOf } from '../../../platform/http/access.js';
import type { DocumentStats, DocumentStatsQuery } from '../schema.js';
import * as statsStore from '../store/stats.js';
import type { Core } from './core.js';
import type { DocumentDeps, Ex } from './deps.js';
import { documentErrors as E } from './errors.js';

const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const sorted = <T extends { count: number }>(xs: T[]) => xs.sort((a, b) => b.count - a.count);

/**
 * Figures for reports: issued and signed documents by signer, agency and agency kind; the
 * communes that receive but never issue through the platform; incoming handled on time.
 */
export function createStats(deps: DocumentDeps, core: Core) {
  const { db, agencies, clock } = deps;

  /** `agencyId`: that subtree; absent: the whole province. Dates are local, inclusive. */
  async function counts(
    ex: Ex,
    query: { from: string; to: string; agencyId?: string | undefined },
  ): Promise<DocumentStats> {
    const roots = query.agencyId ? [query.agencyId] : [(await agencies.getRoot(ex)).id];
    const agencyIds = query.agencyId ? await agencies.subtreeIds(ex, roots) : null;
    const period = { from: query.from, to: query.to, agencyIds };
    const issued = await statsStore.issuedBy(ex, period);
    const bySigner = new Map<string, number>();
    const byAgency = new Map<string, number>();
    for (const r of issued) {
      bump(bySigner, r.signerName ?? '—', r.n);
      bump(byAgency, r.agencyId, r.n);
    }
    const byKind = new Map<string, number>();
    const agencyRows = [];
    for (const [agencyId, count] of byAgency) {
      const a = await agencies.getAgency(ex, agencyId);
      bump(byKind, a.kind, count);
      agencyRows.push({ agencyId, name: a.name, kind: a.kind, count });
    }
    const communes = await agencies.subtreeIdsOfKinds(ex, roots, ['commune_peoples_committee']);
    const receiving = new Set(await statsStore.receivingAgencies(ex, period));
    const receiveOnly = communes.filter((c) => receiving.has(c) && !byAgency.has(c));
    const handling = await statsStore.handling(ex, period, core.localDate(clock.now()));
    const received = [...handling.values()].reduce((a, b) => a + b, 0);
    return {
      from: query.from,
      to: query.to,
      issued: issued.reduce((a, r) => a + r.n, 0),
      digitallySigned: issued.reduce((a, r) => a + r.signed, 0),
      bySigner: sorted([...bySigner].map(([name, count]) => ({ name, count }))),
      byAgency: sorted(agencyRows),
      byAgencyKind: sorted([...byKind].map(([kind, count]) => ({ kind, count }))),
      communes: {
        total: communes.length,
        issuing: communes.filter((c) => byAgency.has(c)).length,
        receiveOnly: receiveOnly.length,
        receiveOnlyNames: await Promise.all(
          receiveOnly.slice(0, 200).map(async (c) => (await agencies.getAgency(ex, c)).name),
        ),
      },
      incoming: {
        received,
        onTime: handling.get('on_time') ?? 0,
        late: handling.get('late') ?? 0,
        inProgress: handling.get('in_progress') ?? 0,
        overdue: handling.get('overdue') ?? 0,
      },
    };
  }

  return {
    counts,

    /** The report for an actor: the asked agency in their `document.stats` scope, else theirs. */
    async report(actor: Actor, query: DocumentStatsQuery): Promise<DocumentStats> {
      if (query.from > query.to) throw E.invalidMetadata(['from', 'to']);
      const scopes = scopesOf(actor, 'document.stats');
      let agencyId = query.agencyId;
      if (agencyId) {
        if (!(await agencies.isWithin(db, agencyId, scopes))) throw E.notFound();
      } else if (!(await agencies.coversWholeProvince(db, scopes))) {
        if (scopes.length !== 1) throw E.invalidMetadata(['agencyId']);
        agencyId = scopes[0];
      }
      return counts(db, { from: query.from, to: query.to, agencyId });
    },
  };
}
