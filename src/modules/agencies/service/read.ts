import type { AnyDb } from '../../../platform/db/connect.js';
import { agencyErrors as E } from '../errors.js';
import { compareAgencies } from '../names.js';
import type {
  Agency,
  AgencyKind,
  AgencyDetail,
  AgencyPage,
  AgencySearchHit,
  ListAgenciesQuery,
  SearchAgenciesQuery,
} from '../schema.js';
import * as read from '../store-read.js';
import * as store from '../store.js';
import { type AgencyDeps, todayOf } from './deps.js';
import { treeIndex } from './tree-index.js';

/**
 * Reading the directory. The directory is a public fact inside the administration
 * (`agency.read` is province-wide), so reads are not narrowed to the reader's scope.
 */
export function createAgencyReads({ clock }: Pick<AgencyDeps, 'clock'>) {
  const today = () => todayOf(clock);

  async function getAgency(db: AnyDb, id: string): Promise<Agency> {
    const agency = await treeIndex.findById(db, id);
    if (!agency) throw E.notFound();
    return agency;
  }

  return {
    hasAny: (db: AnyDb): Promise<boolean> => store.hasAny(db),

    /** One agency, ended or not; `agency.not_found` when there is none. */
    getAgency,

    /** True when the agency is one of `rootIds` or lies under one of them. */
    isWithin: (db: AnyDb, agencyId: string, rootIds: string[]): Promise<boolean> =>
      treeIndex.isWithin(db, agencyId, rootIds),

    /** Every agency under any of `rootIds`, ended ones included, roots included. */
    subtreeIds: (db: AnyDb, rootIds: string[]): Promise<string[]> =>
      treeIndex.subtreeIds(db, rootIds),

    /** The agencies of these kinds under any of `rootIds` (e.g. the communes of a district). */
    subtreeIdsOfKinds: (db: AnyDb, rootIds: string[], kinds: AgencyKind[]): Promise<string[]> =>
      store.subtreeIdsOfKinds(db, rootIds, kinds),

    /** True when one of `rootIds` is a root: a grant there covers the whole province. */
    coversWholeProvince: (db: AnyDb, rootIds: string[]): Promise<boolean> =>
      treeIndex.anyIsRoot(db, rootIds),

    /** The agency in force today with this abbreviation; the shallowest when several share it. */
    findByAbbreviation: (db: AnyDb, abbreviation: string): Promise<Agency | undefined> =>
      store.findInForceBy(db, 'abbreviation', abbreviation, today()),

    /** The agency in force today with this GSO administrative-unit code. */
    findByGsoCode: (db: AnyDb, gsoCode: string): Promise<Agency | undefined> =>
      store.findInForceBy(db, 'gsoCode', gsoCode, today()),

    /** The province root in force today (after the 2025 merge: the new province). */
    async getRoot(db: AnyDb): Promise<Agency> {
      const root = await store.findRoot(db, today());
      if (!root) throw E.noRoot();
      return root;
    },

    /** An agency with its breadcrumb and the agencies it succeeded and that succeeded it. */
    async getAgencyDetail(db: AnyDb, id: string): Promise<AgencyDetail> {
      const agency = await getAgency(db, id);
      const ancestorIds = agency.ancestorIds.slice(0, -1);
      const refs = await store.refsByIds(db, ancestorIds);
      const links = await read.successionsOf(db, id);
      return { ...agency, ancestors: ancestorIds.flatMap((a) => refs.get(a) ?? []), ...links };
    },

    /** Children of `parentId` (the roots when absent) in directory order, with their child counts. */
    async listChildren(db: AnyDb, query: ListAgenciesQuery): Promise<AgencyPage> {
      const opts = { day: today(), includeEnded: query.includeEnded };
      if (query.parentId) await getAgency(db, query.parentId);
      const all = (await read.listChildren(db, query.parentId ?? null, opts)).sort(compareAgencies);
      let start = 0;
      if (query.cursor) {
        const at = all.findIndex((a) => a.id === query.cursor);
        if (at < 0) throw E.invalidCursor();
        start = at + 1;
      }
      const page = all.slice(start, start + query.limit);
      const counts = await read.countChildren(
        db,
        page.map((a) => a.id),
        opts,
      );
      const more = start + page.length < all.length;
      return {
        items: page.map((a) => ({ ...a, childCount: counts.get(a.id) ?? 0 })),
        nextCursor: more && page.length > 0 ? page[page.length - 1]!.id : null,
      };
    },

    /** Diacritics-insensitive search; each hit carries its path of ancestor short names. */
    async search(db: AnyDb, query: SearchAgenciesQuery): Promise<{ items: AgencySearchHit[] }> {
      const hits = await read.searchAgencies(db, query.q, {
        day: today(),
        includeEnded: query.includeEnded,
        limit: query.limit,
      });
      const refs = await store.refsByIds(
        db,
        hits.flatMap((h) => h.ancestorIds.slice(0, -1)),
      );
      return {
        items: hits.map((h) => ({
          ...h,
          path: h.ancestorIds.slice(0, -1).flatMap((a) => refs.get(a) ?? []),
        })),
      };
    },
  };
}
