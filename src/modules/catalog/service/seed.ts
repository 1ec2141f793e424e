import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import {
  demoCreationOverrides,
  demoDistrictOverride,
  demoDistrictSectors,
  demoSectorDepartments,
} from '../demo-settings.js';
import { hasAnyProcedure, importState } from '../store/procedures.js';
import { allSectors, updateSectorSettings, upsertOverrides } from '../store/sectors.js';
import type { createCarriers } from './carry.js';
import { type CatalogDeps, inTransaction } from './deps.js';
import { type createImport, type ImportReport, prepareImport } from './import.js';

export function createSeed(
  { clock, audit, agencies }: Pick<CatalogDeps, 'clock' | 'audit' | 'agencies'>,
  carriers: ReturnType<typeof createCarriers>,
  importer: ReturnType<typeof createImport>,
) {
  return {
    /**
     * The demo catalogue: the bundled national files, in force from the demo tree's first day
     * (so that demo dossiers of any date since find a version), a few common commune
     * procedures full online, and the demo settings (sector → department of Trà Vinh 2021,
     * district rule). Does nothing when the catalogue has procedures. One transaction.
     */
    async seedDemoCatalog(db: AnyDb, ctx: RequestContext): Promise<ImportReport | null> {
      if (await hasAnyProcedure(db)) return null;
      const root = (await agencies.hasAny(db)) ? await agencies.getRoot(db) : null;
      const effectiveFrom = root?.validFrom ?? carriers.localDay(clock.now());
      const prepared = await prepareImport({});
      return inTransaction(db, async (trx) => {
        if (await hasAnyProcedure(trx)) return null;
        const report = await importer.runImport(trx, ctx, prepared, {
          effectiveFrom,
          creationOverrides: demoCreationOverrides,
        });
        const now = clock.now();
        const departments = new Map<string, string>();
        for (const abbreviation of new Set(Object.values(demoSectorDepartments))) {
          const agency = await agencies.findByAbbreviation(trx, abbreviation);
          if (agency) departments.set(abbreviation, agency.id);
        }
        const districtSectors = new Set(demoDistrictSectors);
        let mapped = 0;
        for (const sector of await allSectors(trx)) {
          const abbreviation = demoSectorDepartments[sector.name];
          const departmentAgencyId = abbreviation ? (departments.get(abbreviation) ?? null) : null;
          const carriedByDistricts = districtSectors.has(sector.name);
          if (!departmentAgencyId && !carriedByDistricts) continue;
          if (departmentAgencyId) mapped++;
          await updateSectorSettings(trx, sector.id, {
            departmentAgencyId,
            carriedByDistricts,
            updatedAt: now,
            updatedBy: null,
          });
        }
        const ids = await importState(trx);
        const overrides = prepared.items.flatMap((item) => {
          const mode = demoDistrictOverride({
            sectorName: item.sectorName,
            name: item.content.name,
          });
          const id = ids.get(item.code)?.id;
          return mode && id ? [{ procedureId: id, mode, updatedAt: now, updatedBy: null }] : [];
        });
        await upsertOverrides(trx, overrides);
        await audit.record(trx, ctx, {
          action: 'catalog.seed_settings',
          targetType: 'catalog.settings',
          targetId: 'demo',
          after: {
            sectorsMapped: mapped,
            districtSectors: demoDistrictSectors,
            districtOverrides: overrides.length,
            fullOnline: Object.keys(demoCreationOverrides),
          },
        });
        return report;
      });
    },
  };
}
