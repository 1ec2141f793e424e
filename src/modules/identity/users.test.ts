import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/helpers/app.js';

let t: TestApp;
let admin: Session; // department admin, whole province
let qtLongDuc: Session; // agency admin of Xã Long Đức
let qtPhuong1: Session; // agency admin of Phường 1
let longDucId: string;
let phuong1Id: string;

async function agencyIdByGso(code: string): Promise<string> {
  const agency = await t.services.agencies.findByGsoCode(t.db, code);
  if (!agency) throw new Error(`no agency ${code}`);
  return agency.id;
}
async function userIdOf(username: string): Promise<string> {
  const res = await admin.get(`/api/users?q=${username}`);
  const found = res.json().items.find((u: { username: string }) => u.username === username);
  return found.id;
}
const auditCount = async () => (await t.services.audit.verify(t.db)).headSeq;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  qtLongDuc = await t.loginAs('qt.longduc');
  qtPhuong1 = await t.loginAs('qt.phuong1');
  longDucId = await agencyIdByGso('29263');
  phuong1Id = await agencyIdByGso('29239');
});
afterAll(() => t.close());

describe('users of an agency', () => {
  it('lists a commune subtree for its admin and the whole province for the department admin', async () => {
    const own = await qtLongDuc.get('/api/users');
    expect(own.statusCode).toBe(200);
    const names = own.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['mc.longduc', 'ld.longduc', 'qt.longduc']));
    expect(names).not.toContain('qt.phuong1');
    expect(names).not.toContain('cv.stttt');
    const other = await qtPhuong1.get('/api/users');
    expect(other.json().items.map((u: { username: string }) => u.username)).toEqual(['qt.phuong1']);
    const all = await admin.get('/api/users?limit=200');
    expect(all.json().items.length).toBeGreaterThanOrEqual(13);
    const page1 = await admin.get('/api/users?limit=5');
    const page2 = await admin.get(`/api/users?limit=5&cursor=${page1.json().nextCursor}`);
    expect(page2.json().items[0].username > page1.json().items[4].username).toBe(true);
  });

  it('searches without diacritics', async () => {
    const res = await admin.get(`/api/users?q=${encodeURIComponent('thach so phia')}`);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['qt.longduc']);
  });

  it('creates an officer in a commune, audited in the same transaction', async () => {
    const before = await auditCount();
    const res = await qtLongDuc.post('/api/users', {
      username: 'MC2.LongDuc',
      fullName: 'Trần Văn Bình',
      agencyId: longDucId,
      position: 'Công chức một cửa',
      password: 'Initial-Pass-2026',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().username).toBe('mc2.longduc');
    expect(res.json().mustChangePassword).toBe(true);
    expect(res.json()).not.toHaveProperty('passwordHash');
    expect(await auditCount()).toBe(before + 1);
    const events = await admin.get(`/api/audit/events?targetId=${res.json().id}`);
    expect(events.json().items[0].action).toBe('identity.user_create');
    expect(JSON.stringify(events.json().items[0].after)).not.toMatch(/argon2/);
  });

  it('holds a new account to changing its temporary password before anything else', async () => {
    const created = await qtLongDuc.post('/api/users', {
      username: 'cv2.longduc',
      fullName: 'Lý Thị Hồng',
      agencyId: longDucId,
      password: 'Temporary-Pass-2026',
    });
    await qtLongDuc.post(`/api/users/${created.json().id}/roles`, {
      role: 'specialist',
      agencyId: longDucId,
    });
    const s = await t.loginAs('cv2.longduc', 'Temporary-Pass-2026');
    const blocked = await s.get('/api/agencies');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');
    expect((await s.get('/api/me')).json().mustChangePassword).toBe(true);
    const changed = await s.post('/api/me/password', {
      currentPassword: 'Temporary-Pass-2026',
      newPassword: 'Own-Password-2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await s.get('/api/agencies')).statusCode).toBe(200);
  });

  it('refuses bad input with a problem and writes nothing', async () => {
    const before = await auditCount();
    const cases = [
      [
        { username: 'x', fullName: 'A B', agencyId: longDucId, password: 'Initial-Pass-2026' },
        'http.validation_failed',
      ],
      [
        { username: 'ok.name', fullName: 'A B', agencyId: longDucId, password: 'short' },
        'identity.weak_password',
      ],
      [
        {
          username: 'mc.longduc',
          fullName: 'A B',
          agencyId: longDucId,
          password: 'Initial-Pass-2026',
        },
        'identity.username_taken',
      ],
      [
        {
          username: 'ok.name',
          fullName: 'A B',
          agencyId: longDucId,
          password: 'Initial-Pass-2026',
          isAdmin: true,
        },
        'http.validation_failed',
      ],
    ] as const;
    for (const [body, code] of cases) {
      const res = await qtLongDuc.post('/api/users', body);
      expect(res.json().code).toBe(code);
    }
    expect(await auditCount()).toBe(before);
  });

  it('refuses malformed JSON and a 10 MB body on a write, with nothing written', async () => {
    const before = await auditCount();
    const send = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: {
          cookie: qtLongDuc.cookie!,
          'x-csrf-token': qtLongDuc.csrfToken!,
          'content-type': 'application/json',
        },
        payload,
      });
    const malformed = await send('{"username": "half.written", "fullName":');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('http.malformed_json');
    const huge = await send(
      JSON.stringify({
        username: 'huge.body',
        fullName: 'x'.repeat(10 * 1024 * 1024),
        agencyId: longDucId,
        password: 'Initial-Pass-2026',
      }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    expect(await auditCount()).toBe(before);
    expect((await admin.get('/api/users?q=huge.body')).json().items).toEqual([]);
  });
});

describe('agency isolation (an admin of commune A and commune B)', () => {
  it('cannot read or change users of another commune: 404, not 403', async () => {
    const victim = await userIdOf('qt.phuong1');
    for (const res of [
      await qtLongDuc.get(`/api/users/${victim}`),
      await qtLongDuc.patch(`/api/users/${victim}`, { fullName: 'Bị sửa' }),
      await qtLongDuc.post(`/api/users/${victim}/password`, { newPassword: 'Hijacked-Pass-2026' }),
      await qtLongDuc.post(`/api/users/${victim}/roles`, { role: 'clerk', agencyId: phuong1Id }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('identity.user_not_found');
    }
    const list = await qtLongDuc.get(`/api/users?agencyId=${phuong1Id}`);
    expect(list.statusCode).toBe(404);
    expect(list.json().code).toBe('agency.not_found');
    const create = await qtLongDuc.post('/api/users', {
      username: 'planted.user',
      fullName: 'A B',
      agencyId: phuong1Id,
      password: 'Initial-Pass-2026',
    });
    expect(create.statusCode).toBe(404);
    expect((await admin.get(`/api/users/${victim}`)).json().fullName).toBe('Đặng Quốc Bảo');
  });

  it('cannot grant itself roles, nor grant the department-admin role, nor roles outside its subtree', async () => {
    const self = await userIdOf('qt.longduc');
    const selfGrant = await qtLongDuc.post(`/api/users/${self}/roles`, {
      role: 'leader',
      agencyId: longDucId,
    });
    expect(selfGrant.statusCode).toBe(403);
    expect(selfGrant.json().code).toBe('identity.self_grant');
    const massAssign = await qtLongDuc.patch(`/api/users/${self}`, {
      roles: [{ role: 'dept_admin' }],
    });
    expect(massAssign.statusCode).toBe(400);
    const officer = await userIdOf('mc.longduc');
    const deptAdmin = await qtLongDuc.post(`/api/users/${officer}/roles`, {
      role: 'dept_admin',
      agencyId: longDucId,
    });
    expect(deptAdmin.json().code).toBe('identity.role_not_grantable');
    const outside = await qtLongDuc.post(`/api/users/${officer}/roles`, {
      role: 'clerk',
      agencyId: phuong1Id,
    });
    expect(outside.json().code).toBe('agency.not_found');
    const me = await qtLongDuc.get('/api/me');
    expect(me.json().roles.map((r: { role: string }) => r.role)).toEqual(['agency_admin']);
  });

  it('cannot take over an administrator whose role reaches beyond its subtree', async () => {
    // `admin` sits in the department (STTTT) but holds dept_admin on the province root.
    const qtStttt = await t.loginAs('qt.stttt');
    const adminId = await userIdOf('admin');
    const stttt = (await t.services.agencies.findByAbbreviation(t.db, 'STTTT'))!.id;
    for (const res of [
      await qtStttt.post(`/api/users/${adminId}/password`, { newPassword: 'Taken-Over-2026' }),
      await qtStttt.patch(`/api/users/${adminId}`, { isActive: false }),
      await qtStttt.post(`/api/users/${adminId}/roles`, { role: 'clerk', agencyId: stttt }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('identity.user_not_found');
    }
    expect((await admin.get('/api/me')).statusCode).toBe(200); // still signed in, untouched
    // The same agency admin still manages the department's ordinary officials.
    const clerk = await userIdOf('vt.stttt');
    expect(
      (await qtStttt.patch(`/api/users/${clerk}`, { position: 'Văn thư Sở' })).statusCode,
    ).toBe(200);
    const self = await qtLongDuc.patch(`/api/users/${await userIdOf('qt.longduc')}`, {
      isActive: false,
    });
    expect(self.json().code).toBe('identity.self_change');
  });

  it('a revoked role stops working on the next request', async () => {
    const target = await userIdOf('cv.longduc');
    const grant = await qtLongDuc.post(`/api/users/${target}/roles`, {
      role: 'agency_admin',
      agencyId: longDucId,
    });
    expect(grant.statusCode).toBe(201);
    const again = await qtLongDuc.post(`/api/users/${target}/roles`, {
      role: 'agency_admin',
      agencyId: longDucId,
    });
    expect(again.json().code).toBe('identity.role_exists');
    const cv = await t.loginAs('cv.longduc'); // now an admin: enrols TOTP
    expect((await cv.get('/api/users')).statusCode).toBe(200);
    const revoke = await qtLongDuc.delete(`/api/users/${target}/roles/${grant.json().id}`);
    expect(revoke.statusCode).toBe(204);
    const after = await cv.get('/api/users');
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe('auth.forbidden');
    expect(
      (await qtLongDuc.delete(`/api/users/${target}/roles/${grant.json().id}`)).json().code,
    ).toBe('identity.role_assignment_not_found');
  });

  it('deactivating a user ends their sessions', async () => {
    const s = await t.loginAs('vt.longduc');
    const id = await userIdOf('vt.longduc');
    expect((await qtLongDuc.patch(`/api/users/${id}`, { isActive: false })).json().isActive).toBe(
      false,
    );
    expect((await s.get('/api/me')).statusCode).toBe(401);
    const relogin = await t.anonymous.post('/api/auth/login', {
      username: 'vt.longduc',
      password: TEST_PASSWORD,
    });
    expect(relogin.json().code).toBe('auth.invalid_credentials');
  });
});

describe('permissions per route', () => {
  it('answers 401 without a session and 403 without the permission', async () => {
    const specialist = await t.loginAs('cv.stttt');
    const id = await userIdOf('mc.stttt');
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/roles'],
      ['GET', '/api/users'],
      [
        'POST',
        '/api/users',
        {
          username: 'abc.def',
          fullName: 'A B',
          agencyId: longDucId,
          password: 'Initial-Pass-2026',
        },
      ],
      ['GET', `/api/users/${id}`],
      ['PATCH', `/api/users/${id}`, { fullName: 'X Y' }],
      ['POST', `/api/users/${id}/password`, { newPassword: 'Initial-Pass-2026' }],
      ['POST', `/api/users/${id}/roles`, { role: 'clerk', agencyId: longDucId }],
      ['DELETE', `/api/users/${id}/roles/${id}`],
      ['GET', '/api/audit/events'],
      ['GET', '/api/audit/verify'],
    ];
    for (const [method, url, body] of routes) {
      const anon = await t.anonymous.request(method as 'GET', url, body);
      expect(anon.statusCode, `${method} ${url}`).toBe(401);
      const denied = await specialist.request(method as 'GET', url, body);
      expect(denied.statusCode, `${method} ${url}`).toBe(403);
      expect(denied.json().code).toBe('auth.forbidden');
    }
  });
});
