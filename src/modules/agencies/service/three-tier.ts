import { agencyErrors as E } from '../errors.js';
import { committeeNames, communeTypeOf, districtTypeOf } from '../names.js';
import type { Agency } from '../schema.js';
import type { UnitTree } from '../seed-files.js';
import * as read from '../store-read.js';
import * as store from '../store.js';
import { type AgencyFields, newAgencyRow, placed } from './deps.js';

export type TierCounts = {
  province: number;
  provincialCommittee: number;
  districts: number;
  communes: number;
};
type Placed = Pick<Agency, 'id' | 'ancestorIds' | 'depth'>;

export type ThreeTierPlan = {
  root: Placed;
  committee: Placed;
  rows: store.NewAgencyRow[];
  created: TierCounts;
  skipped: TierCounts;
};

/** Demo electronic ids; real imports leave them empty for the province to fill in. */
export type ElectronicIds = {
  root: string;
  district: (index: number) => string;
  commune: (districtIndex: number, communeIndex: number) => string;
};

const zero = (): TierCounts => ({ province: 0, provincialCommittee: 0, districts: 0, communes: 0 });

/**
 * Plans the rows that make a province's 3-tier tree exist: root → UBND tỉnh → district
 * committees → commune committees. What already exists (an open agency with the unit's GSO
 * code inside the province's open root) is kept, so the same file imported twice adds nothing.
 */
export async function planThreeTier(
  exec: store.Exec,
  tree: UnitTree,
  opts: { validFrom: string; now: Date; electronicIds?: ElectronicIds },
): Promise<ThreeTierPlan> {
  const created = zero();
  const skipped = zero();
  const rows: store.NewAgencyRow[] = [];
  const add = (parent: Placed | null, f: Omit<AgencyFields, 'validFrom'>): Placed => {
    const row = newAgencyRow(parent, { ...f, validFrom: opts.validFrom }, opts.now);
    rows.push(row);
    return placed(row);
  };

  const existingRoot = (await read.findOpenRoots(exec, [tree.code]))[0];
  // A root started after the date of the file is another province that reuses the code
  // (Vĩnh Long 86 of 2025 after the Vĩnh Long 86 of 2021): units of the file cannot go under it.
  if (existingRoot && existingRoot.validFrom > opts.validFrom) {
    throw E.invalidImportOptions('asOf');
  }
  const open = existingRoot ? await read.findOpenInSubtree(exec, existingRoot.id) : [];
  const byCode = new Map(open.filter((a) => a.gsoCode).map((a) => [a.gsoCode!, a]));
  await assertCodesFree(exec, tree, existingRoot?.id);

  let root: Placed;
  if (existingRoot) {
    root = existingRoot;
    skipped.province++;
  } else {
    root = add(null, {
      kind: 'province',
      name: tree.name,
      shortName: tree.name,
      gsoCode: tree.code,
      electronicId: opts.electronicIds?.root ?? null,
      sortOrder: 1,
    });
    created.province++;
  }

  let committee: Placed | undefined = open.find(
    (a) => a.parentId === root.id && a.kind === 'provincial_peoples_committee',
  );
  if (committee) skipped.provincialCommittee++;
  else {
    committee = add(root, {
      kind: 'provincial_peoples_committee',
      ...committeeNames(tree.name),
      abbreviation: 'UBND',
      sortOrder: 1,
    });
    created.provincialCommittee++;
  }

  tree.districts.forEach((d, i) => {
    let district: Placed | undefined = byCode.get(d.code);
    if (district) skipped.districts++;
    else {
      const districtType = districtTypeOf(d.type);
      if (!districtType) throw E.badImportFile(`unknown district type "${d.type}" of ${d.code}`);
      district = add(committee, {
        kind: 'district_peoples_committee',
        ...committeeNames(d.name),
        districtType,
        abbreviation: 'UBND',
        gsoCode: d.code,
        electronicId: opts.electronicIds?.district(i) ?? null,
        // After the departments, which the demo numbers from 1.
        sortOrder: 100 + i,
      });
      created.districts++;
    }
    d.wards.forEach((w, j) => {
      if (byCode.has(w.code)) {
        skipped.communes++;
        return;
      }
      const communeType = communeTypeOf(w.type);
      if (!communeType) throw E.badImportFile(`unknown commune type "${w.type}" of ${w.code}`);
      add(district, {
        kind: 'commune_peoples_committee',
        ...committeeNames(w.name),
        communeType,
        abbreviation: 'UBND',
        gsoCode: w.code,
        electronicId: opts.electronicIds?.commune(i, j) ?? null,
        sortOrder: j + 1,
      });
      created.communes++;
    });
  });
  return { root, committee, rows, created, skipped };
}

/** A unit code already used by an open agency of another tree would collide on the unique index. */
async function assertCodesFree(
  exec: store.Exec,
  tree: UnitTree,
  rootId: string | undefined,
): Promise<void> {
  const codes = [
    tree.code,
    ...tree.districts.flatMap((d) => [d.code, ...d.wards.map((w) => w.code)]),
  ];
  const clashes = (await read.findOpenByGsoCodes(exec, codes)).filter(
    (a) => !rootId || !a.ancestorIds.includes(rootId),
  );
  if (clashes.length > 0) throw E.duplicateGsoCode(clashes.map((a) => a.gsoCode!).sort());
}
