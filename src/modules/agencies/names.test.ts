import { describe, expect, it } from 'vitest';
import {
  committeeNames,
  communeTypeOf,
  compareAgencies,
  demoElectronicId,
  districtTypeOf,
} from './names.js';
import type { Agency } from './schema.js';

describe('committee names', () => {
  it('lowers the unit type inside the name, except for numbered wards', () => {
    expect(committeeNames('Xã Long Đức')).toEqual({
      name: 'Ủy ban nhân dân xã Long Đức',
      shortName: 'UBND xã Long Đức',
    });
    expect(committeeNames('Huyện Càng Long').shortName).toBe('UBND huyện Càng Long');
    expect(committeeNames('Thị trấn Càng Long').shortName).toBe('UBND thị trấn Càng Long');
    expect(committeeNames('Tỉnh Trà Vinh').name).toBe('Ủy ban nhân dân tỉnh Trà Vinh');
    expect(committeeNames('Thành phố Cần Thơ').shortName).toBe('UBND thành phố Cần Thơ');
    expect(committeeNames('Đặc khu Phú Quốc').shortName).toBe('UBND đặc khu Phú Quốc');
    expect(committeeNames('Phường 1').name).toBe('Ủy ban nhân dân Phường 1');
  });

  it('maps the GSO type labels', () => {
    expect(communeTypeOf('Thị trấn')).toBe('thi_tran');
    expect(communeTypeOf('Đặc khu')).toBe('dac_khu');
    expect(communeTypeOf('Ấp')).toBeUndefined();
    expect(districtTypeOf('Thị xã')).toBe('thi_xa');
    expect(districtTypeOf('Quận')).toBe('quan');
  });
});

describe('demo electronic ids (Decision 20/2020/QĐ-TTg pattern)', () => {
  it('numbers level-2 units in field 3 and their level-3 units in field 2', () => {
    expect(demoElectronicId('H59', 0)).toBe('000.00.00.H59');
    expect(demoElectronicId('H59', 11)).toBe('000.00.11.H59');
    expect(demoElectronicId('H59', 20, 10)).toBe('000.10.20.H59');
    expect(() => demoElectronicId('H59', 100)).toThrow(RangeError);
  });
});

describe('directory order', () => {
  const a = (name: string, sortOrder = 0) => ({ id: name, name, sortOrder }) as Agency;
  it('sorts by sort order, then Vietnamese alphabetical order with numbers as numbers', () => {
    const names = [
      a('Phường 10'),
      a('Phường 9'),
      a('Xã Đa Lộc'),
      a('Xã Đại An'),
      a('Xã Dân Thành'),
      a('Ủy ban', -1),
    ]
      .sort(compareAgencies)
      .map((x) => x.name);
    expect(names).toEqual([
      'Ủy ban',
      'Phường 9',
      'Phường 10',
      'Xã Dân Thành',
      'Xã Đa Lộc',
      'Xã Đại An',
    ]);
  });
});
