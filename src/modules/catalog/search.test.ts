import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Hit = { id: string; code: string; name: string; sectorName: string; levels: string[] };
const search = async (params: Record<string, string | number>) => {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await t.anonymous.get(`/api/catalog/procedures?${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Hit[]; total: number; page: number; pageSize: number };
};

describe('GET /api/catalog/procedures (public search)', () => {
  it('finds "Đăng ký khai sinh" first with or without diacritics', async () => {
    for (const q of ['khai sinh', 'dang ky khai sinh', 'Đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH']) {
      const page = await search({ q });
      expect(page.items[0], q).toMatchObject({
        code: '1.001193',
        name: 'Thủ tục đăng ký khai sinh',
        sectorName: 'Hộ tịch',
        levels: ['commune'],
      });
      expect(page.total).toBeGreaterThan(5);
    }
  });

  it('falls back to close words when a word is misspelt', async () => {
    for (const q of ['dang ki khai sinh', 'khai sinhh']) {
      expect((await search({ q })).items[0]?.code, q).toBe('1.001193');
    }
    expect(await search({ q: 'zzzz qqqq' })).toMatchObject({ items: [], total: 0 });
  });

  it('matches the last word as a prefix, and codes by their start', async () => {
    expect((await search({ q: 'chung thuc ban sa' })).items[0]?.code).toBe('2.000815');
    const byCode = await search({ q: '1.00119' });
    expect(byCode.items.map((i) => i.code)).toContain('1.001193');
    expect(byCode.items.every((i) => i.code.startsWith('1.00119'))).toBe(true);
  });

  it('filters by sector, level and online class, and pages with a total', async () => {
    const sectors = (await t.anonymous.get('/api/catalog/sectors')).json().items as {
      id: string;
      name: string;
      procedureCount: number;
    }[];
    const hoTich = sectors.find((s) => s.name === 'Hộ tịch')!;
    expect(hoTich.procedureCount).toBe(41);
    const first = await search({ sectorId: hoTich.id, pageSize: 20 });
    expect(first.total).toBe(41);
    expect(first.items).toHaveLength(20);
    expect(first.items.every((i) => i.sectorName === 'Hộ tịch')).toBe(true);
    const third = await search({ sectorId: hoTich.id, pageSize: 20, page: 3 });
    expect(third.items).toHaveLength(1);
    expect(third.total).toBe(41);
    const beyond = await search({ sectorId: hoTich.id, pageSize: 20, page: 9 });
    expect(beyond).toMatchObject({ items: [], total: 41 });
    const ids = new Set(
      [
        ...first.items,
        ...(await search({ sectorId: hoTich.id, pageSize: 20, page: 2 })).items,
        ...third.items,
      ].map((i) => i.id),
    );
    expect(ids.size).toBe(41);

    const full = await search({ onlineClass: 'full', level: 'commune' });
    expect(full.items.map((i) => i.code)).toEqual(expect.arrayContaining(['1.001193', '2.000815']));
    const province = await search({ q: 'khai sinh', level: 'province' });
    expect(province.items.every((i) => i.levels.includes('province'))).toBe(true);

    const communeSectors = (await t.anonymous.get('/api/catalog/sectors?level=commune')).json()
      .items;
    expect(communeSectors.find((s: { name: string }) => s.name === 'Hộ tịch').procedureCount).toBe(
      41,
    );
    expect(communeSectors.find((s: { name: string }) => s.name === 'Luật sư')).toBeUndefined();
  });

  it('filters by the agency that carries the procedures', async () => {
    const longDuc = await t.services.agencies.findByGsoCode(t.db, '29263');
    const tp = await t.services.agencies.findByGsoCode(t.db, '842');
    const stp = await t.services.agencies.findByAbbreviation(t.db, 'STP');
    const atCommune = await search({ agencyId: longDuc!.id, q: 'khai sinh', pageSize: 50 });
    expect(atCommune.items.map((i) => i.code)).toContain('1.001193');
    // Foreign-element civil status goes to the district in the 3-tier demo tree.
    expect(atCommune.items.map((i) => i.code)).not.toContain('2.000528');
    const atDistrict = await search({ agencyId: tp!.id, q: 'khai sinh', pageSize: 50 });
    expect(atDistrict.items.map((i) => i.code)).toContain('2.000528');
    expect(atDistrict.items.map((i) => i.code)).not.toContain('1.001193');
    const atDept = await search({ agencyId: stp!.id, pageSize: 100 });
    expect(atDept.total).toBeGreaterThan(50);
    expect(atDept.items.every((i) => i.levels.includes('province'))).toBe(true);
    expect(await search({ agencyId: crypto.randomUUID() })).toMatchObject({ items: [], total: 0 });
  });

  it('rejects bad query parameters', async () => {
    for (const qs of ['pageSize=1000', 'page=0', 'level=ministry', 'sectorId=x', 'onlineClass=4']) {
      const res = await t.anonymous.get(`/api/catalog/procedures?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().code).toBe('http.validation_failed');
    }
  });
});

describe('GET /api/catalog/procedures/:id (public detail)', () => {
  it('shows papers, time, fee, online class, texts and the agencies carrying it', async () => {
    const hit = (await search({ q: 'dang ky khai sinh' })).items[0]!;
    const res = await t.anonymous.get(`/api/catalog/procedures/${hit.id}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      id: hit.id,
      code: '1.001193',
      onlineClass: 'full',
      legacyLevel: 4,
      processingTime: 1,
      timeUnit: 'working_day',
      feeVnd: 0,
      sectorName: 'Hộ tịch',
      formFields: [{ key: 'request', label: 'Nội dung yêu cầu', type: 'textarea', required: true }],
      carriers: { external: false },
    });
    expect(p.papers.length).toBeGreaterThan(2);
    expect(p.papers.some((x: { name: string }) => x.name.startsWith('Giấy chứng sinh'))).toBe(true);
    expect(p.stepsText).toBeTruthy();
    expect(p.legalBasisText).toBeTruthy();
    expect(p.resultText).toBe('Giấy khai sinh');
    // Every commune committee of the demo tree (106), none of the districts.
    expect(p.carriers.agencies).toHaveLength(106);
    expect(p.carriers.agencies.map((a: { name: string }) => a.name)).toContain(
      'Ủy ban nhân dân xã Long Đức',
    );
    // The allow-list: no workflow, no audit fields.
    expect(p.workflow).toBeUndefined();
    expect(p.createdBy).toBeUndefined();

    const byCode = await t.anonymous.get('/api/catalog/procedures/by-code/1.001193');
    expect(byCode.json().versionId).toBe(p.versionId);
  });

  it('says when a central-government branch carries the procedure', async () => {
    const tax = (await search({ q: 'dang ky thue' })).items.find((i) => i.sectorName === 'Thuế')!;
    const p = (await t.anonymous.get(`/api/catalog/procedures/${tax.id}`)).json();
    expect(p.carriers).toEqual({ external: true, agencies: [] });
  });

  it('answers 404 catalog.not_found for an unknown procedure', async () => {
    for (const url of [
      `/api/catalog/procedures/${crypto.randomUUID()}`,
      '/api/catalog/procedures/by-code/9.999999',
    ]) {
      const res = await t.anonymous.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('catalog.not_found');
    }
  });
});
