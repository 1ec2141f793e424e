import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { deviceKeyAndCsr, userIdOf } from '../../../test/helpers/pki.js';

let t: TestApp;
let admin: Session; // dept_admin: pki.manage province-wide
let qtStttt: Session; // agency_admin of STTTT
let qtLongDuc: Session; // agency_admin of Long Đức

type Cert = {
  id: string;
  status: string;
  holderKind: string;
  keyKind: string;
  agencyId: string;
  userId: string | null;
  serial: string | null;
  certificatePem: string | null;
  subject: { name: string; title: string | null; org: string };
  hasPin: boolean;
};

const list = async (s: Session, query = ''): Promise<Cert[]> => {
  const res = await s.get(`/api/pki/certificates${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

const crl = async () => {
  const res = await t.anonymous.get('/pki/crl/issuing.crl');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pkix-crl');
  return new x509.X509Crl(new Uint8Array(res.rawPayload));
};
const issuingCa = async () =>
  new x509.X509Certificate(
    new Uint8Array((await t.anonymous.get('/pki/ca/issuing.crt')).rawPayload),
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  qtStttt = await t.loginAs('qt.stttt');
  qtLongDuc = await t.loginAs('qt.longduc');
});
afterAll(() => t?.close());

describe('the demo CA and certificates', () => {
  it('publishes the root, the issuing CA and a CRL signed by it', async () => {
    const rootRes = await t.anonymous.get('/pki/ca/root.crt');
    expect(rootRes.statusCode).toBe(200);
    expect(rootRes.headers['content-type']).toBe('application/pkix-cert');
    const root = new x509.X509Certificate(new Uint8Array(rootRes.rawPayload));
    const issuing = await issuingCa();
    expect(root.subject).toContain('Root CA');
    expect(await root.verify({ signatureOnly: true })).toBe(true);
    expect(await issuing.verify({ publicKey: root, signatureOnly: true })).toBe(true);
    const list = await crl();
    expect(await list.verify({ publicKey: issuing })).toBe(true);
    expect(list.entries).toHaveLength(0);
  });

  it('seeded the leaders, the agencies and inventoried devices', async () => {
    const all = await list(admin);
    const names = all.map((c) => `${c.holderKind}:${c.keyKind}:${c.subject.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'person:remote:Huỳnh Văn Tâm',
        'person:remote:Sơn Văn Dũng',
        'person:usb_token:Phạm Thị Ngọc Lan',
        'person:sim_pki:Nguyễn Văn Phúc',
        'agency:remote:Sở Thông tin và Truyền thông',
      ]),
    );
    expect(all.filter((c) => c.holderKind === 'agency')).toHaveLength(3);
    const leader = all.find((c) => c.subject.name === 'Huỳnh Văn Tâm')!;
    expect(leader).toMatchObject({ status: 'active', hasPin: true });
    const cert = new x509.X509Certificate(leader.certificatePem!);
    expect(cert.subjectName.getField('T')).toEqual(['Phó Giám đốc']);
    const ku = cert.getExtension(x509.KeyUsagesExtension)!;
    expect(ku.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    const dp = cert.getExtension(x509.CRLDistributionPointsExtension)!;
    expect(JSON.stringify(dp.distributionPoints)).toBeTruthy();
    expect(Buffer.from(cert.rawData).toString('latin1')).toContain('/pki/crl/issuing.crl');
    expect(await cert.verify({ publicKey: await issuingCa(), signatureOnly: true })).toBe(true);
    const inventory = await admin.get('/api/pki/inventory');
    expect(
      inventory
        .json()
        .items.map((c: Cert) => c.keyKind)
        .sort(),
    ).toEqual(['sim_pki', 'usb_token']);
  });

  it('shows the holder their own certificates', async () => {
    const leader = await t.loginAs('ld.stttt');
    const res = await leader.get('/api/pki/my/certificates');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ keyKind: 'remote', status: 'active' });
  });
});

