import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { deviceKeyAndCsr, userIdOf } from '../../../test/helpers/pki.js';

// POST /api/pki/certificates with an Idempotency-Key: a retry or a double click makes one
// request; the same key with another body is refused.

let t: TestApp;
let qtStttt: Session;

const request = (body: object, key?: string) =>
  qtStttt.post('/api/pki/certificates', body, key ? { 'idempotency-key': key } : {});

/** What a request writes: the row, its history line, its audit line, the key's claim. */
const snapshot = async () => {
  const { rows } = await sql<{
    certificates: number;
    history: number;
    audit: number;
    claims: number;
  }>`
    SELECT
      (SELECT count(*)::int FROM pki.certificates) AS certificates,
      (SELECT count(*)::int FROM pki.status_history) AS history,
      (SELECT count(*)::int FROM audit.events WHERE action = 'pki.certificate.request') AS audit,
      (SELECT count(*)::int FROM platform.idempotency_keys) AS claims`.execute(t.db);
  return rows[0]!;
};

const requestsOf = async (userId: string) => {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM pki.certificates WHERE user_id = ${userId}`.execute(t.db);
  return rows.map((r) => r.id);
};

beforeAll(async () => {
  t = await createTestApp();
  qtStttt = await t.loginAs('qt.stttt');
});
afterAll(() => t?.close());

describe('Idempotency-Key on certificate requests', () => {
  it('answers a replay with the first request, creating nothing', async () => {
    const userId = await userIdOf(t, 'mc.stttt');
    const body = { holderKind: 'person', userId, keyKind: 'remote', note: 'Cán bộ một cửa' };
    const key = 'pki-request-0001';
    const start = await snapshot();

    const first = await request(body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'requested', userId });
    const made = await snapshot();
    expect(made).toEqual({
      certificates: start.certificates + 1,
      history: start.history + 1,
      audit: start.audit + 1,
      claims: start.claims + 1,
    });

    const replay = await request(body, key);
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(await snapshot()).toEqual(made);
    expect(await requestsOf(userId)).toEqual([first.json().id]);

    // Without the key the same body is a new request, refused: one pending at a time.
    const noKey = await request(body);
    expect(noKey.statusCode).toBe(409);
    expect(noKey.json().code).toBe('pki.already_held');
  });

  it('refuses the same key with another body, in Vietnamese and English, changing nothing', async () => {
    const userId = await userIdOf(t, 'mc.stttt');
    const key = 'pki-request-0001';
    const before = await snapshot();
    const other = await request(
      { holderKind: 'person', userId, keyKind: 'remote', note: 'Khác' },
      key,
    );
    expect(other.statusCode, other.body).toBe(409);
    expect(other.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(other.json()).toMatchObject({
      status: 409,
      code: 'idempotency.key_reused',
      detailVi: expect.stringContaining('Idempotency-Key'),
      detailEn: expect.stringContaining('Idempotency-Key'),
    });
    expect(other.json().detailVi).not.toBe(other.json().detailEn);
    expect(await snapshot()).toEqual(before);

    const malformed = await request({ holderKind: 'person', userId, keyKind: 'remote' }, 'short');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('http.validation_failed');
    expect(await snapshot()).toEqual(before);
  });

  it('makes one request of a double click (two at once, same key)', async () => {
    const userId = await userIdOf(t, 'vt.stttt');
    const { csrPem } = await deviceKeyAndCsr('Võ Thị Mai');
    const body = {
      holderKind: 'person',
      userId,
      keyKind: 'usb_token',
      csrPem,
      deviceSerial: 'TOKEN-0099',
    };
    const key = 'pki-request-double-click';
    const before = await snapshot();

    const [a, b] = await Promise.all([request(body, key), request(body, key)]);
    expect([a.statusCode, b.statusCode], `${a.body}\n${b.body}`).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await requestsOf(userId)).toEqual([a.json().id]);
    expect(await snapshot()).toEqual({
      certificates: before.certificates + 1,
      history: before.history + 1,
      audit: before.audit + 1,
      claims: before.claims + 1,
    });
  });

  it('makes one request of two at once without a key: the other is already held', async () => {
    const userId = await userIdOf(t, 'cv.stttt');
    const body = { holderKind: 'person', userId, keyKind: 'remote', note: 'Hai lần bấm' };
    const before = await snapshot();
    const had = await requestsOf(userId);

    const both = await Promise.all([request(body), request(body)]);
    const codes = both.map((r) => r.statusCode).sort();
    expect(codes, both.map((r) => r.body).join('\n')).toEqual([201, 409]);
    const refused = both.find((r) => r.statusCode === 409)!;
    expect(refused.json()).toMatchObject({ code: 'pki.already_held' });
    const made = both.find((r) => r.statusCode === 201)!.json().id as string;
    expect((await requestsOf(userId)).sort()).toEqual([...had, made].sort());
    expect(await snapshot()).toEqual({
      certificates: before.certificates + 1,
      history: before.history + 1,
      audit: before.audit + 1,
      claims: before.claims,
    });
  });

  it('keeps keys apart per requester', async () => {
    const admin = await t.loginAs('admin');
    const agencyId = (await qtStttt.get('/api/pki/certificates?holderKind=agency')).json().items[0]
      .agencyId as string;
    const { csrPem } = await deviceKeyAndCsr('Sở');
    const body = {
      holderKind: 'agency',
      agencyId,
      keyKind: 'sim_pki',
      csrPem,
      phone: '0918123456',
    };
    // The key qt.stttt used above, with another body: another requester's key space.
    const res = await admin.post('/api/pki/certificates', body, {
      'idempotency-key': 'pki-request-0001',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ holderKind: 'agency', keyKind: 'sim_pki' });
  });

  it('refuses a certificate for an agency that has ended, writing nothing', async () => {
    const admin = await t.loginAs('admin');
    const stttt = (await qtStttt.get('/api/pki/certificates?holderKind=agency')).json().items[0]
      .agencyId as string;
    const created = await admin.post('/api/agencies', {
      parentId: stttt,
      kind: 'public_service_unit',
      name: 'Trung tâm Công nghệ thông tin',
      shortName: 'TT CNTT',
      validFrom: '2021-06-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const agencyId = created.json().id as string;
    const ended = await admin.post(`/api/agencies/${agencyId}/end`, {
      validTo: '2026-07-01',
      note: 'Sáp nhập',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const before = await snapshot();
    const { csrPem } = await deviceKeyAndCsr('Trung tâm');
    const res = await admin.post('/api/pki/certificates', {
      holderKind: 'agency',
      agencyId,
      keyKind: 'usb_token',
      csrPem,
      deviceSerial: 'TOKEN-0200',
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'pki.agency_ended',
      detailVi: expect.stringContaining('chấm dứt'),
      detailEn: expect.stringContaining('ended'),
    });
    expect(await snapshot()).toEqual(before);
  });
});
