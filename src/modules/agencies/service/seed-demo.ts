import path from 'node:path';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import {
  demoDepartments,
  demoPartyBodies,
  demoPartyCommittee,
  demoProvince,
  demoServiceUnits,
} from '../demo-province.js';
import { agencyErrors as E } from '../errors.js';
import { demoElectronicId } from '../names.js';
import { IsoDate } from '../schema.js';
import { readProvinceFromCsv, readTreeJson, seedDir } from '../seed-files.js';
import * as read from '../store-read.js';
import * as write from '../store-write.js';
import { type AgencyDeps, inTransaction, newAgencyRow, placed } from './deps.js';
import { planThreeTier, type TierCounts } from './three-tier.js';

export type ImportResult = { rootId: string; created: TierCounts; skipped: TierCounts };

export function createSeedAndImport({ clock, audit }: AgencyDeps) {
  return {
    /**
     * The demo province: Trà Vinh as in 2021 (GSO tree of 01/11/2021, departments of 2021,
     * provincial party committee), valid from 2021-01-01, with generated demo electronic ids.
     * One transaction, one `agency.seed` audit event. Does nothing when Trà Vinh exists.
     */
    async seedDemoProvince(
      db: AnyDb,
      ctx: RequestContext,
    ): Promise<{ rootId: string; created: number }> {
      const tree = await readTreeJson();
      const code = demoProvince.electronicCode;
      return inTransaction(db, async (trx) => {
        const existing = (await read.findOpenRoots(trx, [tree.code]))[0];
        if (existing) return { rootId: existing.id, created: 0 };
        const now = clock.now();
        const validFrom = demoProvince.validFrom;
        const districtBase = demoDepartments.length + 1;
        const plan = await planThreeTier(trx, tree, {
          validFrom,
          now,
          electronicIds: {
            root: demoElectronicId(code, 0),
            district: (i) => demoElectronicId(code, districtBase + i),
            commune: (i, j) => demoElectronicId(code, districtBase + i, j + 1),
          },
        });
        const rows = [...plan.rows];
        const add = (
          parent: Parameters<typeof newAgencyRow>[0],
          f: Parameters<typeof newAgencyRow>[1],
        ) => {
          const row = newAgencyRow(parent, f, now);
          rows.push(row);
          return placed(row);
        };
        demoDepartments.forEach((d, k) => {
          const dept = add(plan.committee, {
            kind: 'department',
            ...d,
            validFrom,
            electronicId: demoElectronicId(code, k + 1),
            sortOrder: k + 1,
          });
          (demoServiceUnits[d.abbreviation] ?? []).forEach((u, j) =>
            add(dept, {
              kind: 'public_service_unit',
              ...u,
              validFrom,
              electronicId: demoElectronicId(code, k + 1, j + 1),
              sortOrder: j + 1,
            }),
          );
        });
        const party = add(plan.root, {
          kind: 'party_body',
          ...demoPartyCommittee,
          validFrom,
          sortOrder: 2,
        });
        demoPartyBodies.forEach((b, i) =>
          add(party, { kind: 'party_body', ...b, validFrom, sortOrder: i + 1 }),
        );

        await write.insertAgencies(trx, rows);
        await audit.record(trx, ctx, {
          action: 'agency.seed',
          targetType: 'agency',
          targetId: plan.root.id,
          agencyId: plan.root.id,
          after: {
            provinceName: tree.name,
            gsoCode: tree.code,
            validFrom,
            created: rows.length,
            ...plan.created,
          },
        });
        return { rootId: plan.root.id, created: rows.length };
      });
    },

    /**
     * A province's 3-tier tree (root, UBND tỉnh, district and commune committees) from the
     * national GSO list. Repeatable: units already present (by GSO code, among the open
     * agencies of that province) are skipped and counted.
     */
    async importProvince(
      db: AnyDb,
      ctx: RequestContext,
      opts: { csvPath: string; provinceCode: string; asOf: string },
    ): Promise<ImportResult> {
      const provinceCode = opts.provinceCode.padStart(2, '0');
      if (!/^\d{2}$/.test(provinceCode)) throw E.invalidImportOptions('provinceCode');
      if (!IsoDate.safeParse(opts.asOf).success) throw E.invalidImportOptions('asOf');
      const tree = await readProvinceFromCsv(opts.csvPath, provinceCode);
      return inTransaction(db, async (trx) => {
        const plan = await planThreeTier(trx, tree, { validFrom: opts.asOf, now: clock.now() });
        await write.insertAgencies(trx, plan.rows);
        if (plan.rows.length > 0) {
          await audit.record(trx, ctx, {
            action: 'agency.import',
            targetType: 'agency',
            targetId: plan.root.id,
            agencyId: plan.root.id,
            after: {
              source: path.basename(opts.csvPath),
              provinceCode,
              asOf: opts.asOf,
              created: plan.created,
              skipped: plan.skipped,
            },
          });
        }
        return { rootId: plan.root.id, created: plan.created, skipped: plan.skipped };
      });
    },
  };
}

/** The national 2021 list shipped in `seed/`, for callers that do not name a file. */
export const defaultAdminUnitsCsv = path.join(seedDir, 'vn_admin_units_2021-11-01.csv');
