import type { Implementers, Level } from './schema.js';
import type { DistrictMode } from './schema-settings.js';

/** The settings that decide who carries a procedure of a sector. */
export type CarrierSettings = {
  /** The department carrying the sector's province-level procedures. */
  departmentAgencyId: string | null;
  /** District committees carry the sector's commune-level procedures (3-tier trees). */
  carriedByDistricts: boolean;
  /** Per-procedure exception to the sector's district rule. */
  override: DistrictMode | null;
};

/**
 * Who carries a version, independent of any tree:
 * - `communes`: every commune committee (`always`), or only those not under a district
 *   committee (`unless_under_district`: in a 3-tier tree the district carries it), or none;
 * - `districts`: every district committee;
 * - `agencyIds`: these agencies (a department, or agencies named by staff).
 */
export type CarrierRule = {
  external: boolean;
  communes: 'always' | 'unless_under_district' | 'never';
  districts: boolean;
  agencyIds: string[];
};

const nobody: CarrierRule = { external: true, communes: 'never', districts: false, agencyIds: [] };

/**
 * The rule (docs/CATALOG.md):
 * - `external`: nobody in the province;
 * - `custom`: exactly the targets staff chose;
 * - `auto`: commune level → the communes, or — when the sector is carried by districts or the
 *   procedure's override says so — the district committees instead (`district`) or as well
 *   (`both`); the two-tier tree has no district, so there the communes always carry it;
 *   district level → the district committees; province level → the sector's department.
 */
export function carrierRule(
  version: { levels: readonly Level[]; implementers: Implementers },
  s: CarrierSettings,
): CarrierRule {
  const impl = version.implementers;
  if (impl.mode === 'external') return nobody;
  if (impl.mode === 'custom') {
    const kinds = new Set(impl.targets.map((t) => t.kind));
    return {
      external: false,
      communes: kinds.has('commune_peoples_committee') ? 'always' : 'never',
      districts: kinds.has('district_peoples_committee'),
      agencyIds: impl.targets.flatMap((t) => (t.kind === 'agency' ? [t.agencyId] : [])),
    };
  }
  let communes: CarrierRule['communes'] = 'never';
  let districts = version.levels.includes('district');
  if (version.levels.includes('commune')) {
    const mode = s.override ?? (s.carriedByDistricts ? 'district' : 'commune');
    communes = mode === 'district' ? 'unless_under_district' : 'always';
    if (mode !== 'commune') districts = true;
  }
  const agencyIds =
    version.levels.includes('province') && s.departmentAgencyId ? [s.departmentAgencyId] : [];
  return { external: false, communes, districts, agencyIds };
}

/** Whether an agency (of a kind, under a parent of a kind) carries by this rule. */
export function ruleCovers(
  rule: CarrierRule,
  agency: { id: string; kind: string },
  parentKind: string | null,
): boolean {
  if (rule.external) return false;
  if (rule.agencyIds.includes(agency.id)) return true;
  if (agency.kind === 'district_peoples_committee') return rule.districts;
  if (agency.kind === 'commune_peoples_committee') {
    if (rule.communes === 'always') return true;
    return rule.communes === 'unless_under_district' && parentKind !== 'district_peoples_committee';
  }
  return false;
}
