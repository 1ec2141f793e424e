import {
  type ExpressionBuilder,
  type GeneratedAlways,
  type Kysely,
  type Transaction,
  sql,
} from 'kysely';
import { type Executor, narrow } from '../../platform/db/executor.js';
import type {
  Agency,
  AgencyKind,
  AgencyRef,
  CommuneType,
  DistrictType,
  SuccessionKind,
  SuccessionShare,
} from './schema.js';

export type AgencyRow = {
  id: string;
  parentId: string | null;
  kind: AgencyKind;
  communeType: CommuneType | null;
  districtType: DistrictType | null;
  name: string;
  shortName: string;
  abbreviation: string | null;
  gsoCode: string | null;
  electronicId: string | null;
  validFrom: string;
  validTo: string | null;
  ancestors: string[];
  depth: number;
  sortOrder: number;
  nameFolded: GeneratedAlways<string>;
  createdAt: Date;
  updatedAt: Date;
};
export type NewAgencyRow = Omit<AgencyRow, 'nameFolded'>;

export type SuccessionRow = {
  id: GeneratedAlways<string>;
  predecessorId: string;
  successorId: string;
  effectiveDate: string;
  kind: SuccessionKind;
  share: SuccessionShare;
  note: string | null;
  decision: string | null;
  createdAt: Date;
};
export type NewSuccession = Omit<SuccessionRow, 'id'>;

export type AgencyTables = {
  'agency.agencies': AgencyRow;
  'agency.successions': SuccessionRow;
};

export type Exec = Kysely<unknown> | Transaction<unknown>;
export const q = (exec: Exec): Executor<AgencyTables> => narrow<AgencyTables>(exec);

type Eb = ExpressionBuilder<AgencyTables, 'agency.agencies'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Other modules pass ids from anywhere; a malformed one is simply "not there", not a 500. */
export const isUuid = (s: string): boolean => UUID.test(s);

/** Not ended on `day` (an agency that starts later still counts: it is announced). */
export const notEnded = (day: string) => (eb: Eb) =>
  eb.or([eb('validTo', 'is', null), eb('validTo', '>', day)]);

/** Existing on `day`: started and not ended. */
export const inForce = (day: string) => (eb: Eb) =>
  eb.and([eb('validFrom', '<=', day), notEnded(day)(eb)]);

export const columns = [
  'id',
  'parentId',
  'kind',
  'communeType',
  'districtType',
  'name',
  'shortName',
  'abbreviation',
  'gsoCode',
  'electronicId',
  'validFrom',
  'validTo',
  'ancestors',
  'depth',
  'sortOrder',
  'createdAt',
  'updatedAt',
] as const;

export function toAgency(row: Omit<AgencyRow, 'nameFolded'>): Agency {
  const { ancestors, ...rest } = row;
  return { ...rest, ancestorIds: ancestors };
}

export const selectAgencies = (exec: Exec) => q(exec).selectFrom('agency.agencies').select(columns);

export async function findById(exec: Exec, id: string): Promise<Agency | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectAgencies(exec).where('id', '=', id).executeTakeFirst();
  return row && toAgency(row);
}

/**
 * The agency, its row locked until the transaction ends: writers of one agency (and creators
 * of its children) queue here, so a check made on it still holds when the write lands.
 */
export async function lockById(exec: Exec, id: string): Promise<Agency | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectAgencies(exec).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toAgency(row);
}

export async function findByIds(exec: Exec, ids: readonly string[]): Promise<Agency[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await selectAgencies(exec).where('id', 'in', valid).execute();
  return rows.map(toAgency);
}

