import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { userIdOf } from '../../../test/helpers/pki.js';
import { x509 } from './crypto/x509.js';

// Renewal reads the holder again: a promoted official or a renamed agency gets a certificate
// with its current subject; the superseded certificate keeps the one it was issued with.

let t: TestApp;
let admin: Session;

type Cert = {
  id: string;
  status: string;
  holderKind: string;
  agencyId: string;
  userId: string | null;
  serial: string | null;
  certificatePem: string | null;
  renewedFromId: string | null;
  subject: { name: string; title: string | null; org: string };
};

const activeCertOf = async (name: string): Promise<Cert> => {
  const res = await admin.get('/api/pki/certificates?limit=200');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Cert[]).find(
    (c) => c.subject.name === name && c.status === 'active',
  )!;
};
const certificate = async (id: string): Promise<Cert> => {
  const res = await admin.get(`/api/pki/certificates/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The subject as written in the certificate itself. */
const subjectOf = (pem: string) => {
  const name = new x509.X509Certificate(pem).subjectName;
  return {
    CN: name.getField('CN'),
    T: name.getField('T'),
    O: name.getField('O'),
    C: name.getField('C'),
  };
};

const issuingCa = async () =>
  new x509.X509Certificate(
    new Uint8Array((await t.anonymous.get('/pki/ca/issuing.crt')).rawPayload),
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t?.close());

describe('renewal takes the holder’s current subject', () => {
  it('a promoted official of a renamed commune gets their new name, position and agency', async () => {
    const old = await activeCertOf('Sơn Văn Dũng');
    const oldPem = old.certificatePem!;
    expect(subjectOf(oldPem)).toEqual({
      CN: ['Sơn Văn Dũng'],
      T: ['Chủ tịch UBND xã'],
      O: [old.subject.org],
      C: ['VN'],
    });
    const oldOrg = old.subject.org;
    expect(oldOrg).toMatch(/Long Đức/);

    const userId = await userIdOf(t, 'ld.longduc');
    const user = await admin.patch(`/api/users/${userId}`, {
      fullName: 'Thạch Văn Dũng',
      position: 'Bí thư Đảng ủy',
    });
    expect(user.statusCode, user.body).toBe(200);
    const agency = await admin.patch(`/api/agencies/${old.agencyId}`, {
      name: 'Ủy ban nhân dân phường Long Đức',
    });
    expect(agency.statusCode, agency.body).toBe(200);

    const res = await admin.post(`/api/pki/certificates/${old.id}/renew`, {});
    expect(res.statusCode, res.body).toBe(201);
    const renewed: Cert = res.json();
    expect(renewed).toMatchObject({
      status: 'active',
      renewedFromId: old.id,
      userId,
      agencyId: old.agencyId,
      subject: {
        name: 'Thạch Văn Dũng',
        title: 'Bí thư Đảng ủy',
        org: 'Ủy ban nhân dân phường Long Đức',
      },
    });
    expect(subjectOf(renewed.certificatePem!)).toEqual({
      CN: ['Thạch Văn Dũng'],
      T: ['Bí thư Đảng ủy'],
      O: ['Ủy ban nhân dân phường Long Đức'],
      C: ['VN'],
    });
    const cert = new x509.X509Certificate(renewed.certificatePem!);
    expect(await cert.verify({ publicKey: await issuingCa(), signatureOnly: true })).toBe(true);

    // The old certificate is superseded and keeps what it was issued with, in the register
    // and in its bytes.
    const oldNow = await certificate(old.id);
    expect(oldNow.status).toBe('superseded');
    expect(oldNow.certificatePem).toBe(oldPem);
    expect(oldNow.subject).toEqual({
      name: 'Sơn Văn Dũng',
      title: 'Chủ tịch UBND xã',
      org: oldOrg,
    });

    // The renewal's audit line records the subject change.
    const { rows } = await sql<{ before: Record<string, unknown>; after: Record<string, unknown> }>`
      SELECT before, after FROM audit.events
      WHERE action = 'pki.certificate.renew' AND target_id = ${renewed.id}`.execute(t.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before).toMatchObject({
      subjectName: 'Sơn Văn Dũng',
      subjectTitle: 'Chủ tịch UBND xã',
      subjectOrg: oldOrg,
    });
    expect(rows[0]!.after).toMatchObject({
      subjectName: 'Thạch Văn Dũng',
      subjectTitle: 'Bí thư Đảng ủy',
      subjectOrg: 'Ủy ban nhân dân phường Long Đức',
    });
  });

  it('a renamed agency gets its new name; the province stays the organisation', async () => {
    const old = await activeCertOf('Sở Thông tin và Truyền thông');
    expect(old.holderKind).toBe('agency');
    const province = old.subject.org;
    const oldPem = old.certificatePem!;
    expect(subjectOf(oldPem)).toEqual({
      CN: ['Sở Thông tin và Truyền thông'],
      T: [],
      O: [province],
      C: ['VN'],
    });

    const agency = await admin.patch(`/api/agencies/${old.agencyId}`, {
      name: 'Sở Khoa học và Công nghệ',
    });
    expect(agency.statusCode, agency.body).toBe(200);

    const res = await admin.post(`/api/pki/certificates/${old.id}/renew`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().subject).toEqual({
      name: 'Sở Khoa học và Công nghệ',
      title: null,
      org: province,
    });
    expect(subjectOf(res.json().certificatePem)).toEqual({
      CN: ['Sở Khoa học và Công nghệ'],
      T: [],
      O: [province],
      C: ['VN'],
    });
    const oldNow = await certificate(old.id);
    expect(oldNow.status).toBe('superseded');
    expect(oldNow.certificatePem).toBe(oldPem);
    expect(oldNow.subject.name).toBe('Sở Thông tin và Truyền thông');
  });

  it('refuses to renew for an official no longer active (409), changing nothing', async () => {
    const old = await activeCertOf('Huỳnh Văn Tâm');
    const userId = await userIdOf(t, 'ld.stttt');
    const off = await admin.patch(`/api/users/${userId}`, { isActive: false });
    expect(off.statusCode, off.body).toBe(200);
    const count = async () =>
      (
        await sql<{ certificates: number; audit: number; crls: number }>`
          SELECT
            (SELECT count(*)::int FROM pki.certificates) AS certificates,
            (SELECT count(*)::int FROM pki.crls) AS crls,
            (SELECT count(*)::int FROM audit.events) AS audit`.execute(t.db)
      ).rows[0];
    const before = await count();

    const res = await admin.post(`/api/pki/certificates/${old.id}/renew`, {});
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({
      code: 'pki.holder_inactive',
      detailVi: expect.stringMatching(/không còn là cán bộ/),
      detailEn: expect.stringMatching(/no longer an active official/),
    });

    expect(await count()).toEqual(before);
    const now = await certificate(old.id);
    expect(now).toMatchObject({ status: 'active', serial: old.serial });
  });
});
