import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import type { ProcedureVersion } from './schema.js';

let t: TestApp;
let admin: Session;
const ids: Record<string, string> = {};

const version = (code: string) => t.services.catalog.getProcedureByCode(t.db, code, t.clock.now());
const carries = (v: ProcedureVersion, who: string, at = t.clock.now()) =>
  t.services.catalog.isCarriedBy(t.db, v, ids[who]!, at);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const a = t.services.agencies;
  ids.longDuc = (await a.findByGsoCode(t.db, '29263'))!.id; // Xã Long Đức, TP Trà Vinh
  ids.tpTraVinh = (await a.findByGsoCode(t.db, '842'))!.id; // UBND Thành phố Trà Vinh
  ids.stp = (await a.findByAbbreviation(t.db, 'STP'))!.id;
  ids.stttt = (await a.findByAbbreviation(t.db, 'STTTT'))!.id;
  ids.sxd = (await a.findByAbbreviation(t.db, 'SXD'))!.id;
});
afterAll(() => t?.close());

/** A commune-level procedure of the construction sector (carried by districts in the demo). */
async function constructionAtCommune(): Promise<ProcedureVersion> {
  const sectors = (await t.anonymous.get('/api/catalog/sectors')).json().items;
  const sector = sectors.find((s: { name: string }) => s.name === 'Hoạt động xây dựng');
  const page = (
    await t.anonymous.get(`/api/catalog/procedures?sectorId=${sector.id}&level=commune&pageSize=50`)
  ).json();
  const hit = page.items.find((i: { levels: string[] }) => !i.levels.includes('province'));
  return t.services.catalog.getVersion(t.db, hit.versionId);
}

describe('isCarriedBy and agenciesCarrying', () => {
  it('a commune procedure is carried by Xã Long Đức, not by its district or a department', async () => {
    const birth = await version('1.001193');
    expect(await carries(birth, 'longDuc')).toBe(true);
    expect(
      await t.services.catalog.isCarriedBy(t.db, birth, { id: ids.longDuc! }, t.clock.now()),
    ).toBe(true);
    expect(await carries(birth, 'tpTraVinh')).toBe(false);
    expect(await carries(birth, 'stp')).toBe(false);
    // Before the demo tree existed, nobody carried anything.
    expect(await carries(birth, 'longDuc', new Date('2020-06-01T12:00:00+07:00'))).toBe(false);
    expect(
      await t.services.catalog.isCarriedBy(t.db, birth, crypto.randomUUID(), t.clock.now()),
    ).toBe(false);
  });

  it('the district rule: district committees carry the sectors listed, and the exceptions', async () => {
    const permit = await constructionAtCommune();
    expect(await carries(permit, 'tpTraVinh')).toBe(true);
    expect(await carries(permit, 'longDuc')).toBe(false);
    const carrying = await t.services.catalog.agenciesCarrying(t.db, permit, t.clock.now());
    expect(carrying).toHaveLength(9);
    expect(carrying.map((a) => a.id)).toContain(ids.tpTraVinh);

    // Per-procedure exception: foreign-element birth registration goes to the district.
    const foreign = await version('2.000528');
    expect(await carries(foreign, 'tpTraVinh')).toBe(true);
    expect(await carries(foreign, 'longDuc')).toBe(false);
    // Certification of copies is done by both.
    const copies = await version('2.000815');
    expect(await carries(copies, 'tpTraVinh')).toBe(true);
    expect(await carries(copies, 'longDuc')).toBe(true);
    expect(await t.services.catalog.agenciesCarrying(t.db, copies, t.clock.now())).toHaveLength(
      9 + 106,
    );
  });

  it('province-level procedures go to the sector department; central branches to nobody', async () => {
    const extract = await version('2.000635'); // province and commune level, Hộ tịch
    expect(await carries(extract, 'stp')).toBe(true);
    expect(await carries(extract, 'longDuc')).toBe(true);
    expect(await carries(extract, 'stttt')).toBe(false);
    const carrying = await t.services.catalog.agenciesCarrying(t.db, extract, t.clock.now());
    expect(carrying[0]).toEqual({ id: ids.stp, name: 'Sở Tư pháp' });
    expect(carrying).toHaveLength(1 + 106);

    const tax = (await t.anonymous.get('/api/catalog/procedures?q=thue&pageSize=100')).json().items;
    const taxHit = tax.find(
      (i: { sectorName: string; levels: string[] }) => i.sectorName === 'Thuế',
    );
    expect(taxHit.external).toBe(true);
    const taxVersion = await t.services.catalog.getVersion(t.db, taxHit.versionId);
    expect(taxVersion.implementers).toEqual({ mode: 'external' });
    expect(await t.services.catalog.agenciesCarrying(t.db, taxVersion, t.clock.now())).toEqual([]);
    expect(await carries(taxVersion, 'longDuc')).toBe(false);
  });
});