export async function refsByIds(
  exec: Exec,
  ids: readonly string[],
): Promise<Map<string, AgencyRef>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await q(exec)
    .selectFrom('agency.agencies')
    .select(['id', 'shortName'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function hasAny(exec: Exec): Promise<boolean> {
  const row = await q(exec).selectFrom('agency.agencies').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export const uuidArray = (ids: readonly string[]) => sql`${[...ids].filter(isUuid)}::uuid[]`;

export async function isWithin(
  exec: Exec,
  id: string,
  rootIds: readonly string[],
): Promise<boolean> {
  if (!isUuid(id) || rootIds.length === 0) return false;
  const row = await q(exec)
    .selectFrom('agency.agencies')
    .select('id')
    .where('id', '=', id)
    .where(sql<boolean>`ancestors && ${uuidArray(rootIds)}`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function subtreeIds(exec: Exec, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await q(exec)
    .selectFrom('agency.agencies')
    .select('id')
    .where(sql<boolean>`ancestors && ${uuidArray(rootIds)}`)
    .execute();
  return rows.map((r) => r.id);
}

/** Agencies of the given kinds under any of `rootIds` (roots included), ended ones too. */
export async function subtreeIdsOfKinds(
  exec: Exec,
  rootIds: readonly string[],
  kinds: readonly AgencyKind[],
): Promise<string[]> {
  if (rootIds.length === 0 || kinds.length === 0) return [];
  const rows = await q(exec)
    .selectFrom('agency.agencies')
    .select('id')
    .where(sql<boolean>`ancestors && ${uuidArray(rootIds)}`)
    .where('kind', 'in', kinds)
    .execute();
  return rows.map((r) => r.id);
}

/** id → ancestors (root first, self last) and end date of every agency, ended ones included. */
export async function allPaths(
  exec: Exec,
): Promise<Map<string, { path: readonly string[]; validTo: string | null }>> {
  const rows = await q(exec)
    .selectFrom('agency.agencies')
    .select(['id', 'ancestors', 'validTo'])
    .execute();
  return new Map(rows.map((r) => [r.id, { path: r.ancestors, validTo: r.validTo }]));
}

export async function anyIsRoot(exec: Exec, ids: readonly string[]): Promise<boolean> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return false;
  const row = await q(exec)
    .selectFrom('agency.agencies')
    .select('id')
    .where('id', 'in', valid)
    .where('parentId', 'is', null)
    // A grant on the root of a province that has ended (merged) covers only its old tree.
    .where('validTo', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** In force on `day`, shallowest first: `UBND` names the provincial committee before a commune's. */
export async function findInForceBy(
  exec: Exec,
  field: 'abbreviation' | 'gsoCode',
  value: string,
  day: string,
): Promise<Agency | undefined> {
  const row = await selectAgencies(exec)
    .where(field, '=', value)
    .where(inForce(day))
    .orderBy('depth')
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .executeTakeFirst();
  return row && toAgency(row);
}

/** Roots in force on `day` first, then any not-ended root; the installation's first one wins. */
export async function findRoot(exec: Exec, day: string): Promise<Agency | undefined> {
  const row = await selectAgencies(exec)
    .where('parentId', 'is', null)
    .where(notEnded(day))
    .orderBy(sql`valid_from <= ${day}`, 'desc')
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();
  return row && toAgency(row);
}

/** Another agency holding `value` in a period overlapping [from, to). */
export async function findOverlapping(
  exec: Exec,
  field: 'electronicId' | 'gsoCode',
  value: string,
  period: { from: string; to: string | null; excludeId?: string },
): Promise<string | undefined> {
  let query = q(exec)
    .selectFrom('agency.agencies')
    .select('id')
    .where(field, '=', value)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', period.from)]));
  if (period.to) query = query.where('validFrom', '<', period.to);
  if (period.excludeId) query = query.where('id', '<>', period.excludeId);
  const row = await query.executeTakeFirst();
  return row?.id;
}

/** Children still existing on `day` (the day their parent would end). */
export async function countChildrenNotEnded(
  exec: Exec,
  parentId: string,
  day: string,
): Promise<number> {
  const row = await q(exec)
    .selectFrom('agency.agencies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', parentId)
    .where(notEnded(day))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function nextSortOrder(exec: Exec, parentId: string): Promise<number> {
  const row = await q(exec)
    .selectFrom('agency.agencies')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('parentId', '=', parentId)
    .executeTakeFirst();
  return row?.max == null ? 1 : Number(row.max) + 1;
}
