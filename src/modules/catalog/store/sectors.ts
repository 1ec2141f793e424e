import { sql } from 'kysely';
import type { Level } from '../schema.js';
import type { DistrictMode } from '../schema-settings.js';
import { chunks, type Exec, q } from './tables.js';
import { isUuid } from './versions.js';

export type SectorRecord = {
  id: string;
  name: string;
  departmentAgencyId: string | null;
  carriedByDistricts: boolean;
};

const sectorColumns = ['id', 'name', 'departmentAgencyId', 'carriedByDistricts'] as const;

/** In force on `day`: started and not ended. */
const inForceSql = (day: string) =>
  sql<boolean>`v.valid_from <= ${day} AND (v.valid_to IS NULL OR v.valid_to > ${day})`;

export async function findSector(exec: Exec, id: string): Promise<SectorRecord | undefined> {
  if (!isUuid(id)) return undefined;
  return q(exec)
    .selectFrom('catalog.sectors')
    .select(sectorColumns)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSectorByName(
  exec: Exec,
  name: string,
): Promise<SectorRecord | undefined> {
  return q(exec)
    .selectFrom('catalog.sectors')
    .select(sectorColumns)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function sectorNamesByIds(
  exec: Exec,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (valid.length === 0) return new Map();
  const rows = await q(exec)
    .selectFrom('catalog.sectors')
    .select(['id', 'name'])
    .where('id', 'in', valid)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function allSectors(exec: Exec): Promise<SectorRecord[]> {
  return q(exec).selectFrom('catalog.sectors').select(sectorColumns).execute();
}

/** Creates the sectors not there yet; returns name → id of all of them. */
export async function ensureSectors(
  exec: Exec,
  names: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  for (const batch of chunks([...new Set(names)])) {
    await q(exec)
      .insertInto('catalog.sectors')
      .values(batch.map((name) => ({ name, createdAt: now, updatedAt: now, updatedBy: null })))
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const rows = await q(exec).selectFrom('catalog.sectors').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function insertSector(
  exec: Exec,
  row: { name: string; createdAt: Date; updatedBy: string | null },
): Promise<SectorRecord | undefined> {
  return q(exec)
    .insertInto('catalog.sectors')
    .values({ ...row, updatedAt: row.createdAt })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning(sectorColumns)
    .executeTakeFirst();
}

/** Sectors with the number of procedures in force on `day` (at a level when given). */
export async function sectorCounts(
  exec: Exec,
  day: string,
  level?: Level,
): Promise<(SectorRecord & { procedureCount: number })[]> {
  const rows = await q(exec)
    .selectFrom('catalog.sectors as s')
    .leftJoin('catalog.procedureVersions as v', (join) =>
      join
        .onRef('v.sectorId', '=', 's.id')
        .on(inForceSql(day))
        .on(level ? sql<boolean>`${level} = ANY(v.levels)` : sql<boolean>`true`),
    )
    .select([
      's.id',
      's.name',
      's.departmentAgencyId',
      's.carriedByDistricts',
      sql<number>`count(v.id)`.as('procedureCount'),
    ])
    .groupBy('s.id')
    .execute();
  return rows.map((r) => ({ ...r, procedureCount: Number(r.procedureCount) }));
}

export async function updateSectorSettings(
  exec: Exec,
  id: string,
  values: {
    departmentAgencyId: string | null;
    carriedByDistricts: boolean;
    updatedAt: Date;
    updatedBy: string | null;
  },
): Promise<void> {
  await q(exec).updateTable('catalog.sectors').set(values).where('id', '=', id).execute();
}

export async function findOverride(exec: Exec, procedureId: string): Promise<DistrictMode | null> {
  if (!isUuid(procedureId)) return null;
  const row = await q(exec)
    .selectFrom('catalog.districtOverrides')
    .select('mode')
    .where('procedureId', '=', procedureId)
    .executeTakeFirst();
  return row?.mode ?? null;
}

export async function upsertOverrides(
  exec: Exec,
  rows: readonly {
    procedureId: string;
    mode: DistrictMode;
    updatedAt: Date;
    updatedBy: string | null;
  }[],
): Promise<void> {
  for (const batch of chunks(rows)) {
    await q(exec)
      .insertInto('catalog.districtOverrides')
      .values(batch)
      .onConflict((oc) =>
        oc.column('procedureId').doUpdateSet((eb) => ({
          mode: eb.ref('excluded.mode'),
          updatedAt: eb.ref('excluded.updatedAt'),
          updatedBy: eb.ref('excluded.updatedBy'),
        })),
      )
      .execute();
  }
}

export async function deleteOverride(exec: Exec, procedureId: string): Promise<boolean> {
  const r = await q(exec)
    .deleteFrom('catalog.districtOverrides')
    .where('procedureId', '=', procedureId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Every override with the procedure's code and the name of its latest version. */
export async function listOverrides(
  exec: Exec,
): Promise<{ procedureId: string; code: string; name: string; mode: DistrictMode }[]> {
  return q(exec)
    .selectFrom('catalog.districtOverrides as o')
    .innerJoin('catalog.procedures as p', 'p.id', 'o.procedureId')
    .innerJoin('catalog.procedureVersions as v', (join) =>
      join.onRef('v.procedureId', '=', 'o.procedureId').on('v.validTo', 'is', null),
    )
    .select(['o.procedureId', 'p.code', 'v.name', 'o.mode'])
    .orderBy('p.code')
    .execute();
}

/** The settings that decide who carries a version: its sector's, and the procedure's override. */
export async function carrierSettingsOf(
  exec: Exec,
  sectorId: string,
  procedureId: string,
): Promise<{
  departmentAgencyId: string | null;
  carriedByDistricts: boolean;
  override: DistrictMode | null;
}> {
  const sector = await findSector(exec, sectorId);
  return {
    departmentAgencyId: sector?.departmentAgencyId ?? null,
    carriedByDistricts: sector?.carriedByDistricts ?? false,
    override: await findOverride(exec, procedureId),
  };
}

/** The latest name of each procedure (for report rows): procedure id → name. */
export async function procedureNamesByIds(
  exec: Exec,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (valid.length === 0) return new Map();
  const rows = await q(exec)
    .selectFrom('catalog.procedureVersions')
    .select(['procedureId', 'name'])
    .distinctOn('procedureId')
    .where('procedureId', 'in', valid)
    .orderBy('procedureId')
    .orderBy('versionNo', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.procedureId, r.name]));
}