describe('permissions', () => {
  it('refuses anonymous (401) and users without a pki permission (403)', async () => {
    expect((await t.anonymous.get('/api/pki/certificates')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/pki/my/certificates')).statusCode).toBe(401);
    const citizen = await t.loginAs('congdan');
    expect((await citizen.get('/api/pki/certificates')).statusCode).toBe(403);
    expect((await citizen.get('/api/pki/stats?from=2021-01-01&to=2021-06-30')).statusCode).toBe(
      403,
    );
    const res = await citizen.post(
      '/api/pki/certificates/00000000-0000-4000-8000-000000000000/revoke',
      {
        reason: 'key_compromise',
      },
    );
    expect(res.statusCode).toBe(403);
    expect((await citizen.get('/api/pki/my/certificates')).json().items).toEqual([]);
  });

  it("keeps an agency admin inside their subtree: another agency's certificates are 404", async () => {
    const mine = await list(qtLongDuc);
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every((c) => c.subject.org.includes('Long Đức') || c.subject.name.includes('Long Đức')),
    ).toBe(true);
    const stttt = (await list(admin)).find((c) => c.subject.name === 'Huỳnh Văn Tâm')!;
    const detail = await qtLongDuc.get(`/api/pki/certificates/${stttt.id}`);
    expect(detail.statusCode).toBe(404);
    expect(detail.json().code).toBe('pki.certificate_not_found');
    const req = await qtLongDuc.post('/api/pki/certificates', {
      holderKind: 'person',
      userId: await userIdOf(t, 'mc.stttt'),
      keyKind: 'remote',
    });
    expect(req.statusCode).toBe(404);
    expect(req.json().code).toBe('pki.holder_not_found');
    // Managing is the department's: an agency admin gets 403 at the door.
    const revoke = await qtLongDuc.post(`/api/pki/certificates/${stttt.id}/revoke`, {
      reason: 'key_compromise',
    });
    expect(revoke.statusCode).toBe(403);
    expect((await qtLongDuc.get('/api/pki/stats?from=2021-01-01&to=2021-06-30')).statusCode).toBe(
      403,
    );
  });
});

describe('lifecycle', () => {
  let id: string;

  it('request → approve → issue a platform-held certificate', async () => {
    const userId = await userIdOf(t, 'mc.stttt');
    const req = await qtStttt.post('/api/pki/certificates', {
      holderKind: 'person',
      userId,
      keyKind: 'remote',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({ status: 'requested', serial: null, certificatePem: null });
    id = req.json().id;
    const again = await qtStttt.post('/api/pki/certificates', {
      holderKind: 'person',
      userId,
      keyKind: 'remote',
    });
    expect(again.json().code).toBe('pki.already_held');
    const early = await admin.post(`/api/pki/certificates/${id}/issue`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('pki.wrong_status');
    expect((await admin.post(`/api/pki/certificates/${id}/approve`, {})).json().status).toBe(
      'approved',
    );
    const issued = await admin.post(`/api/pki/certificates/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'active', hasPin: false });
    const cert = new x509.X509Certificate(issued.json().certificatePem);
    expect(cert.serialNumber).toBe(issued.json().serial);
    expect(cert.subjectName.getField('CN')).toEqual(['Lê Văn Hùng']);
    expect(cert.subjectName.getField('O')).toEqual(['Sở Thông tin và Truyền thông']);
  });

  it('suspend puts it on hold in the CRL, resume takes it off, revoke lists the reason', async () => {
    const before = await crl();
    const serial = (await admin.get(`/api/pki/certificates/${id}`)).json().serial as string;
    expect((await admin.post(`/api/pki/certificates/${id}/suspend`)).json().status).toBe(
      'suspended',
    );
    let now = await crl();
    expect(now.entries.map((e) => [e.serialNumber, e.reason])).toEqual([
      [serial, x509.X509CrlReason.certificateHold],
    ]);
    const number = (c: x509.X509Crl) =>
      Buffer.from(c.getExtension('2.5.29.20')!.value).toString('hex');
    expect(number(now)).not.toBe(number(before));
    expect((await admin.post(`/api/pki/certificates/${id}/resume`)).json().status).toBe('active');
    expect((await crl()).entries).toHaveLength(0);
    const revoked = await admin.post(`/api/pki/certificates/${id}/revoke`, {
      reason: 'key_compromise',
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationReason: 'key_compromise' });
    now = await crl();
    expect(now.entries.map((e) => [e.serialNumber, e.reason])).toEqual([
      [serial, x509.X509CrlReason.keyCompromise],
    ]);
    const twice = await admin.post(`/api/pki/certificates/${id}/revoke`, { reason: 'unspecified' });
    expect(twice.statusCode).toBe(409);
    const detail = (await admin.get(`/api/pki/certificates/${id}`)).json();
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual([
      'requested',
      'approved',
      'active',
      'suspended',
      'active',
      'revoked',
    ]);
  });

  it('issues a USB-token certificate from the device CSR; rejects a request', async () => {
    const userId = await userIdOf(t, 'vt.stttt');
    const noCsr = await qtStttt.post('/api/pki/certificates', {
      holderKind: 'person',
      userId,
      keyKind: 'usb_token',
    });
    expect(noCsr.json().code).toBe('pki.csr_required');
    const badCsr = await qtStttt.post('/api/pki/certificates', {
      holderKind: 'person',
      userId,
      keyKind: 'usb_token',
      csrPem: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
    });
    expect(badCsr.json().code).toBe('pki.bad_csr');
    const { csrPem, keys } = await deviceKeyAndCsr('Võ Thị Mai');
    const req = await qtStttt.post('/api/pki/certificates', {
      holderKind: 'person',
      userId,
      keyKind: 'usb_token',
      csrPem,
      deviceSerial: 'TOKEN-0042',
    });
    expect(req.statusCode, req.body).toBe(201);
    await admin.post(`/api/pki/certificates/${req.json().id}/approve`, { note: 'ok' });
    const issued = (await admin.post(`/api/pki/certificates/${req.json().id}/issue`)).json();
    const cert = new x509.X509Certificate(issued.certificatePem);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    expect(Buffer.from(cert.publicKey.rawData).equals(Buffer.from(spki))).toBe(true);
    expect(issued.deviceSerial).toBe('TOKEN-0042');

    const agency = (await admin.get('/api/agencies/search?q=STTTT')).json();
    const agencyId = agency.items?.[0]?.id ?? issued.agencyId;
    const other = await deviceKeyAndCsr('x');
    const reqAgency = await qtStttt.post('/api/pki/certificates', {
      holderKind: 'agency',
      agencyId,
      keyKind: 'sim_pki',
      csrPem: other.csrPem,
      phone: '0918123456',
    });
    expect(reqAgency.statusCode, reqAgency.body).toBe(201);
    const rejected = await admin.post(`/api/pki/certificates/${reqAgency.json().id}/reject`, {
      note: 'trùng',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'trùng' });
  });

  it('renews with a new key and supersedes the old certificate (in the CRL)', async () => {
    const old = (await list(admin)).find((c) => c.subject.name === 'Sơn Văn Dũng')!;
    const res = await admin.post(`/api/pki/certificates/${old.id}/renew`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'active', renewedFromId: old.id, hasPin: true });
    expect(res.json().serial).not.toBe(old.serial);
    const oldNow = (await admin.get(`/api/pki/certificates/${old.id}`)).json();
    expect(oldNow.status).toBe('superseded');
    const entry = (await crl()).entries.find((e) => e.serialNumber === old.serial);
    expect(entry?.reason).toBe(x509.X509CrlReason.superseded);
  });

  it('counts active, issued and revoked certificates by key and holder kind', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      t.clock.now(),
    );
    const res = await admin.get(`/api/pki/stats?from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.revoked.total).toBe(1);
    expect(s.revoked.byKeyKind.remote).toBe(1);
    expect(s.issued.total).toBeGreaterThanOrEqual(10);
    expect(s.active.byHolderKind.agency).toBe(3);
    // the seeded 7 + the USB token + the renewal − the superseded (the revoked one is gone)
    expect(s.active.total).toBe(7 + 1 + 1 - 1);
    const past = await admin.get('/api/pki/stats?from=2021-01-01&to=2021-06-30');
    expect(past.json().active.total).toBe(0);
  });
});
