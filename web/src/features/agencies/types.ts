/** Agency payloads as the server sends them (src/modules/agencies/schema.ts). */

export const agencyKinds = [
  'province',
  'provincial_peoples_committee',
  'department',
  'district_peoples_committee',
  'commune_peoples_committee',
  'party_body',
  'public_service_unit',
  'enterprise',
  'other',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export type AgencyRef = { id: string; shortName: string };

export type Agency = {
  id: string;
  parentId: string | null;
  kind: AgencyKind;
  communeType: string | null;
  districtType: string | null;
  name: string;
  shortName: string;
  abbreviation: string | null;
  gsoCode: string | null;
  electronicId: string | null;
  validFrom: string;
  validTo: string | null;
  ancestorIds: string[];
  depth: number;
};

export type AgencyListItem = Agency & { childCount: number };

export type SuccessionLink = {
  agency: AgencyRef & { name: string; validFrom: string; validTo: string | null };
  effectiveDate: string;
  kind: string;
  share: string;
  note: string | null;
  decision: string | null;
};

export type AgencyDetail = Agency & {
  ancestors: AgencyRef[];
  predecessors: SuccessionLink[];
  successors: SuccessionLink[];
};

export type AgencySearchHit = Agency & { path: AgencyRef[] };
