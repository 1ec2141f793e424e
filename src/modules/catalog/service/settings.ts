import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { catalogErrors as E } from '../errors.js';
import type {
  CatalogSettings,
  DistrictMode,
  UpdateSectorSettingsInput,
} from '../schema-settings.js';
import { findProcedure } from '../store/procedures.js';
import {
  deleteOverride,
  findOverride,
  findSector,
  listOverrides,
  sectorCounts,
  updateSectorSettings,
  upsertOverrides,
} from '../store/sectors.js';
import type { createCarriers } from './carry.js';
import { assertCatalogAdmin, type CatalogDeps, type Exec, inTransaction } from './deps.js';

const collator = new Intl.Collator('vi');

/** The department admin's settings: sector → department, the district rule and its exceptions. */
export function createSettings(
  { clock, audit, agencies }: Pick<CatalogDeps, 'clock' | 'audit' | 'agencies'>,
  carriers: ReturnType<typeof createCarriers>,
) {
  return {
    async getSettings(exec: Exec): Promise<CatalogSettings> {
      const rows = await sectorCounts(exec, carriers.localDay(clock.now()));
      const names = new Map<string, string | null>();
      for (const id of new Set(rows.flatMap((r) => r.departmentAgencyId ?? []))) {
        names.set(id, (await carriers.findAgency(exec, id))?.name ?? null);
      }
      return {
        sectors: rows
          .map((r) => ({
            id: r.id,
            name: r.name,
            procedureCount: r.procedureCount,
            departmentId: r.departmentAgencyId,
            departmentName: r.departmentAgencyId ? (names.get(r.departmentAgencyId) ?? null) : null,
            carriedByDistricts: r.carriedByDistricts,
          }))
          .sort((a, b) => collator.compare(a.name, b.name)),
        districtOverrides: await listOverrides(exec),
      };
    },

    async updateSectorSettings(
      db: AnyDb,
      ctx: RequestContext,
      sectorId: string,
      input: UpdateSectorSettingsInput,
    ): Promise<CatalogSettings['sectors'][number]> {
      await assertCatalogAdmin(db, agencies, ctx);
      return inTransaction(db, async (trx) => {
        const before = await findSector(trx, sectorId);
        if (!before) throw E.sectorNotFound();
        const department = input.departmentId
          ? await carriers.findAgency(trx, input.departmentId)
          : undefined;
        if (input.departmentId && !department) throw E.unknownAgency(input.departmentId);
        await updateSectorSettings(trx, sectorId, {
          departmentAgencyId: input.departmentId,
          carriedByDistricts: input.carriedByDistricts,
          updatedAt: clock.now(),
          updatedBy: ctx.actor?.userId ?? null,
        });
        const after = {
          ...before,
          departmentAgencyId: input.departmentId,
          carriedByDistricts: input.carriedByDistricts,
        };
        await audit.record(trx, ctx, {
          action: 'catalog.sector_settings_update',
          targetType: 'catalog.sector',
          targetId: sectorId,
          before,
          after,
        });
        const count = (await sectorCounts(trx, carriers.localDay(clock.now()))).find(
          (r) => r.id === sectorId,
        );
        return {
          id: sectorId,
          name: before.name,
          procedureCount: count?.procedureCount ?? 0,
          departmentId: input.departmentId,
          departmentName: department?.name ?? null,
          carriedByDistricts: input.carriedByDistricts,
        };
      });
    },

    async setDistrictOverride(
      db: AnyDb,
      ctx: RequestContext,
      procedureId: string,
      mode: DistrictMode,
    ): Promise<{ procedureId: string; mode: DistrictMode }> {
      await assertCatalogAdmin(db, agencies, ctx);
      return inTransaction(db, async (trx) => {
        if (!(await findProcedure(trx, procedureId))) throw E.notFound();
        const before = await findOverride(trx, procedureId);
        await upsertOverrides(trx, [
          { procedureId, mode, updatedAt: clock.now(), updatedBy: ctx.actor?.userId ?? null },
        ]);
        await audit.record(trx, ctx, {
          action: 'catalog.district_override_set',
          targetType: 'catalog.procedure',
          targetId: procedureId,
          before: before ? { mode: before } : null,
          after: { mode },
        });
        return { procedureId, mode };
      });
    },

    async removeDistrictOverride(
      db: AnyDb,
      ctx: RequestContext,
      procedureId: string,
    ): Promise<void> {
      await assertCatalogAdmin(db, agencies, ctx);
      await inTransaction(db, async (trx) => {
        const before = await findOverride(trx, procedureId);
        if (!before || !(await deleteOverride(trx, procedureId))) throw E.notFound();
        await audit.record(trx, ctx, {
          action: 'catalog.district_override_remove',
          targetType: 'catalog.procedure',
          targetId: procedureId,
          before: { mode: before },
          after: null,
        });
      });
    },
  };
}
