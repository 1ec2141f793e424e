import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../../platform/http/access.js';
import { scopesOf } from '../../../platform/http/access.js';
import { pkiErrors as E } from '../errors.js';
import type { Breakdown, PkiCounts, StatsQuery } from '../schema.js';
import type { Ex, PkiDeps } from './deps.js';

type Cell = {
  holderKind: 'person' | 'agency';
  keyKind: 'usb_token' | 'sim_pki' | 'remote';
  n: number;
};

function breakdown(cells: Cell[]): Breakdown {
  const out: Breakdown = {
    total: 0,
    byKeyKind: { usb_token: 0, sim_pki: 0, remote: 0 },
    byHolderKind: { person: 0, agency: 0 },
  };
  for (const c of cells) {
    const n = Number(c.n);
    out.total += n;
    out.byKeyKind[c.keyKind] += n;
    out.byHolderKind[c.holderKind] += n;
  }
  return out;
}

/**
 * Figures for reports over local dates [from, to] (the configured time zone): certificates in
 * force at the end of the period (by their status history), issued and revoked in it.
 */
export function createCounts(deps: Pick<PkiDeps, 'db' | 'agencies' | 'config'>) {
  const { db, agencies, config } = deps;

  async function counts(
    ex: Ex,
    input: { from: string; to: string; agencyIds?: string[] | null },
  ): Promise<PkiCounts> {
    const tz = config.timeZone;
    const start = sql`((${input.from}::date)::timestamp AT TIME ZONE ${tz})`;
    const end = sql`((${input.to}::date + 1)::timestamp AT TIME ZONE ${tz})`;
    const ids = input.agencyIds ?? null;
    const scope =
      ids === null
        ? sql`TRUE`
        : ids.length === 0
          ? sql`FALSE`
          : sql`c.agency_id IN (${sql.join(ids)})`;
    const run = async (query: RawBuilder<Cell>) => (await query.execute(ex)).rows;
    const active = await run(sql<Cell>`
      SELECT c.holder_kind AS "holderKind", c.key_kind AS "keyKind", count(*)::int AS n
      FROM pki.certificates c
      JOIN LATERAL (
        SELECT h.status FROM pki.status_history h
        WHERE h.certificate_id = c.id AND h.at < ${end}
        ORDER BY h.at DESC, h.id DESC LIMIT 1
      ) last ON TRUE
      WHERE ${scope} AND c.issued_at < ${end} AND c.not_after > ${end} AND last.status = 'active'
      GROUP BY 1, 2`);
    const issued = await run(sql<Cell>`
      SELECT c.holder_kind AS "holderKind", c.key_kind AS "keyKind", count(*)::int AS n
      FROM pki.certificates c
      WHERE ${scope} AND c.issued_at >= ${start} AND c.issued_at < ${end}
      GROUP BY 1, 2`);
    const revoked = await run(sql<Cell>`
      SELECT c.holder_kind AS "holderKind", c.key_kind AS "keyKind", count(*)::int AS n
      FROM pki.certificates c
      WHERE ${scope} AND c.status = 'revoked' AND c.revoked_at >= ${start} AND c.revoked_at < ${end}
      GROUP BY 1, 2`);
    return {
      from: input.from,
      to: input.to,
      active: breakdown(active),
      issued: breakdown(issued),
      revoked: breakdown(revoked),
    };
  }

  return {
    /** For other modules' reports (agencyId: that agency's subtree; absent: the province). */
    async counts(ex: Ex, input: { from: string; to: string; agencyId?: string }) {
      const agencyIds = input.agencyId ? await agencies.subtreeIds(ex, [input.agencyId]) : null;
      return counts(ex, { from: input.from, to: input.to, agencyIds });
    },

    /** GET /api/pki/stats: narrowed to the reader's pki.stats subtrees. */
    async stats(actor: Actor, query: StatsQuery): Promise<PkiCounts> {
      const scopes = scopesOf(actor, 'pki.stats');
      let agencyIds: string[] | null;
      if (query.agencyId) {
        if (!(await agencies.isWithin(db, query.agencyId, scopes))) throw E.holderNotFound();
        agencyIds = await agencies.subtreeIds(db, [query.agencyId]);
      } else {
        agencyIds = (await agencies.coversWholeProvince(db, scopes))
          ? null
          : await agencies.subtreeIds(db, scopes);
      }
      return counts(db, { from: query.from, to: query.to, agencyIds });
    },
  };
}
