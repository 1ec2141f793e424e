import type { Agency, SuccessionKind } from '../schema.js';
import type { MappingRow } from '../seed-files.js';
import type { NewSuccession } from '../store.js';

const COMMUNE_DECISION = 'Nghị quyết 1687/NQ-UBTVQH15';
const DISTRICT_DECISION = 'Luật Tổ chức chính quyền địa phương 2025 (72/2025/QH15)';
const DEFAULT_NOTE =
  'Kế thừa mặc định khi hợp nhất tỉnh; quản trị viên cập nhật đơn vị kế thừa thực tế. / ' +
  'Default successor of the province merger; an administrator records the actual one.';

/**
 * Pure: the succession links of the 2025 merger, for the open agencies of the old trees.
 * - old root → new root, old UBND tỉnh → new UBND tỉnh: merge, full;
 * - old commune → each new commune the mapping sends it to, share from the mapping;
 *   kind split (one old → several new), merge (several old → one new), rename or reorganise (1:1);
 * - old district committee → every new commune that received part of its territory:
 *   reorganise, partial (the district level was abolished);
 * - anything else (departments, party bodies, service units): reorganise, partial, to the new
 *   UBND tỉnh when it sat under the old one, else to the new root;
 * - a commune the mapping does not name: no link, reported for an admin.
 */
export function planSuccessions(input: {
  oldTrees: { root: Agency; open: Agency[] }[];
  mapping: MappingRow[];
  newRootId: string;
  newCommitteeId: string;
  newCommunes: ReadonlyMap<string, string>;
  effectiveDate: string;
  provinceDecision: string;
  now: Date;
}): { links: NewSuccession[]; unmapped: Agency[]; matchedOldCodes: Set<string> } {
  const { mapping, newCommunes } = input;
  const targetsOfOld = group(mapping, (r) => `${r.old_province_code}:${r.old_ward_code}`);
  const sourcesOfNew = group(mapping, (r) => r.new_commune_code);
  const links: NewSuccession[] = [];
  const unmapped: Agency[] = [];
  const matchedOldCodes = new Set<string>();
  const seen = new Set<string>();
  const link = (
    from: Agency,
    to: string,
    kind: SuccessionKind,
    share: 'full' | 'partial',
    decision: string,
    note: string | null = null,
  ) => {
    // One link per pair (the pair is unique in the table), whatever the mapping repeats.
    if (seen.has(`${from.id}>${to}`)) return;
    seen.add(`${from.id}>${to}`);
    links.push({
      predecessorId: from.id,
      successorId: to,
      effectiveDate: input.effectiveDate,
      kind,
      share,
      note,
      decision,
      createdAt: input.now,
    });
  };

  for (const { root, open } of input.oldTrees) {
    const province = root.gsoCode ?? '';
    const oldCommittee = open.find(
      (a) => a.parentId === root.id && a.kind === 'provincial_peoples_committee',
    );
    for (const a of open) {
      if (a.id === root.id) {
        link(a, input.newRootId, 'merge', 'full', input.provinceDecision);
      } else if (a.id === oldCommittee?.id) {
        link(a, input.newCommitteeId, 'merge', 'full', input.provinceDecision);
      } else if (a.kind === 'commune_peoples_committee') {
        const rows = targetsOfOld.get(`${province}:${a.gsoCode}`) ?? [];
        if (rows.length === 0) unmapped.push(a);
        else matchedOldCodes.add(a.gsoCode!);
        for (const r of rows) {
          const to = newCommunes.get(r.new_commune_code);
          if (!to) continue;
          const kind: SuccessionKind =
            rows.length > 1
              ? 'split'
              : (sourcesOfNew.get(r.new_commune_code)?.length ?? 0) > 1
                ? 'merge'
                : r.old_ward_name === r.new_commune_name
                  ? 'reorganise'
                  : 'rename';
          link(a, to, kind, r.merge_type, COMMUNE_DECISION);
        }
      } else if (a.kind === 'district_peoples_committee') {
        const targets = new Set(
          mapping
            .filter((r) => r.old_province_code === province && r.old_district_code === a.gsoCode)
            .map((r) => newCommunes.get(r.new_commune_code))
            .filter((id): id is string => id !== undefined),
        );
        for (const to of targets) link(a, to, 'reorganise', 'partial', DISTRICT_DECISION);
      } else {
        const under = oldCommittee && a.ancestorIds.includes(oldCommittee.id);
        link(
          a,
          under ? input.newCommitteeId : input.newRootId,
          'reorganise',
          'partial',
          input.provinceDecision,
          DEFAULT_NOTE,
        );
      }
    }
  }
  return { links, unmapped, matchedOldCodes };
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}
