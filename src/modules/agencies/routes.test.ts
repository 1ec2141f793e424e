import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
let admin: Session;
let ids: { root: string; stttt: string; canglong: string; thitran: string; longduc: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const a = t.services.agencies;
  ids = {
    root: (await a.getRoot(t.db)).id,
    stttt: (await a.findByAbbreviation(t.db, 'STTTT'))!.id,
    canglong: (await a.findByGsoCode(t.db, '844'))!.id,
    thitran: (await a.findByGsoCode(t.db, '29266'))!.id,
    longduc: (await a.findByGsoCode(t.db, '29263'))!.id,
  };
});
afterAll(async () => t?.close());

const newAgency = (parentId: string, extra: Record<string, unknown> = {}) => ({
  parentId,
  kind: 'public_service_unit',
  name: 'Trung tâm Phục vụ hành chính công',
  shortName: 'TT PVHCC',
  ...extra,
});

describe('permissions', () => {
  const routes = () =>
    [
      { method: 'get', url: '/api/agencies', permission: 'agency.read' },
      { method: 'get', url: '/api/agencies/search?q=tra', permission: 'agency.read' },
      { method: 'get', url: `/api/agencies/${ids.stttt}`, permission: 'agency.read' },
      {
        method: 'post',
        url: '/api/agencies',
        body: newAgency(ids.stttt),
        permission: 'agency.manage',
      },
      {
        method: 'patch',
        url: `/api/agencies/${ids.stttt}`,
        body: { shortName: 'Sở TTTT' },
        permission: 'agency.manage',
      },
      {
        method: 'post',
        url: `/api/agencies/${ids.stttt}/end`,
        body: { validTo: '2030-01-01' },
        permission: 'agency.manage',
      },
    ] as const;

  it('refuses anonymous callers with 401 on every route', async () => {
    for (const r of routes()) {
      const res =
        r.method === 'get'
          ? await t.anonymous.get(r.url)
          : await t.anonymous[r.method](r.url, 'body' in r ? r.body : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('auth.unauthenticated');
    }
  });

  it('refuses 403 to a user without the permission: a citizen reads nothing, a specialist manages nothing', async () => {
    const citizen = await t.loginAs('congdan');
    const specialist = await t.loginAs('cv.stttt');
    for (const r of routes()) {
      const who = r.permission === 'agency.read' ? citizen : specialist;
      const res =
        r.method === 'get'
          ? await who.get(r.url)
          : await who[r.method](r.url, 'body' in r ? r.body : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
    // …and a specialist still reads the directory.
    expect((await specialist.get('/api/agencies')).statusCode).toBe(200);
  });
});

describe('reading', () => {
  it('lists roots and children with child counts', async () => {
    const roots = await admin.get('/api/agencies');
    expect(roots.statusCode).toBe(200);
    expect(roots.json().items).toEqual([
      expect.objectContaining({ id: ids.root, childCount: 2, validTo: null }),
    ]);
    const district = await admin.get(`/api/agencies?parentId=${ids.canglong}&limit=5`);
    expect(district.json().items).toHaveLength(5);
    expect(district.json().nextCursor).toEqual(expect.any(String));
    const next = await admin.get(
      `/api/agencies?parentId=${ids.canglong}&limit=50&cursor=${district.json().nextCursor}`,
    );
    expect(next.json().items).toHaveLength(9);
  });

  it('searches without diacritics and returns the path', async () => {
    const res = await admin.get(`/api/agencies/search?q=${encodeURIComponent('tra cu')}`);
    expect(res.statusCode).toBe(200);
    const [first] = res.json().items;
    expect(first.name).toBe('Ủy ban nhân dân huyện Trà Cú');
    expect(first.path).toEqual([
      { id: ids.root, shortName: 'Tỉnh Trà Vinh' },
      expect.objectContaining({ shortName: 'UBND tỉnh Trà Vinh' }),
    ]);
  });

  it('shows one agency with its breadcrumb, 404 for an unknown one, 400 for a malformed id', async () => {
    const res = await admin.get(`/api/agencies/${ids.longduc}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      gsoCode: '29263',
      validFrom: '2021-01-01',
      predecessors: [],
      successors: [],
    });
    expect(res.json().ancestors.map((a: { shortName: string }) => a.shortName)).toEqual([
      'Tỉnh Trà Vinh',
      'UBND tỉnh Trà Vinh',
      'UBND thành phố Trà Vinh',
    ]);
    expect((await admin.get(`/api/agencies/${crypto.randomUUID()}`)).json().code).toBe(
      'agency.not_found',
    );
    expect((await admin.get('/api/agencies/nope')).statusCode).toBe(400);
  });
});

describe('managing', () => {
  it('creates (201), renames and ends an agency', async () => {
    const created = await admin.post(
      '/api/agencies',
      newAgency(ids.stttt, { electronicId: '000.05.11.H59', validFrom: '2021-06-01' }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      parentId: ids.stttt,
      validTo: null,
      electronicId: '000.05.11.H59',
    });
    const renamed = await admin.patch(`/api/agencies/${id}`, {
      shortName: 'Trung tâm PVHCC',
      abbreviation: 'TTPVHCC',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ shortName: 'Trung tâm PVHCC', abbreviation: 'TTPVHCC' });
    const ended = await admin.post(`/api/agencies/${id}/end`, {
      validTo: '2025-07-01',
      note: 'Sáp nhập',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().validTo).toBe('2025-07-01');
  });

  it('rejects invalid bodies with 400', async () => {
    const unknownKey = await admin.post('/api/agencies', {
      ...newAgency(ids.stttt),
      colour: 'red',
    });
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.json().code).toBe('http.validation_failed');
    const badId = await admin.post(
      '/api/agencies',
      newAgency(ids.stttt, { electronicId: '000.5.11.H59' }),
    );
    expect(badId.json().code).toBe('http.validation_failed');
    const badDate = await admin.post(`/api/agencies/${ids.thitran}/end`, { validTo: '01/07/2025' });
    expect(badDate.json().code).toBe('http.validation_failed');
    const rootKind = await admin.post('/api/agencies', newAgency(ids.stttt, { kind: 'province' }));
    expect(rootKind.statusCode).toBe(400);
    expect(rootKind.json().code).toBe('agency.invalid_kind');
  });

  it('answers 404 for an unknown parent or target', async () => {
    const res = await admin.post('/api/agencies', newAgency(crypto.randomUUID()));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('agency.not_found');
    const patch = await admin.patch(`/api/agencies/${crypto.randomUUID()}`, { name: 'X' });
    expect(patch.json().code).toBe('agency.not_found');
  });

  it('answers 409 for current children and for a duplicate electronic id', async () => {
    const withChildren = await admin.post(`/api/agencies/${ids.canglong}/end`, {
      validTo: '2025-07-01',
    });
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json()).toMatchObject({
      code: 'agency.has_current_children',
      childCount: 14,
    });
    const duplicate = await admin.post(
      '/api/agencies',
      newAgency(ids.stttt, { electronicId: '000.00.11.H59' }),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('agency.duplicate_electronic_id');
    const patched = await admin.patch(`/api/agencies/${ids.thitran}`, {
      electronicId: '000.00.11.H59',
    });
    expect(patched.json().code).toBe('agency.duplicate_electronic_id');
  });

  it('answers 404 outside the manager’s subtree', async () => {
    // A department admin granted on one district only.
    const password = 'Scoped-Manager-2026!';
    const user = await admin.post('/api/users', {
      username: 'ql.canglong',
      fullName: 'Quản Lý Càng Long',
      agencyId: ids.canglong,
      password,
    });
    expect(user.statusCode).toBe(201);
    const grant = await admin.post(`/api/users/${user.json().id}/roles`, {
      role: 'dept_admin',
      agencyId: ids.canglong,
    });
    expect(grant.statusCode).toBe(201);
    const scoped = await t.loginAs('ql.canglong', password);
    // An account made by an administrator first replaces its temporary password.
    const own = await scoped.post('/api/me/password', {
      currentPassword: password,
      newPassword: 'Own-Manager-Pass-2026',
    });
    expect(own.statusCode).toBe(204);
    const inside = await scoped.patch(`/api/agencies/${ids.thitran}`, { sortOrder: 7 });
    expect(inside.statusCode).toBe(200);
    const outside = await scoped.patch(`/api/agencies/${ids.longduc}`, { sortOrder: 7 });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('agency.not_found');
    const createOutside = await scoped.post('/api/agencies', newAgency(ids.stttt));
    expect(createOutside.json().code).toBe('agency.not_found');
    const endOutside = await scoped.post(`/api/agencies/${ids.longduc}/end`, {
      validTo: '2030-01-01',
    });
    expect(endOutside.json().code).toBe('agency.not_found');
  });
});
