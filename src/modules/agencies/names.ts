import type { Agency, CommuneType, DistrictType } from './schema.js';

// Pure naming rules shared by the demo seed and the importers.

const communeTypes: Readonly<Record<string, CommuneType>> = {
  Xã: 'xa',
  Phường: 'phuong',
  'Thị trấn': 'thi_tran',
  'Đặc khu': 'dac_khu',
};
const districtTypes: Readonly<Record<string, DistrictType>> = {
  Huyện: 'huyen',
  'Thành phố': 'thanh_pho',
  'Thị xã': 'thi_xa',
  Quận: 'quan',
};

/** The GSO type label ('Thị trấn') as our enum; undefined for a label we do not know. */
export const communeTypeOf = (label: string): CommuneType | undefined => communeTypes[label.trim()];
export const districtTypeOf = (label: string): DistrictType | undefined =>
  districtTypes[label.trim()];

/**
 * 'Xã Long Đức' → 'Ủy ban nhân dân xã Long Đức' / 'UBND xã Long Đức'. The unit type becomes
 * lower case inside the committee's name, except numbered wards ('Phường 1'), where the
 * number alone is no name and the type stays part of the proper noun.
 */
export function committeeNames(unitName: string): { name: string; shortName: string } {
  const unit = unitName.trim();
  const inner = /^(Phường|Xã|Thị trấn)\s+\d+$/.test(unit)
    ? unit
    : unit.charAt(0).toLocaleLowerCase('vi') + unit.slice(1);
  return { name: `Ủy ban nhân dân ${inner}`, shortName: `UBND ${inner}` };
}

const two = (n: number): string => {
  if (!Number.isInteger(n) || n < 0 || n > 99)
    throw new RangeError(`electronic id field out of range: ${n}`);
  return String(n).padStart(2, '0');
};

/**
 * A code in the Decision 20/2020/QĐ-TTg pattern `000.<level 3>.<level 2>.<province>`:
 * level-2 units (departments, district committees) are numbered in field 3, their level-3
 * units (communes, a department's centres) in field 2. Used for demo data only: the real
 * codes are issued by the province and corrected by an administrator.
 */
export const demoElectronicId = (province: string, level2: number, level3 = 0): string =>
  `000.${two(level3)}.${two(level2)}.${province}`;

const collator = new Intl.Collator('vi', { numeric: true });

/** Directory order: sort order first, then Vietnamese alphabetical order ('Phường 9' before 'Phường 10'). */
export function compareAgencies(a: Agency, b: Agency): number {
  return (
    a.sortOrder - b.sortOrder ||
    collator.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
