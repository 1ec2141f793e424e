import { DomainError } from '../../../platform/errors.js';
import type { Agency } from '../../agencies/index.js';
import { type CarrierRule, carrierRule, ruleCovers } from '../carriers.js';
import type { AgencyName, Carriers, ProcedureVersion } from '../schema.js';
import { carrierSettingsOf } from '../store/sectors.js';
import { catalogCache } from './cache.js';
import { type CatalogDeps, dayFormatter, type Exec } from './deps.js';

type VersionLike = Pick<ProcedureVersion, 'procedureId' | 'sectorId' | 'levels' | 'implementers'>;

const inForceOn = (a: Pick<Agency, 'validFrom' | 'validTo'>, day: string) =>
  a.validFrom <= day && (a.validTo === null || a.validTo > day);

const COMMUNE = 'commune_peoples_committee';
const DISTRICT = 'district_peoples_committee';
const PROVINCIAL = 'provincial_peoples_committee';

/** Which agencies of the province carry a procedure: the rule of carriers.ts on the real tree. */
export function createCarriers({ agencies, config }: Pick<CatalogDeps, 'agencies' | 'config'>) {
  const localDay = dayFormatter(config.timeZone);

  async function ruleOf(exec: Exec, version: VersionLike): Promise<CarrierRule> {
    if (version.implementers.mode === 'external')
      return carrierRule(version, {
        departmentAgencyId: null,
        carriedByDistricts: false,
        override: null,
      });
    const settings = await catalogCache.carriers.get(
      exec,
      `${version.sectorId}|${version.procedureId}`,
      () => carrierSettingsOf(exec, version.sectorId, version.procedureId),
    );
    return carrierRule(version, settings);
  }

  async function findAgency(exec: Exec, id: string): Promise<Agency | undefined> {
    try {
      return await agencies.getAgency(exec, id);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return undefined;
      throw err;
    }
  }

  /** Children of a parent (the roots when null), ended ones included, every page. */
  async function childrenOf(exec: Exec, parentId: string | null): Promise<Agency[]> {
    const out: Agency[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await agencies.listChildren(exec, {
        ...(parentId ? { parentId } : {}),
        includeEnded: true,
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      out.push(...page.items);
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
  }

  /** Whether `agency` carries the version on the local day of `at`. */
  async function isCarriedBy(
    exec: Exec,
    version: VersionLike,
    agency: string | { id: string },
    at: Date,
  ): Promise<boolean> {
    const rule = await ruleOf(exec, version);
    if (rule.external) return false;
    const found = await findAgency(exec, typeof agency === 'string' ? agency : agency.id);
    if (!found || !inForceOn(found, localDay(at))) return false;
    let parentKind: string | null = null;
    if (found.kind === COMMUNE && rule.communes === 'unless_under_district' && found.parentId) {
      parentKind = (await findAgency(exec, found.parentId))?.kind ?? null;
    }
    return ruleCovers(rule, found, parentKind);
  }

  /**
   * The agencies carrying the version on the local day of `at`: named agencies first (the
   * department), then district committees, then communes, each in directory order. Walks
   * root → provincial committee → districts → communes through the agency service.
   */
  async function agenciesCarrying(
    exec: Exec,
    version: VersionLike,
    at: Date,
  ): Promise<AgencyName[]> {
    const day = localDay(at);
    const rule = await ruleOf(exec, version);
    if (rule.external) return [];
    const named: Agency[] = [];
    for (const id of rule.agencyIds) {
      const a = await findAgency(exec, id);
      if (a && inForceOn(a, day)) named.push(a);
    }
    const districts: Agency[] = [];
    const communes: Agency[] = [];
    if (rule.districts || rule.communes !== 'never') {
      for (const root of (await childrenOf(exec, null)).filter((a) => inForceOn(a, day))) {
        const committees = (await childrenOf(exec, root.id)).filter(
          (a) => a.kind === PROVINCIAL && inForceOn(a, day),
        );
        for (const committee of committees) {
          const units = (await childrenOf(exec, committee.id)).filter((a) => inForceOn(a, day));
          const ds = units.filter((a) => a.kind === DISTRICT);
          if (rule.districts) districts.push(...ds);
          if (rule.communes !== 'never') communes.push(...units.filter((a) => a.kind === COMMUNE));
          if (rule.communes === 'always') {
            for (const d of ds) {
              communes.push(
                ...(await childrenOf(exec, d.id)).filter(
                  (a) => a.kind === COMMUNE && inForceOn(a, day),
                ),
              );
            }
          }
        }
      }
    }
    const seen = new Set<string>();
    return [...named, ...districts, ...communes].flatMap((a) => {
      if (seen.has(a.id)) return [];
      seen.add(a.id);
      return [{ id: a.id, name: a.name }];
    });
  }

  async function carriersOf(exec: Exec, version: VersionLike, at: Date): Promise<Carriers> {
    if (version.implementers.mode === 'external') return { external: true, agencies: [] };
    return { external: false, agencies: await agenciesCarrying(exec, version, at) };
  }

  return { ruleOf, findAgency, isCarriedBy, agenciesCarrying, carriersOf, localDay };
}
