import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import type { ProcedureContent, ProcedureVersion } from './schema.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let birthId: string;

/** The local day `n` days from the test clock, and noon of a local day as an instant. */
const dayIn = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(t.clock.now().getTime() + n * 86_400_000),
  );
const noon = (day: string) => new Date(`${day}T12:00:00+07:00`);

/** The editable fields of a version, as the API takes them back. */
function contentOf(v: ProcedureVersion): ProcedureContent {
  return {
    name: v.name,
    sectorId: v.sectorId,
    levels: v.levels,
    onlineClass: v.onlineClass,
    legacyLevel: v.legacyLevel,
    submissionModes: v.submissionModes,
    processingTime: v.processingTime,
    timeUnit: v.timeUnit,
    timeText: v.timeText,
    feeVnd: v.feeVnd,
    feeMaxVnd: v.feeMaxVnd,
    feeText: v.feeText,
    papers: v.papers,
    papersText: v.papersText,
    formFields: v.formFields,
    workflow: v.workflowConfigured ? v.workflow : null,
    implementers: v.implementers,
    stepsText: v.stepsText,
    conditionsText: v.conditionsText,
    resultText: v.resultText,
    legalBasisText: v.legalBasisText,
    agencyText: v.agencyText,
    subjectsText: v.subjectsText,
    decisionNo: v.decisionNo,
  };
}

const history = async (id: string) =>
  (await admin.get(`/api/catalog/procedures/${id}/versions`)).json();
const versionCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('catalog.procedureVersions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  officer = await t.loginAs('mc.longduc');
  birthId = (await t.services.catalog.getProcedureByCode(t.db, '1.001193', t.clock.now()))
    .procedureId;
});
afterAll(() => t?.close());