describe('settings (department admin)', () => {
  it('lists sectors with their department and district rule, and the exceptions', async () => {
    const res = await admin.get('/api/catalog/settings');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.sectors.find((x: { name: string }) => x.name === 'Hộ tịch')).toMatchObject({
      departmentId: ids.stp,
      departmentName: 'Sở Tư pháp',
      carriedByDistricts: false,
      procedureCount: 41,
    });
    expect(s.sectors.find((x: { name: string }) => x.name === 'Hoạt động xây dựng')).toMatchObject({
      departmentId: ids.sxd,
      carriedByDistricts: true,
    });
    expect(s.districtOverrides).toContainEqual(
      expect.objectContaining({ code: '2.000528', mode: 'district' }),
    );
  });

  it('moves a sector to another department and back its district rule, audited', async () => {
    const settings = (await admin.get('/api/catalog/settings')).json();
    const construction = settings.sectors.find(
      (x: { name: string }) => x.name === 'Hoạt động xây dựng',
    );
    const res = await admin.put(`/api/catalog/settings/sectors/${construction.id}`, {
      departmentId: ids.stttt,
      carriedByDistricts: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      departmentName: 'Sở Thông tin và Truyền thông',
      carriedByDistricts: false,
    });
    const permit = await constructionAtCommune();
    expect(await carries(permit, 'longDuc')).toBe(true);
    expect(await carries(permit, 'tpTraVinh')).toBe(false);
    const events = await t.db
      .selectFrom('audit.events')
      .select('action')
      .where('targetId', '=', construction.id)
      .execute();
    expect(events.map((e) => e.action)).toContain('catalog.sector_settings_update');

    // A per-procedure exception wins over the sector's rule, and can be removed.
    const set = await admin.put(`/api/catalog/settings/district-overrides/${permit.procedureId}`, {
      mode: 'district',
    });
    expect(set.json()).toEqual({ procedureId: permit.procedureId, mode: 'district' });
    expect(await carries(permit, 'longDuc')).toBe(false);
    expect(await carries(permit, 'tpTraVinh')).toBe(true);
    const history = (
      await admin.get(`/api/catalog/procedures/${permit.procedureId}/versions`)
    ).json();
    expect(history.districtOverride).toBe('district');
    const del = await admin.delete(
      `/api/catalog/settings/district-overrides/${permit.procedureId}`,
    );
    expect(del.statusCode).toBe(204);
    expect(await carries(permit, 'longDuc')).toBe(true);
    const again = await admin.delete(
      `/api/catalog/settings/district-overrides/${permit.procedureId}`,
    );
    expect([again.statusCode, again.json().code]).toEqual([404, 'catalog.not_found']);
  });

  it('refuses unknown sectors, agencies and modes', async () => {
    const settings = (await admin.get('/api/catalog/settings')).json();
    const sectorId = settings.sectors[0].id;
    const bad = async (method: 'PUT', url: string, body: unknown) => {
      const res = await admin.request(method, url, body);
      return [res.statusCode, res.json().code];
    };
    expect(
      await bad('PUT', `/api/catalog/settings/sectors/${crypto.randomUUID()}`, {
        departmentId: null,
        carriedByDistricts: true,
      }),
    ).toEqual([404, 'catalog.sector_not_found']);
    expect(
      await bad('PUT', `/api/catalog/settings/sectors/${sectorId}`, {
        departmentId: crypto.randomUUID(),
        carriedByDistricts: true,
      }),
    ).toEqual([400, 'catalog.unknown_agency']);
    expect(
      await bad('PUT', `/api/catalog/settings/district-overrides/${crypto.randomUUID()}`, {
        mode: 'both',
      }),
    ).toEqual([404, 'catalog.not_found']);
    const birth = await version('1.001193');
    expect(
      await bad('PUT', `/api/catalog/settings/district-overrides/${birth.procedureId}`, {
        mode: 'county',
      }),
    ).toEqual([400, 'http.validation_failed']);
    expect((await admin.get('/api/catalog/settings')).json()).toEqual(settings);
  });
});
