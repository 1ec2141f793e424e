import { catalogErrors as E } from '../errors.js';
import { correctWords } from '../spelling.js';
import type { ProcedureHistory, ProcedureVersion, PublicProcedure } from '../schema.js';
import type {
  ListSectorsQuery,
  ProcedurePage,
  SearchProceduresQuery,
  SectorCount,
} from '../schema-search.js';
import { findProcedure, findProcedureByCode, hasAnyProcedure } from '../store/procedures.js';
import { type AgencyFilter, nameVocabulary, searchProcedures } from '../store/search.js';
import {
  findOverride,
  procedureNamesByIds,
  sectorCounts,
  sectorNamesByIds,
} from '../store/sectors.js';
import { findVersion, findVersionInForce, findVersionsOf } from '../store/versions.js';
import { catalogCache } from './cache.js';
import type { createCarriers } from './carry.js';
import type { CatalogDeps, Exec } from './deps.js';

/** Folded as `public.f_fold`: no diacritics, đ → d, lower case. */
export const fold = (s: string): string =>
  s.replace(/[đĐ]/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const collator = new Intl.Collator('vi');

/** The words of the names, for spelling correction (cached: see `catalogCache`). */
const vocabulary = (exec: Exec): Promise<Map<string, number>> =>
  catalogCache.vocabulary.get(exec, 'words', () => nameVocabulary(exec));
const CODE_LIKE = /^\d+(?:\.\d*)?$/;

export function createReads(
  { clock }: Pick<CatalogDeps, 'clock'>,
  carriers: ReturnType<typeof createCarriers>,
) {
  const { localDay } = carriers;
  const today = () => localDay(clock.now());

  async function getVersionInForce(
    exec: Exec,
    procedureId: string,
    at: Date,
  ): Promise<ProcedureVersion> {
    const day = localDay(at);
    const v = await catalogCache.versions.get(exec, `${procedureId}|${day}`, () =>
      findVersionInForce(exec, { procedureId }, day),
    );
    if (!v) throw E.notFound();
    return v;
  }

  async function publicView(exec: Exec, v: ProcedureVersion): Promise<PublicProcedure> {
    const procedure = await findProcedure(exec, v.procedureId);
    return {
      ...v,
      id: v.procedureId,
      versionId: v.id,
      sourceUrl: procedure?.sourceUrl ?? null,
      carriers: await carriers.carriersOf(exec, v, clock.now()),
    };
  }

  /** What an agency filter means for this agency: its kind and, for a commune, its parent's. */
  async function agencyFilterOf(exec: Exec, agencyId: string): Promise<AgencyFilter | null> {
    const agency = await carriers.findAgency(exec, agencyId);
    if (!agency) return null;
    if (agency.kind === 'district_peoples_committee') return { agencyId, as: 'district' };
    if (agency.kind === 'commune_peoples_committee') {
      const parent = agency.parentId ? await carriers.findAgency(exec, agency.parentId) : undefined;
      return {
        agencyId,
        as: parent?.kind === 'district_peoples_committee' ? 'commune_under_district' : 'commune',
      };
    }
    return { agencyId, as: 'other' };
  }

  return {
    /** The version in force on the local day of `at`; `catalog.not_found` when none. */
    getVersionInForce,

    /** One version by id, in force or not; `catalog.not_found` when none. */
    async getVersion(exec: Exec, versionId: string): Promise<ProcedureVersion> {
      const v = await findVersion(exec, versionId);
      if (!v) throw E.notFound();
      return v;
    },

    /** The version in force at `at` of the procedure with this code. */
    async getProcedureByCode(exec: Exec, code: string, at: Date): Promise<ProcedureVersion> {
      const v = await findVersionInForce(exec, { code }, localDay(at));
      if (!v) throw E.notFound();
      return v;
    },

    /** False on a new installation: the demo seed imports the bundled catalogue then. */
    hasProcedures: (exec: Exec): Promise<boolean> => hasAnyProcedure(exec),

    /** Public search over the versions in force today. */
    async search(exec: Exec, query: SearchProceduresQuery): Promise<ProcedurePage> {
      const text = query.q?.trim() ?? '';
      const codeLike = CODE_LIKE.test(text);
      const words = codeLike
        ? []
        : fold(text)
            .split(/[^a-z0-9]+/)
            .filter(Boolean)
            .slice(0, 12);
      let agency: AgencyFilter | undefined;
      if (query.agencyId) {
        const filter = await agencyFilterOf(exec, query.agencyId);
        if (!filter) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
        agency = filter;
      }
      const filter = {
        day: today(),
        words,
        ...(codeLike ? { codePrefix: text } : {}),
        ...(query.sectorId ? { sectorId: query.sectorId } : {}),
        ...(query.level ? { level: query.level } : {}),
        ...(query.onlineClass ? { onlineClass: query.onlineClass } : {}),
        ...(agency ? { agency } : {}),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      };
      let found = await searchProcedures(exec, filter);
      // Nothing with every word: correct the unknown ones ("khai sinhh", "dang ki") and retry.
      if (found.total === 0 && words.length > 0) {
        const corrected = correctWords(words, await vocabulary(exec));
        if (corrected) found = await searchProcedures(exec, { ...filter, words: corrected });
      }
      return { items: found.rows, total: found.total, page: query.page, pageSize: query.pageSize };
    },

    /** id → name of these sectors (unknown ids left out): for reports of other modules. */
    sectorNames: (exec: Exec, ids: readonly string[]): Promise<Map<string, string>> =>
      sectorNamesByIds(exec, ids),

    /** The latest name of each procedure: labels of report rows. */
    procedureNames: (exec: Exec, ids: readonly string[]): Promise<Map<string, string>> =>
      procedureNamesByIds(exec, ids),

    /** Sectors with the number of procedures in force today, in Vietnamese order; empty ones left out. */
    async listSectors(exec: Exec, query: ListSectorsQuery): Promise<{ items: SectorCount[] }> {
      const rows = await sectorCounts(exec, today(), query.level);
      return {
        items: rows
          .filter((r) => r.procedureCount > 0)
          .map(({ id, name, procedureCount }) => ({ id, name, procedureCount }))
          .sort((a, b) => collator.compare(a.name, b.name)),
      };
    },

    /** The public page of a procedure: the version in force today and who carries it. */
    async getPublicProcedure(exec: Exec, procedureId: string): Promise<PublicProcedure> {
      return publicView(exec, await getVersionInForce(exec, procedureId, clock.now()));
    },

    async getPublicProcedureByCode(exec: Exec, code: string): Promise<PublicProcedure> {
      const v = await findVersionInForce(exec, { code }, today());
      if (!v) throw E.notFound();
      return publicView(exec, v);
    },

    /** Staff: a procedure with every version, past, in force and planned. */
    async getHistory(exec: Exec, procedureId: string): Promise<ProcedureHistory> {
      const procedure = await findProcedure(exec, procedureId);
      if (!procedure) throw E.notFound();
      const versions = await findVersionsOf(exec, procedureId);
      const day = today();
      const inForce = versions.find(
        (v) => v.validFrom <= day && (v.validTo === null || v.validTo > day),
      );
      return {
        id: procedure.id,
        code: procedure.code,
        origin: procedure.origin,
        sourceUrl: procedure.sourceUrl,
        inForceVersionId: inForce?.id ?? null,
        districtOverride: await findOverride(exec, procedureId),
        versions,
      };
    },

    async findProcedureIdByCode(exec: Exec, code: string): Promise<string | undefined> {
      return (await findProcedureByCode(exec, code))?.id;
    },
  };
}