describe('versions by effective date', () => {
  it('a new version takes effect on its date; the one before stays in force until then', async () => {
    const before = (await history(birthId)).versions.at(-1) as ProcedureVersion;
    const from = dayIn(10);
    const res = await admin.post(`/api/catalog/procedures/${birthId}/versions`, {
      ...contentOf(before),
      feeVnd: 8000,
      feeMaxVnd: null,
      feeText: 'Lệ phí 8.000 đồng (Nghị quyết HĐND tỉnh)',
      papers: [
        {
          key: 'to_khai',
          name: 'Tờ khai đăng ký khai sinh',
          copies: '1 bản chính',
          mandatory: true,
          templateFile: 'to-khai-khai-sinh.docx',
        },
        {
          key: 'giay_chung_sinh',
          name: 'Giấy chứng sinh',
          copies: '1 bản chính',
          mandatory: true,
          templateFile: null,
        },
      ],
      formFields: [
        { key: 'child_name', label: 'Họ tên trẻ', type: 'text', required: true },
        { key: 'birth_date', label: 'Ngày sinh', type: 'date', required: true },
        {
          key: 'gender',
          label: 'Giới tính',
          type: 'select',
          required: true,
          options: ['Nam', 'Nữ'],
        },
      ],
      workflow: [
        {
          key: 'receive',
          name: { vi: 'Tiếp nhận', en: 'Receive' },
          role: 'one_stop_officer',
          agency: { kind: 'receiving' },
          sharePercent: 10,
        },
        {
          key: 'check',
          name: { vi: 'Kiểm tra', en: 'Check' },
          role: 'specialist',
          agency: { kind: 'receiving' },
          sharePercent: 50,
        },
        {
          key: 'sign',
          name: { vi: 'Ký', en: 'Sign' },
          role: 'leader',
          agency: { kind: 'receiving' },
          sharePercent: 30,
        },
        {
          key: 'return',
          name: { vi: 'Trả', en: 'Return' },
          role: 'one_stop_officer',
          agency: { kind: 'receiving' },
          sharePercent: 10,
        },
      ],
      validFrom: from,
      changeNote: 'Phí theo Nghị quyết HĐND tỉnh',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      procedureId: birthId,
      versionNo: before.versionNo + 1,
      validFrom: from,
      validTo: null,
      feeVnd: 8000,
      workflowConfigured: true,
      levelText: 'Cấp xã',
    });

    const catalog = t.services.catalog;
    expect((await catalog.getVersionInForce(t.db, birthId, noon(dayIn(9)))).id).toBe(before.id);
    expect((await catalog.getVersionInForce(t.db, birthId, noon(from))).id).toBe(created.id);
    expect((await catalog.getVersion(t.db, before.id)).validTo).toBe(from);
    expect((await catalog.getProcedureByCode(t.db, '1.001193', noon(dayIn(30)))).feeVnd).toBe(8000);
    // The public still sees today's version.
    expect((await t.anonymous.get(`/api/catalog/procedures/${birthId}`)).json().versionId).toBe(
      before.id,
    );

    const events = await t.db
      .selectFrom('audit.events')
      .select(['action', 'actorLabel'])
      .where('targetId', '=', birthId)
      .execute();
    expect(events).toContainEqual({ action: 'catalog.version_create', actorLabel: 'admin' });
  });

  it('replaces a planned version in place, never one in force', async () => {
    const h = await history(birthId);
    const planned = h.versions.at(-1) as ProcedureVersion;
    const res = await admin.post(`/api/catalog/procedures/${birthId}/versions`, {
      ...contentOf(planned),
      feeVnd: 10000,
      validFrom: planned.validFrom,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: planned.id,
      versionNo: planned.versionNo,
      feeVnd: 10000,
    });
    expect((await history(birthId)).versions).toHaveLength(h.versions.length);

    // A version starting today is in force: a second edit dated today is refused.
    const today = dayIn(0);
    const ok = await admin.post(`/api/catalog/procedures/${birthId}/versions`, {
      ...contentOf(planned),
      validFrom: today,
    });
    expect(ok.statusCode).toBe(201);
    // Inserted between the old version and the planned one: it ends where the planned one starts.
    expect(ok.json().validTo).toBe(planned.validFrom);
    const again = await admin.post(`/api/catalog/procedures/${birthId}/versions`, {
      ...contentOf(planned),
      feeVnd: 1,
      validFrom: today,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('catalog.version_in_force');
    const days = (await history(birthId)).versions.map((v: ProcedureVersion) => [
      v.validFrom,
      v.validTo,
    ]);
    expect(days.slice(-3)).toEqual([
      ['2021-01-01', today],
      [today, planned.validFrom],
      [planned.validFrom, null],
    ]);
  });

  it('refuses invalid input with a stable code and changes nothing', async () => {
    const v = (await history(birthId)).versions.at(-1) as ProcedureVersion;
    const base = { ...contentOf(v), validFrom: dayIn(40) };
    const count = await versionCount();
    const cases: [unknown, number, string][] = [
      [{ ...base, validFrom: dayIn(-1) }, 400, 'catalog.effective_date_past'],
      [{ ...base, workflow: v.workflow.slice(1) }, 400, 'catalog.invalid_workflow'],
      [
        {
          ...base,
          workflow: v.workflow.map((s, i) =>
            i === 1 ? { ...s, sharePercent: s.sharePercent + 1 } : s,
          ),
        },
        400,
        'catalog.invalid_workflow',
      ],
      [{ ...base, onlineClass: 'full', submissionModes: ['desk'] }, 400, 'catalog.invalid_content'],
      [{ ...base, processingTime: 5, timeUnit: null }, 400, 'catalog.invalid_content'],
      [
        { ...base, formFields: [{ key: 'x', label: 'X', type: 'select', required: true }] },
        400,
        'catalog.invalid_content',
      ],
      [{ ...base, sectorId: crypto.randomUUID() }, 400, 'catalog.unknown_sector'],
      [
        {
          ...base,
          implementers: {
            mode: 'custom',
            targets: [{ kind: 'agency', agencyId: crypto.randomUUID() }],
          },
        },
        400,
        'catalog.unknown_agency',
      ],
      [{ ...base, surprise: true }, 400, 'http.validation_failed'],
      [{ ...base, feeVnd: -1 }, 400, 'http.validation_failed'],
      [
        { ...base, formFields: [{ key: 'x', label: 'X', type: 'colour', required: true }] },
        400,
        'http.validation_failed',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.post(`/api/catalog/procedures/${birthId}/versions`, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body).slice(0, 80)).toEqual([
        status,
        code,
      ]);
    }
    const unknown = await admin.post(
      `/api/catalog/procedures/${crypto.randomUUID()}/versions`,
      base,
    );
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'catalog.not_found']);
    expect(await versionCount()).toBe(count);
  });

  it('getVersionInForce and getVersion answer catalog.not_found', async () => {
    const catalog = t.services.catalog;
    await expect(
      catalog.getVersionInForce(t.db, birthId, noon('2020-06-01')),
    ).rejects.toMatchObject({
      code: 'catalog.not_found',
    });
    await expect(catalog.getVersion(t.db, 'not-a-uuid')).rejects.toMatchObject({
      code: 'catalog.not_found',
    });
  });
});

