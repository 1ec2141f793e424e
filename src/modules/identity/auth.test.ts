import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
});
afterAll(() => t.close());

const login = (body: unknown, headers?: Record<string, string>) =>
  t.anonymous.post('/api/auth/login', body, headers);

describe('login', () => {
  it('signs in an official, sets an httpOnly SameSite cookie and returns the CSRF token', async () => {
    const res = await login({ username: 'cv.stttt', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'op_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const user = res.json().user;
    expect(user.username).toBe('cv.stttt');
    expect(user.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(user).not.toHaveProperty('passwordHash');
    expect(user.permissions).toContain('agency.read');
    expect(user.permissions).not.toContain('identity.user.manage');
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const unknown = await login({ username: 'khong.ton.tai', password: 'whatever-password' });
    const wrong = await login({ username: 'vt.stttt', password: 'wrong-password-1' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().code).toBe('auth.invalid_credentials');
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('locks after repeated failures, for existing and unknown users alike, then unlocks', async () => {
    for (const username of ['ld.stttt', 'ghost.user']) {
      for (let i = 0; i < 3; i++) {
        expect((await login({ username, password: 'bad-password-x' })).statusCode).toBe(401);
      }
      const locked = await login({ username, password: TEST_PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('auth.locked');
      expect(locked.json().retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(locked.headers['retry-after'])).toBe(locked.json().retryAfterSeconds);
    }
    t.clock.advance(16 * 60_000);
    expect((await login({ username: 'ld.stttt', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('rejects malformed JSON, wrong types, unknown fields and huge bodies with problem+json', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('http.malformed_json');
    const types = await login({ username: 42, password: ['x'] });
    expect(types.statusCode).toBe(400);
    expect(types.json().code).toBe('http.validation_failed');
    const extra = await login({
      username: 'cv.stttt',
      password: TEST_PASSWORD,
      role: 'dept_admin',
    });
    expect(extra.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(10 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('http.body_too_large');
  });

  it('counts parallel failures: a burst cannot outrun the lock', async () => {
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => login({ username: 'vt.stttt', password: 'bad-password-y' })),
    );
    expect(burst.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const after = await login({ username: 'vt.stttt', password: TEST_PASSWORD });
    expect(after.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
  });

  it('counts wrong current passwords of a signed-in session towards the lock', async () => {
    const s = await t.loginAs('mc.longduc');
    for (let i = 0; i < 3; i++) {
      const wrong = await s.post('/api/me/password', {
        currentPassword: 'guess-number-x',
        newPassword: 'Whatever-Pass-2026',
      });
      expect(wrong.json().code).toBe('identity.wrong_current_password');
    }
    const locked = await s.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Whatever-Pass-2026',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    t.clock.advance(16 * 60_000);
  });

  it('gives Vietnamese detail by default and English on request', async () => {
    const vi = await login({ username: 'nobody1', password: 'x-password-1' });
    const en = await login(
      { username: 'nobody2', password: 'x-password-1' },
      { 'accept-language': 'en-US' },
    );
    expect(vi.json().detail).toBe(vi.json().detailVi);
    expect(en.json().detail).toBe(en.json().detailEn);
    expect(vi.json().detailVi).not.toBe(vi.json().detailEn);
  });
});

describe('sessions', () => {
  it('rotates the session at login: a cookie planted before sign-in is not kept (fixation)', async () => {
    const first = await t.loginAs('cv.longduc');
    const res = await login(
      { username: 'cv.longduc', password: TEST_PASSWORD },
      { cookie: first.cookie! },
    );
    const second = Session.fromLogin(t.app, res);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await first.get('/api/me')).statusCode).toBe(401);
    expect((await second.get('/api/me')).statusCode).toBe(200);
  });

  it('logout invalidates the session server-side: replaying the cookie fails', async () => {
    const s = await t.loginAs('vt.longduc');
    expect((await s.get('/api/me')).statusCode).toBe(200);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    const replay = await s.get('/api/me');
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.unauthenticated');
  });

  it('refuses a state change without the CSRF token, or from another origin', async () => {
    const s = await t.loginAs('mc.longduc');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: s.cookie! },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2026' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('auth.csrf_failed');
    const wrong = await s.post(
      '/api/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2026' },
      { 'x-csrf-token': 'forged-token-value-forged' },
    );
    expect(wrong.json().code).toBe('auth.csrf_failed');
    const cross = await s.post(
      '/api/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2026' },
      { origin: 'https://evil.example' },
    );
    expect(cross.statusCode).toBe(403);
    expect(cross.json().code).toBe('auth.cross_origin');
    // Nothing was changed: the old password still works.
    expect((await login({ username: 'mc.longduc', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('expires an idle session', async () => {
    const s = await t.loginAs('ld.longduc');
    t.clock.advance(61 * 60_000);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });
});

describe('second factor', () => {
  it('forces an admin to enrol TOTP before anything else, then requires the code at sign-in', async () => {
    const res = await login({ username: 'qt.phuong1', password: TEST_PASSWORD });
    const s = Session.fromLogin(t.app, res);
    expect(res.json().user.mfaEnrollmentRequired).toBe(true);
    const blocked = await s.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.mfa_enrollment_required');
    await s.post('/api/auth/logout');

    const admin = await t.loginAs('qt.phuong1'); // enrols on the way
    expect((await admin.get('/api/users')).statusCode).toBe(200);
    const noCode = await login({ username: 'qt.phuong1', password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('auth.totp_required');
    const badCode = await login({
      username: 'qt.phuong1',
      password: TEST_PASSWORD,
      totpCode: '000000',
    });
    expect(badCode.json().code).toBe('auth.totp_invalid');
    const code = t.totpCode('qt.phuong1')!;
    expect(
      (await login({ username: 'qt.phuong1', password: TEST_PASSWORD, totpCode: code })).statusCode,
    ).toBe(200);
    // The same code cannot be used twice.
    const replay = await login({ username: 'qt.phuong1', password: TEST_PASSWORD, totpCode: code });
    expect(replay.json().code).toBe('auth.totp_invalid');
    const disable = await admin.post('/api/me/totp/disable', { password: TEST_PASSWORD });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe('identity.mfa_required_for_role');
  });

  it('lets an official enrol and turn TOTP off', async () => {
    const s = await t.loginAs('mc.stttt');
    expect((await s.post('/api/me/totp/confirm', { code: '123456' })).json().code).toBe(
      'identity.totp_not_started',
    );
    const setup = await s.post('/api/me/totp');
    expect(setup.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\/OpenProvince:mc\.stttt\?/);
    expect((await s.post('/api/me/totp/confirm', { code: '000000' })).json().code).toBe(
      'auth.totp_invalid',
    );
    const code = new TOTP({ secret: Secret.fromBase32(setup.json().secret) }).generate({
      timestamp: t.clock.now().getTime(),
    });
    expect((await s.post('/api/me/totp/confirm', { code })).statusCode).toBe(204);
    expect((await s.get('/api/me')).json().totpEnabled).toBe(true);
    const wrongPw = await s.post('/api/me/totp/disable', { password: 'not-my-password' });
    expect(wrongPw.json().code).toBe('identity.wrong_current_password');
    expect((await s.post('/api/me/totp/disable', { password: TEST_PASSWORD })).statusCode).toBe(
      204,
    );
    expect((await s.get('/api/me')).json().totpEnabled).toBe(false);
  });
});

describe('my account', () => {
  it('changes the password: the old one stops working, other sessions end', async () => {
    const a = await t.loginAs('cv.stttt');
    const b = await t.loginAs('cv.stttt');
    const weak = await a.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.json().code).toBe('identity.weak_password');
    const wrong = await a.post('/api/me/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'Strong-Enough-2026',
    });
    expect(wrong.json().code).toBe('identity.wrong_current_password');
    const ok = await a.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Strong-Enough-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await login({ username: 'cv.stttt', password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await login({ username: 'cv.stttt', password: 'Strong-Enough-2026' })).statusCode).toBe(
      200,
    );
  });

  it('requires a session for /api/me', async () => {
    const res = await t.anonymous.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
  });

  it('registers a citizen, who has no official permissions', async () => {
    const reg = await t.anonymous.post('/api/auth/register', {
      username: 'nguyenvana',
      fullName: 'Nguyễn Văn A',
      password: 'Citizen-Pass-2026',
    });
    expect(reg.statusCode).toBe(201);
    const dup = await t.anonymous.post('/api/auth/register', {
      username: 'NguyenVanA',
      fullName: 'X Y',
      password: 'Citizen-Pass-2026',
    });
    expect(dup.json().code).toBe('identity.username_taken');
    const s = await t.loginAs('nguyenvana', 'Citizen-Pass-2026');
    expect((await s.get('/api/me')).json().kind).toBe('citizen');
    expect((await s.get('/api/agencies')).statusCode).toBe(403);
  });
});
