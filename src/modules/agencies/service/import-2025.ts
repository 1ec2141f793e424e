import path from 'node:path';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { agencyErrors as E } from '../errors.js';
import { committeeNames, communeTypeOf } from '../names.js';
import type { Agency } from '../schema.js';
import { type MappingRow, readMerge2025 } from '../seed-files.js';
import * as read from '../store-read.js';
import * as store from '../store.js';
import * as write from '../store-write.js';
import { type AgencyDeps, type AgencyFields, inTransaction, newAgencyRow, placed } from './deps.js';
import { planSuccessions } from './successions-2025.js';

/** Two-tier local government and the 34 provinces start on this day. */
export const MERGE_DATE = '2025-07-01';
const PROVINCE_DECISION = 'Nghị quyết 202/2025/QH15';

/**
 * The mapping starts from the units of 2025-03; the demo tree is of 2021. Between the two,
 * Resolution 1277/NQ-UBTVQH15 (in force 2025-01-01) merged Phường 2 and Phường 6 of
 * Thành phố Trà Vinh into Phường 3. Applied first, so those two end with their real successor.
 */
const interimMerges = [
  {
    provinceCode: '84',
    from: ['29245', '29251'],
    into: '29242',
    effectiveDate: '2025-01-01',
    decision: 'Nghị quyết 1277/NQ-UBTVQH15',
  },
];

type Placed = Pick<Agency, 'id' | 'ancestorIds' | 'depth'>;
export type Merge2025Result = {
  rootId: string;
  created: { province: number; provincialCommittee: number; communes: number };
  skipped: { province: number; provincialCommittee: number; communes: number };
  ended: number;
  successions: number;
  /** Old units of the mapping not found open in the database (not imported, or ended by an earlier run). */
  missingOldUnits: number;
  /** Old commune committees the mapping does not name: ended without successor, for an admin to link. */
  unmapped: { id: string; gsoCode: string | null; name: string }[];
};