describe('procedures and sectors of the province', () => {
  it('creates a sector and a local procedure with its first version', async () => {
    const sector = await admin.post('/api/catalog/sectors', { name: 'Thủ tục riêng của tỉnh' });
    expect(sector.statusCode).toBe(201);
    expect(
      (await admin.post('/api/catalog/sectors', { name: 'Thủ tục riêng của tỉnh' })).json().code,
    ).toBe('catalog.sector_exists');
    const stp = await t.services.agencies.findByAbbreviation(t.db, 'STP');
    const body = {
      code: 'TV-001',
      name: 'Hỗ trợ kinh phí học nghề cho thanh niên',
      sectorId: sector.json().id,
      levels: ['province'],
      onlineClass: 'partial',
      submissionModes: ['online', 'desk'],
      processingTime: 7,
      timeUnit: 'working_day',
      feeVnd: 0,
      papers: [
        {
          key: 'don',
          name: 'Đơn đề nghị',
          copies: '1 bản chính',
          mandatory: true,
          templateFile: null,
        },
      ],
      formFields: [{ key: 'request', label: 'Nội dung yêu cầu', type: 'textarea', required: true }],
      workflow: null,
      implementers: { mode: 'custom', targets: [{ kind: 'agency', agencyId: stp!.id }] },
      validFrom: dayIn(0),
    };
    const res = await admin.post('/api/catalog/procedures', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: 'TV-001',
      origin: 'local',
      inForceVersionId: created.versions[0].id,
    });
    expect(created.versions[0]).toMatchObject({
      legacyLevel: 3,
      workflowConfigured: false,
      versionNo: 1,
    });
    expect(created.versions[0].workflow.map((s: { key: string }) => s.key)).toEqual([
      'receive',
      'process',
      'approve',
      'return',
    ]);
    const found = (await t.anonymous.get('/api/catalog/procedures?q=hoc nghe thanh nien')).json();
    expect(found.items[0].code).toBe('TV-001');
    const version = await t.services.catalog.getVersion(t.db, created.versions[0].id);
    expect(await t.services.catalog.isCarriedBy(t.db, version, stp!.id, t.clock.now())).toBe(true);
    expect(await t.services.catalog.agenciesCarrying(t.db, version, t.clock.now())).toEqual([
      { id: stp!.id, name: 'Sở Tư pháp' },
    ]);

    const dup = await admin.post('/api/catalog/procedures', { ...body, code: '1.001193' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'catalog.code_taken']);
    const badCode = await admin.post('/api/catalog/procedures', { ...body, code: 'a b' });
    expect(badCode.statusCode).toBe(400);
  });
});

describe('permissions', () => {
  const id = () => birthId;
  const routes = (): [string, string, unknown?][] => [
    ['GET', `/api/catalog/procedures/${id()}/versions`],
    ['GET', `/api/catalog/versions/${crypto.randomUUID()}`],
    ['POST', '/api/catalog/procedures', {}],
    ['POST', `/api/catalog/procedures/${id()}/versions`, {}],
    ['POST', '/api/catalog/sectors', { name: 'x' }],
    ['GET', '/api/catalog/settings'],
    [
      'PUT',
      `/api/catalog/settings/sectors/${crypto.randomUUID()}`,
      { departmentId: null, carriedByDistricts: false },
    ],
    ['PUT', `/api/catalog/settings/district-overrides/${id()}`, { mode: 'district' }],
    ['DELETE', `/api/catalog/settings/district-overrides/${crypto.randomUUID()}`],
  ];

  it('manage routes: anonymous 401, a one-stop officer 403, the department admin gets through', async () => {
    for (const [method, url, body] of routes()) {
      const anon = await t.anonymous.request(method as 'GET', url, body);
      expect([method, url, anon.statusCode, anon.json().code]).toEqual([
        method,
        url,
        401,
        'auth.unauthenticated',
      ]);
      const off = await officer.request(method as 'GET', url, body);
      expect([method, url, off.statusCode, off.json().code]).toEqual([
        method,
        url,
        403,
        'auth.forbidden',
      ]);
      const adm = await admin.request(method as 'GET', url, body);
      expect([method, url, adm.statusCode < 500, [401, 403].includes(adm.statusCode)]).toEqual([
        method,
        url,
        true,
        false,
      ]);
    }
  });

  it('a catalog.manage grant narrower than the province is refused by the service', async () => {
    const stttt = await t.services.agencies.findByAbbreviation(t.db, 'STTTT');
    const user = await t.db
      .selectFrom('identity.users')
      .select('id')
      .where('username', '=', 'cv.stttt')
      .executeTakeFirstOrThrow();
    const grant = await admin.post(`/api/users/${user.id}/roles`, {
      role: 'dept_admin',
      agencyId: stttt!.id,
    });
    expect(grant.statusCode).toBe(201);
    const narrow = await t.loginAs('cv.stttt');
    const res = await narrow.post('/api/catalog/sectors', { name: 'Lĩnh vực của một sở' });
    expect([res.statusCode, res.json().code]).toEqual([403, 'catalog.forbidden']);
  });

  it('public routes are open to anyone', async () => {
    for (const url of [
      '/api/catalog/procedures?q=khai+sinh',
      '/api/catalog/sectors',
      `/api/catalog/procedures/${birthId}`,
      '/api/catalog/procedures/by-code/1.001193',
    ]) {
      expect((await t.anonymous.get(url)).statusCode, url).toBe(200);
      expect((await officer.get(url)).statusCode, url).toBe(200);
    }
  });
});
