import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { systemContext } from '../../platform/context.js';
import { defaultAdminUnitsCsv, seedDir } from './index.js';

let t: TestApp;
const ctx = systemContext('test');
const mappingPath = path.join(seedDir, 'vinhlong_2025_commune_merge_mapping.csv');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const svc = () => t.services.agencies;
const openWithCodes = async (prefixes: string[]) => {
  const { rows } = await sql<{ n: number; codes: number }>`
    SELECT count(*)::int AS n, count(DISTINCT gso_code)::int AS codes FROM agency.agencies
    WHERE valid_to IS NULL AND left(gso_code, 3) = ANY(${prefixes})`.execute(t.db);
  return rows[0]!;
};

// In order: Bến Tre is imported first so the 2025 merge finds two old provinces.
describe('importProvince (3-tier, national GSO list)', () => {
  it('imports Bến Tre (83) once, and a second time adds nothing', async () => {
    const first = await svc().importProvince(t.db, ctx, {
      csvPath: defaultAdminUnitsCsv,
      provinceCode: '83',
      asOf: '2021-11-01',
    });
    expect(first.created).toEqual({
      province: 1,
      provincialCommittee: 1,
      districts: 9,
      communes: 157,
    });
    const again = await svc().importProvince(t.db, ctx, {
      csvPath: defaultAdminUnitsCsv,
      provinceCode: '83',
      asOf: '2021-11-01',
    });
    expect(again.rootId).toBe(first.rootId);
    expect(again.created).toEqual({
      province: 0,
      provincialCommittee: 0,
      districts: 0,
      communes: 0,
    });
    expect(again.skipped).toEqual(first.created);
    const root = await svc().getAgency(t.db, first.rootId);
    expect(root).toMatchObject({
      name: 'Tỉnh Bến Tre',
      gsoCode: '83',
      parentId: null,
      validFrom: '2021-11-01',
    });
    const { items } = await svc().search(t.db, { q: 'mo cay nam', includeEnded: false, limit: 3 });
    expect(items[0]).toMatchObject({ shortName: 'UBND huyện Mỏ Cày Nam', districtType: 'huyen' });
    expect(items[0]!.path[0]).toEqual({ id: first.rootId, shortName: 'Tỉnh Bến Tre' });
  });

  it('skips everything already seeded when the demo province itself is imported', async () => {
    const res = await svc().importProvince(t.db, ctx, {
      csvPath: defaultAdminUnitsCsv,
      provinceCode: '84',
      asOf: '2021-11-01',
    });
    expect(res.created).toEqual({ province: 0, provincialCommittee: 0, districts: 0, communes: 0 });
    expect(res.skipped).toEqual({
      province: 1,
      provincialCommittee: 1,
      districts: 9,
      communes: 106,
    });
  });

  it('reports a province missing from the file and an unreadable file', async () => {
    await expect(
      svc().importProvince(t.db, ctx, {
        csvPath: defaultAdminUnitsCsv,
        provinceCode: '99',
        asOf: '2021-11-01',
      }),
    ).rejects.toMatchObject({ code: 'agency.province_not_in_file' });
    await expect(
      svc().importProvince(t.db, ctx, {
        csvPath: '/nonexistent.csv',
        provinceCode: '83',
        asOf: '2021-11-01',
      }),
    ).rejects.toMatchObject({ code: 'agency.bad_import_file' });
    await expect(
      svc().importProvince(t.db, ctx, {
        csvPath: defaultAdminUnitsCsv,
        provinceCode: '83',
        asOf: '1/11/2021',
      }),
    ).rejects.toMatchObject({ code: 'agency.invalid_import_options' });
  });
});

