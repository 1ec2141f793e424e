import { z } from 'zod';

// Pure: the web app imports these. Dates of validity are 'YYYY-MM-DD' strings end to end.

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
export const AgencyKind = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const CommuneType = z.enum(['xa', 'phuong', 'thi_tran', 'dac_khu']);
export type CommuneType = z.infer<typeof CommuneType>;
export const DistrictType = z.enum(['huyen', 'thanh_pho', 'thi_xa', 'quan']);
export type DistrictType = z.infer<typeof DistrictType>;

export const SuccessionKind = z.enum(['merge', 'split', 'rename', 'transfer', 'reorganise']);
export type SuccessionKind = z.infer<typeof SuccessionKind>;
export const SuccessionShare = z.enum(['full', 'partial']);
export type SuccessionShare = z.infer<typeof SuccessionShare>;

/** Decision 20/2020/QĐ-TTg agency code, e.g. `000.00.12.H59`. */
export const ElectronicId = z.string().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/);
export const GsoCode = z.string().regex(/^\d{2,5}$/);
/** Goes into document symbols (`15/QĐ-STTTT`): no spaces, no slash. */
export const Abbreviation = z.string().regex(/^[^\s/]{1,20}$/);
export const IsoDate = z.iso.date();

export const Agency = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: AgencyKind,
  communeType: CommuneType.nullable(),
  districtType: DistrictType.nullable(),
  name: z.string(),
  shortName: z.string(),
  abbreviation: z.string().nullable(),
  gsoCode: z.string().nullable(),
  electronicId: z.string().nullable(),
  validFrom: IsoDate,
  /** Exclusive end; null while the agency exists. */
  validTo: IsoDate.nullable(),
  /** Root first, this agency last. */
  ancestorIds: z.array(z.uuid()),
  depth: z.number().int(),
  sortOrder: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyRef = z.object({ id: z.uuid(), shortName: z.string() });
export type AgencyRef = z.infer<typeof AgencyRef>;

export const SuccessionLink = z.object({
  agency: AgencyRef.extend({ name: z.string(), validFrom: IsoDate, validTo: IsoDate.nullable() }),
  effectiveDate: IsoDate,
  kind: SuccessionKind,
  share: SuccessionShare,
  note: z.string().nullable(),
  decision: z.string().nullable(),
});
export type SuccessionLink = z.infer<typeof SuccessionLink>;

export const AgencyDetail = Agency.extend({
  /** Breadcrumb, root first, without the agency itself. */
  ancestors: z.array(AgencyRef),
  predecessors: z.array(SuccessionLink),
  successors: z.array(SuccessionLink),
});
export type AgencyDetail = z.infer<typeof AgencyDetail>;

export const AgencyListItem = Agency.extend({
  /** Children counted under the same `includeEnded` filter as the list itself. */
  childCount: z.number().int(),
});
export type AgencyListItem = z.infer<typeof AgencyListItem>;

export const AgencyPage = z.object({
  items: z.array(AgencyListItem),
  nextCursor: z.uuid().nullable(),
});
export type AgencyPage = z.infer<typeof AgencyPage>;

export const AgencySearchHit = Agency.extend({ path: z.array(AgencyRef) });
export type AgencySearchHit = z.infer<typeof AgencySearchHit>;
export const AgencySearchResult = z.object({ items: z.array(AgencySearchHit) });

export const AgencyIdParams = z.object({ id: z.uuid() });

export const ListAgenciesQuery = z.object({
  /** Absent: the roots. */
  parentId: z.uuid().optional(),
  includeEnded: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The id of the last item of the previous page. */
  cursor: z.uuid().optional(),
});
export type ListAgenciesQuery = z.infer<typeof ListAgenciesQuery>;

export const SearchAgenciesQuery = z.object({
  q: z.string().trim().min(1).max(100),
  includeEnded: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchAgenciesQuery = z.infer<typeof SearchAgenciesQuery>;

const Name = z.string().trim().min(1).max(300);
const ShortName = z.string().trim().min(1).max(150);

export const CreateAgencyInput = z.strictObject({
  parentId: z.uuid(),
  kind: AgencyKind,
  name: Name,
  shortName: ShortName,
  abbreviation: Abbreviation.optional(),
  gsoCode: GsoCode.optional(),
  electronicId: ElectronicId.optional(),
  communeType: CommuneType.optional(),
  districtType: DistrictType.optional(),
  /** Defaults to today (Asia/Ho_Chi_Minh). */
  validFrom: IsoDate.optional(),
  /** Defaults to after the last sibling. */
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type CreateAgencyInput = z.infer<typeof CreateAgencyInput>;

/** Corrections in place. A formal rename is a new agency with a `rename` succession. */
export const UpdateAgencyInput = z.strictObject({
  name: Name.optional(),
  shortName: ShortName.optional(),
  abbreviation: Abbreviation.nullable().optional(),
  gsoCode: GsoCode.nullable().optional(),
  electronicId: ElectronicId.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyInput>;

export const EndAgencyInput = z.strictObject({
  /** Exclusive: the first day the agency no longer exists. */
  validTo: IsoDate,
  successorIds: z.array(z.uuid()).max(200).optional(),
  kind: SuccessionKind.optional(),
  /** Defaults to full for one successor, partial for several. */
  share: SuccessionShare.optional(),
  note: z.string().trim().max(2000).optional(),
  decision: z.string().trim().max(200).optional(),
});
export type EndAgencyInput = z.infer<typeof EndAgencyInput>;