export function createImport2025({ clock, audit }: AgencyDeps) {
  /**
   * The 2025 two-tier Vĩnh Long as a successor tree: new root (GSO 86), its UBND tỉnh and
   * 124 commune committees from 2025-07-01; the open agencies of the merged old provinces
   * present in the database end that day with succession links. Repeatable.
   */
  async function importVinhLong2025(
    db: AnyDb,
    ctx: RequestContext,
    opts: { mappingPath: string; communesPath?: string },
  ): Promise<Merge2025Result> {
    const communesPath =
      opts.communesPath ??
      path.join(path.dirname(opts.mappingPath), 'vinhlong_2025-07-01_communes.json');
    const { province, rows: mapping } = await readMerge2025(opts.mappingPath, communesPath);
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      const oldRoots = (
        await read.findOpenRoots(
          trx,
          province.merged_from.map((p) => p.old_id),
        )
      ).filter((r) => r.validFrom < MERGE_DATE);
      const oldTrees: { root: Agency; open: Agency[] }[] = [];
      for (const root of oldRoots) {
        oldTrees.push({ root, open: await read.findOpenInSubtree(trx, root.id) });
      }

      // 1. Changes before the merge, at their own dates.
      const interimEnded = new Set<string>();
      const links: store.NewSuccession[] = [];
      for (const { root, open } of oldTrees) {
        for (const m of interimMerges.filter((x) => x.provinceCode === root.gsoCode)) {
          const into = open.find((a) => a.gsoCode === m.into);
          const gone = open.filter(
            (a) => m.from.includes(a.gsoCode ?? '') && a.validFrom < m.effectiveDate,
          );
          if (!into || gone.length === 0) continue;
          await write.endAgencies(
            trx,
            gone.map((a) => a.id),
            m.effectiveDate,
            now,
          );
          for (const a of gone) {
            interimEnded.add(a.id);
            links.push({
              predecessorId: a.id,
              successorId: into.id,
              effectiveDate: m.effectiveDate,
              kind: 'merge',
              share: 'full',
              note: null,
              decision: m.decision,
              createdAt: now,
            });
          }
        }
      }

      // 2. End the old trees first: the new communes reuse old GSO codes, unique among open agencies.
      const toEnd = oldTrees.flatMap((t) => t.open).filter((a) => !interimEnded.has(a.id));
      const late = toEnd.find((a) => a.validFrom >= MERGE_DATE);
      if (late) throw E.startsAfterMerge(late.id);
      await write.endAgencies(
        trx,
        toEnd.map((a) => a.id),
        MERGE_DATE,
        now,
      );

      // 3. The new tree, keeping what a previous run made.
      const created = { province: 0, provincialCommittee: 0, communes: 0 };
      const skipped = { province: 0, provincialCommittee: 0, communes: 0 };
      const newRows: store.NewAgencyRow[] = [];
      const add = (parent: Placed | null, f: Omit<AgencyFields, 'validFrom'>): Placed => {
        const row = newAgencyRow(parent, { ...f, validFrom: MERGE_DATE }, now);
        newRows.push(row);
        return placed(row);
      };
      const existingRoot = (await read.findOpenRoots(trx, [province.province_code])).find(
        (r) => r.validFrom >= MERGE_DATE,
      );
      const existing = existingRoot ? await read.findOpenInSubtree(trx, existingRoot.id) : [];
      let newRoot: Placed;
      if (existingRoot) {
        newRoot = existingRoot;
        skipped.province++;
      } else {
        newRoot = add(null, {
          kind: 'province',
          name: province.province_name,
          shortName: province.province_name,
          gsoCode: province.province_code,
          sortOrder: 1,
        });
        created.province++;
      }
      let committee: Placed | undefined = existing.find(
        (a) => a.parentId === newRoot.id && a.kind === 'provincial_peoples_committee',
      );
      if (committee) skipped.provincialCommittee++;
      else {
        committee = add(newRoot, {
          kind: 'provincial_peoples_committee',
          ...committeeNames(province.province_name),
          abbreviation: 'UBND',
          sortOrder: 1,
        });
        created.provincialCommittee++;
      }
      const newCommunes = new Map<string, string>();
      for (const a of existing)
        if (a.kind === 'commune_peoples_committee' && a.gsoCode) newCommunes.set(a.gsoCode, a.id);
      province.communes.forEach((c, j) => {
        if (newCommunes.has(c.code)) {
          skipped.communes++;
          return;
        }
        const communeType = communeTypeOf(c.type);
        if (!communeType) throw E.badImportFile(`unknown commune type "${c.type}" of ${c.code}`);
        const row = add(committee, {
          kind: 'commune_peoples_committee',
          ...committeeNames(c.name),
          communeType,
          abbreviation: 'UBND',
          gsoCode: c.code,
          sortOrder: 100 + j,
        });
        newCommunes.set(c.code, row.id);
        created.communes++;
      });
      await write.insertAgencies(trx, newRows);

      // 4. Who took over from whom.
      const planned = planSuccessions({
        oldTrees: oldTrees.map((t) => ({
          ...t,
          open: t.open.filter((a) => !interimEnded.has(a.id)),
        })),
        mapping,
        newRootId: newRoot.id,
        newCommitteeId: committee.id,
        newCommunes,
        effectiveDate: MERGE_DATE,
        provinceDecision: PROVINCE_DECISION,
        now,
      });
      links.push(...planned.links);
      await write.insertSuccessions(trx, links);

      const result: Merge2025Result = {
        rootId: newRoot.id,
        created,
        skipped,
        ended: toEnd.length + interimEnded.size,
        successions: links.length,
        missingOldUnits: countMissing(mapping, planned.matchedOldCodes),
        unmapped: planned.unmapped.map((a) => ({ id: a.id, gsoCode: a.gsoCode, name: a.name })),
      };
      if (newRows.length > 0 || result.ended > 0) {
        await audit.record(trx, ctx, {
          action: 'agency.import',
          targetType: 'agency',
          targetId: newRoot.id,
          agencyId: newRoot.id,
          after: {
            source: path.basename(opts.mappingPath),
            effectiveDate: MERGE_DATE,
            ...result,
            unmapped: planned.unmapped.map((a) => a.gsoCode),
          },
        });
      }
      return result;
    });
  }
  return { importVinhLong2025 };
}

const countMissing = (mapping: MappingRow[], matched: ReadonlySet<string>): number =>
  new Set(mapping.map((r) => r.old_ward_code).filter((c) => !matched.has(c))).size;
