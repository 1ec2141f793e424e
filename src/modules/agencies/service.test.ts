import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { systemContext } from '../../platform/context.js';

let t: TestApp;
const ctx = systemContext('test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const svc = () => t.services.agencies;

describe('demo province (Trà Vinh, 2021)', () => {
  it('has the 2021 tree: 9 district and 106 commune committees, the departments, the party bodies', async () => {
    const { rows } = await sql<{ kind: string; n: number }>`
      SELECT kind, count(*)::int AS n FROM agency.agencies GROUP BY kind`.execute(t.db);
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.n]))).toEqual({
      province: 1,
      provincial_peoples_committee: 1,
      department: 19,
      public_service_unit: 1,
      district_peoples_committee: 9,
      commune_peoples_committee: 106,
      party_body: 7,
    });
    const root = await svc().getRoot(t.db);
    expect(root).toMatchObject({
      name: 'Tỉnh Trà Vinh',
      gsoCode: '84',
      electronicId: '000.00.00.H59',
      validFrom: '2021-01-01',
    });
    const stttt = await svc().findByAbbreviation(t.db, 'STTTT');
    expect(stttt).toMatchObject({
      name: 'Sở Thông tin và Truyền thông',
      electronicId: '000.00.11.H59',
      kind: 'department',
    });
    const longDuc = await svc().findByGsoCode(t.db, '29263');
    expect(longDuc).toMatchObject({
      name: 'Ủy ban nhân dân xã Long Đức',
      shortName: 'UBND xã Long Đức',
      communeType: 'xa',
      electronicId: '000.10.20.H59',
    });
    expect(await svc().findByGsoCode(t.db, '29239')).toMatchObject({
      name: 'Ủy ban nhân dân Phường 1',
    });
    expect(await svc().findByAbbreviation(t.db, 'UBND')).toMatchObject({
      kind: 'provincial_peoples_committee',
    });
    expect(await svc().hasAny(t.db)).toBe(true);
  });

  it('seeding again adds nothing', async () => {
    const again = await svc().seedDemoProvince(t.db, ctx);
    expect(again.created).toBe(0);
    expect(again.rootId).toBe((await svc().getRoot(t.db)).id);
  });
});

describe('search', () => {
  it('ignores diacritics: "tra cu" finds Trà Cú, with the path of ancestors', async () => {
    const { items } = await svc().search(t.db, { q: 'tra cu', includeEnded: false, limit: 10 });
    expect(items[0]).toMatchObject({ name: 'Ủy ban nhân dân huyện Trà Cú' });
    expect(items[0]!.path.map((p) => p.shortName)).toEqual(['Tỉnh Trà Vinh', 'UBND tỉnh Trà Vinh']);
    expect(items.map((h) => h.name)).toContain('Ủy ban nhân dân thị trấn Trà Cú');
  });

  it('"cang long" finds Càng Long; đ folds to d; abbreviations match', async () => {
    const cl = await svc().search(t.db, { q: 'cang long', includeEnded: false, limit: 10 });
    expect(cl.items.map((h) => h.shortName)).toEqual([
      'UBND huyện Càng Long',
      'UBND thị trấn Càng Long',
    ]);
    const ld = await svc().search(t.db, { q: 'long duc', includeEnded: false, limit: 5 });
    expect(ld.items[0]).toMatchObject({ gsoCode: '29263' });
    const ab = await svc().search(t.db, { q: 'STTTT', includeEnded: false, limit: 5 });
    expect(ab.items[0]).toMatchObject({ abbreviation: 'STTTT' });
    const none = await svc().search(t.db, { q: '100%_', includeEnded: false, limit: 5 });
    expect(none.items).toEqual([]);
  });
});

describe('subtrees', () => {
  it('answers isWithin, subtreeIds and coversWholeProvince', async () => {
    const root = await svc().getRoot(t.db);
    const district = (await svc().findByGsoCode(t.db, '844'))!;
    const commune = (await svc().findByGsoCode(t.db, '29266'))!; // Thị trấn Càng Long
    const other = (await svc().findByGsoCode(t.db, '29263'))!;
    expect(await svc().isWithin(t.db, commune.id, [district.id])).toBe(true);
    expect(await svc().isWithin(t.db, district.id, [district.id])).toBe(true);
    expect(await svc().isWithin(t.db, other.id, [district.id])).toBe(false);
    expect(await svc().isWithin(t.db, 'not-a-uuid', [district.id])).toBe(false);
    expect(await svc().isWithin(t.db, commune.id, [])).toBe(false);
    const ids = await svc().subtreeIds(t.db, [district.id]);
    expect(ids).toHaveLength(15);
    expect(ids).toContain(district.id);
    expect(await svc().coversWholeProvince(t.db, [district.id, root.id])).toBe(true);
    expect(await svc().coversWholeProvince(t.db, [district.id])).toBe(false);
    expect(await svc().coversWholeProvince(t.db, [])).toBe(false);
  });

  it('getAgency throws agency.not_found for an unknown or malformed id', async () => {
    await expect(svc().getAgency(t.db, crypto.randomUUID())).rejects.toMatchObject({
      code: 'agency.not_found',
    });
    await expect(svc().getAgency(t.db, 'x')).rejects.toMatchObject({ code: 'agency.not_found' });
  });
});

describe('children', () => {
  it('lists in Vietnamese order with child counts, by pages', async () => {
    const phuong = (await svc().findByGsoCode(t.db, '842'))!; // Thành phố Trà Vinh
    const all = await svc().listChildren(t.db, {
      parentId: phuong.id,
      includeEnded: false,
      limit: 100,
    });
    expect(all.items).toHaveLength(10);
    expect(all.nextCursor).toBeNull();
    const first = await svc().listChildren(t.db, {
      parentId: phuong.id,
      includeEnded: false,
      limit: 4,
    });
    expect(first.items.map((a) => a.id)).toEqual(all.items.slice(0, 4).map((a) => a.id));
    const second = await svc().listChildren(t.db, {
      parentId: phuong.id,
      includeEnded: false,
      limit: 4,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((a) => a.id)).toEqual(all.items.slice(4, 8).map((a) => a.id));
    const roots = await svc().listChildren(t.db, { includeEnded: false, limit: 10 });
    expect(roots.items).toEqual([
      expect.objectContaining({ name: 'Tỉnh Trà Vinh', childCount: 2 }),
    ]);
    await expect(
      svc().listChildren(t.db, {
        parentId: phuong.id,
        includeEnded: false,
        limit: 4,
        cursor: crypto.randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'agency.invalid_cursor' });
  });
});
