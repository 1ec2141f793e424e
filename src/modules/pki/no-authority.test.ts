import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { userIdOf } from '../../../test/helpers/pki.js';
import { systemContext } from '../../platform/context.js';
import { pkiErrors } from './errors.js';

// Before `pki init-ca` (or with no current CA) nothing is issued: 503 pki.no_authority and
// nothing written. The demo database has a CA; there is no API to remove one (nor should
// there be), so this file removes it by hand, then drives the API.

let t: TestApp;
let admin: Session;
let approvedId: string; // a request approved while the CA existed
let activeId: string; // Sơn Văn Dũng's platform-held certificate

const expected = pkiErrors.noAuthority().detail;

/** Everything issuing or renewing would write. */
const snapshot = async () => {
  const { rows } = await sql<Record<string, number>>`
    SELECT
      (SELECT count(*)::int FROM pki.certificates) AS certificates,
      (SELECT count(*)::int FROM pki.status_history) AS history,
      (SELECT count(*)::int FROM pki.crls) AS crls,
      (SELECT count(*)::int FROM platform.idempotency_keys) AS claims,
      (SELECT count(*)::int FROM audit.events) AS audit,
      (SELECT count(*)::int FROM audit.events WHERE action LIKE 'pki.%') AS pki_audit`.execute(
    t.db,
  );
  return rows[0];
};

const certificate = async (id: string) => {
  const res = await admin.get(`/api/pki/certificates/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: string; serial: string | null; history: unknown[] };
};

const expectNoAuthority = (res: Awaited<ReturnType<Session['post']>>, lang: 'vi' | 'en') => {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json();
  expect(body).toMatchObject({
    status: 503,
    code: 'pki.no_authority',
    type: 'urn:openprovince:problem:pki.no_authority',
    detail: expected[lang],
    detailVi: expected.vi,
    detailEn: expected.en,
  });
  expect(body.detailVi).toMatch(/tổ chức cung cấp dịch vụ chứng thực/);
  expect(body.detailEn).toMatch(/certificate authority has not been set up/);
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const qtStttt = await t.loginAs('qt.stttt');
  const req = await qtStttt.post('/api/pki/certificates', {
    holderKind: 'person',
    userId: await userIdOf(t, 'mc.stttt'),
    keyKind: 'remote',
  });
  expect(req.statusCode, req.body).toBe(201);
  approvedId = req.json().id;
  const approved = await admin.post(`/api/pki/certificates/${approvedId}/approve`, {});
  expect(approved.json().status).toBe('approved');
  const all = (await admin.get('/api/pki/certificates?limit=200')).json().items as {
    id: string;
    status: string;
    subject: { name: string };
  }[];
  activeId = all.find((c) => c.subject.name === 'Sơn Văn Dũng' && c.status === 'active')!.id;

  // The province as it is before `pki init-ca`.
  await sql`DELETE FROM pki.crls`.execute(t.db);
  await sql`DELETE FROM pki.authorities`.execute(t.db);
});
afterAll(() => t?.close());

describe('no certificate authority (503 pki.no_authority)', () => {
  it('refuses to issue an approved request and leaves it approved, unwritten, unaudited', async () => {
    const before = await snapshot();
    const historyBefore = (await certificate(approvedId)).history;

    expectNoAuthority(await admin.post(`/api/pki/certificates/${approvedId}/issue`), 'vi');
    expectNoAuthority(
      await admin.post(`/api/pki/certificates/${approvedId}/issue`, undefined, {
        'accept-language': 'en-GB,en;q=0.9',
      }),
      'en',
    );

    expect(await snapshot()).toEqual(before);
    const after = await certificate(approvedId);
    expect(after).toMatchObject({ status: 'approved', serial: null });
    expect(after.history).toEqual(historyBefore);
  });

  it('refuses to renew: the old certificate stays active, no new one, no CRL', async () => {
    const before = await snapshot();
    const old = await certificate(activeId);

    expectNoAuthority(await admin.post(`/api/pki/certificates/${activeId}/renew`, {}), 'vi');

    expect(await snapshot()).toEqual(before);
    const now = await certificate(activeId);
    expect(now).toMatchObject({ status: 'active', serial: old.serial });
    expect(now.history).toEqual(old.history);
  });

  it('has no CA certificate or CRL to publish (the same problem)', async () => {
    for (const url of ['/pki/ca/root.crt', '/pki/ca/issuing.crt', '/pki/crl/issuing.crl']) {
      const res = await t.anonymous.get(url);
      expectNoAuthority(res, 'vi');
    }
  });

  it('issues the same request once `pki init-ca` has run', async () => {
    const init = await t.services.pki.initAuthority(t.db, systemContext('pki-init-ca'));
    expect(init.created).toBe(true);
    const issued = await admin.post(`/api/pki/certificates/${approvedId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('active');
    expect((await t.anonymous.get('/pki/crl/issuing.crl')).statusCode).toBe(200);
  });
});