describe('importVinhLong2025 (2-tier successor tree)', () => {
  it('starts Vĩnh Long on 2025-07-01 and ends the old provinces with succession links', async () => {
    const oldRoot = await svc().getRoot(t.db);
    const oldLongDuc = (await svc().findByGsoCode(t.db, '29263'))!;
    const oldStttt = (await svc().findByAbbreviation(t.db, 'STTTT'))!;
    const res = await svc().importVinhLong2025(t.db, ctx, { mappingPath });
    expect(res.created).toEqual({ province: 1, provincialCommittee: 1, communes: 124 });
    // Trà Vinh and Bến Tre, whole trees (Vĩnh Long of 2021 is not in this database).
    expect(res.ended).toBe(144 + 168);
    expect(
      res.unmapped.every(
        (u) =>
          u.gsoCode!.startsWith('28') ||
          u.gsoCode!.startsWith('290') ||
          u.gsoCode!.startsWith('291'),
      ),
    ).toBe(true);

    const root = await svc().getRoot(t.db);
    expect(root).toMatchObject({
      name: 'Tỉnh Vĩnh Long',
      gsoCode: '86',
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(await svc().getAgency(t.db, oldRoot.id)).toMatchObject({ validTo: '2025-07-01' });
    const rootDetail = await svc().getAgencyDetail(t.db, root.id);
    const merged = rootDetail.predecessors
      .filter((p) => p.kind === 'merge')
      .map((p) => p.agency.name);
    expect(merged.sort()).toEqual(['Tỉnh Bến Tre', 'Tỉnh Trà Vinh']);
    // Bodies with no mapped successor (the party committee's) fall back to the new root.
    expect(
      rootDetail.predecessors.filter((p) => p.kind === 'reorganise').map((p) => p.agency.name),
    ).toContain('Tỉnh ủy Trà Vinh');

    // Xã Long Đức and Phường 4 became Phường Long Đức, which reuses the old GSO code.
    const newLongDuc = (await svc().findByGsoCode(t.db, '29263'))!;
    expect(newLongDuc).toMatchObject({
      name: 'Ủy ban nhân dân phường Long Đức',
      communeType: 'phuong',
      validFrom: '2025-07-01',
    });
    const detail = await svc().getAgencyDetail(t.db, newLongDuc.id);
    expect(detail.ancestors.map((a) => a.shortName)).toEqual([
      'Tỉnh Vĩnh Long',
      'UBND tỉnh Vĩnh Long',
    ]);
    expect(detail.predecessors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agency: expect.objectContaining({ id: oldLongDuc.id }),
          kind: 'merge',
          share: 'full',
        }),
        expect.objectContaining({
          agency: expect.objectContaining({ name: 'Ủy ban nhân dân Phường 4' }),
        }),
        expect.objectContaining({
          agency: expect.objectContaining({ name: 'Ủy ban nhân dân thành phố Trà Vinh' }),
          kind: 'reorganise',
          share: 'partial',
        }),
      ]),
    );
    // Phường 2 and 6 merged into Phường 3 on 2025-01-01 (Resolution 1277/NQ-UBTVQH15).
    const p2 = await sql<{ validTo: string; successor: string }>`
      SELECT a.valid_to, s2.name AS successor FROM agency.agencies a
      JOIN agency.successions s ON s.predecessor_id = a.id JOIN agency.agencies s2 ON s2.id = s.successor_id
      WHERE a.gso_code = '29245'`.execute(t.db);
    expect(p2.rows).toEqual([{ validTo: '2025-01-01', successor: 'Ủy ban nhân dân Phường 3' }]);
    // A department has no mapped successor: the new UBND tỉnh takes over by default.
    const stttt = await svc().getAgencyDetail(t.db, oldStttt.id);
    expect(stttt.validTo).toBe('2025-07-01');
    expect(stttt.successors).toEqual([
      expect.objectContaining({ kind: 'reorganise', share: 'partial' }),
    ]);
    expect(stttt.successors[0]!.agency.shortName).toBe('UBND tỉnh Vĩnh Long');
    // Every Trà Vinh commune of 2025-03 has a successor.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM agency.agencies a WHERE a.ancestors && ${[oldRoot.id]}::uuid[]
      AND a.kind = 'commune_peoples_committee'
      AND NOT EXISTS (SELECT 1 FROM agency.successions s WHERE s.predecessor_id = a.id)`.execute(
      t.db,
    );
    expect(rows[0]!.n).toBe(0);
    expect((await t.services.audit.verify(t.db)).ok).toBe(true);
  });

  it('is repeatable: a second run changes nothing', async () => {
    const before = await openWithCodes(['292', '293', '294', '86']);
    const res = await svc().importVinhLong2025(t.db, ctx, { mappingPath });
    expect(res.created).toEqual({ province: 0, provincialCommittee: 0, communes: 0 });
    expect(res.skipped).toEqual({ province: 1, provincialCommittee: 1, communes: 124 });
    expect(res.ended).toBe(0);
    expect(res.successions).toBe(0);
    expect(await openWithCodes(['292', '293', '294', '86'])).toEqual(before);
    expect(before.n).toBe(before.codes);
  });

  it('refuses to put 2021 units of the old Vĩnh Long (86) under the new 2025 province', async () => {
    await expect(
      svc().importProvince(t.db, ctx, {
        csvPath: defaultAdminUnitsCsv,
        provinceCode: '86',
        asOf: '2021-11-01',
      }),
    ).rejects.toMatchObject({ code: 'agency.invalid_import_options' });
  });
});
