import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart } from '../../../test/helpers/dossiers.js';
import { deviceKeyAndCsr, enrolTotp, samplePdf, userIdOf } from '../../../test/helpers/pki.js';
import type { Actor } from '../../platform/http/access.js';
import { preparePdf, signPdf, type SigningLayout } from '../../platform/pades/index.js';
import { derOfPem } from './crypto/keys.js';
import { x509 } from './crypto/x509.js';
import { DEMO_PIN, type ValidationReport } from './index.js';

let t: TestApp;
let admin: Session;
let nextCode: () => string;
let actor: Actor;
let prepared: { pdf: Uint8Array; layout: SigningLayout };
let chain: Uint8Array[]; // issuing, root (DER) as published
const dir = mkdtempSync(path.join(tmpdir(), 'op-pki-'));

const verify = async (pdf: Uint8Array): Promise<ValidationReport> => {
  const body = multipart({}, { name: 'doc.pdf', data: Buffer.from(pdf), type: 'application/pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/public/verify', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const signAsLeader = (pdf: Uint8Array) =>
  t.db.transaction().execute((trx) =>
    t.services.pki.signAsPerson(trx, actor, {
      pdf,
      layout: prepared.layout,
      pin: DEMO_PIN,
      otp: nextCode(),
      reason: 'Phê duyệt',
      appearance: {
        kind: 'person',
        fullName: 'Huỳnh Văn Tâm',
        lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
      },
    }),
  );

const certOf = async (name: string) =>
  (await admin.get('/api/pki/certificates?limit=200'))
    .json()
    .items.find(
      (c: { subject: { name: string }; status: string }) =>
        c.subject.name === name && c.status === 'active',
    ) as { id: string; agencyId: string; serial: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const leader = await t.loginAs('ld.stttt');
  nextCode = await enrolTotp(t, leader);
  actor = {
    userId: await userIdOf(t, 'ld.stttt'),
    sessionId: 'test',
    username: 'ld.stttt',
    fullName: 'Huỳnh Văn Tâm',
    kind: 'official',
    agencyId: null,
    grants: new Map(),
    mfaEnrollmentRequired: false,
    passwordChangeRequired: false,
    csrfToken: '',
  };
  prepared = await preparePdf(await samplePdf(), { signerName: 'Huỳnh Văn Tâm' });
  const get = async (url: string) => new Uint8Array((await t.anonymous.get(url)).rawPayload);
  chain = [await get('/pki/ca/issuing.crt'), await get('/pki/ca/root.crt')];
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** pdfsig trusting our root as fetched from /pki/ca/root.crt (it exits 0 even on failure). */
function pdfsig(pdf: Uint8Array): string {
  const nss = mkdtempSync(path.join(dir, 'nss-'));
  const root = path.join(nss, 'root.der');
  writeFileSync(root, chain[1]!);
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'root', '-t', 'CT,C,C', '-i', root]);
  const file = path.join(nss, 'doc.pdf');
  writeFileSync(file, pdf);
  return spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, file], { encoding: 'utf8' }).stdout;
}

describe('validation of what the platform signed', () => {
  let issued: Uint8Array;
  let personAt: Date;

  beforeAll(async () => {
    const agency = await certOf('Sở Thông tin và Truyền thông');
    const person = await signAsLeader(prepared.pdf);
    personAt = person.signedAt;
    t.clock.advance(3600_000);
    const signed = await t.db.transaction().execute((trx) =>
      t.services.pki.signAsAgency(trx, null, {
        agencyId: agency.agencyId,
        pdf: person.pdf,
        layout: prepared.layout,
        reason: 'Phát hành',
        appearance: { kind: 'agency', agencyName: 'Sở Thông tin và Truyền thông', lines: [] },
        stamps: {
          number: '15/QĐ-STTTT',
          date: { day: '15', month: '7', year: '2021' },
          qrText: 'http://localhost:3000/verify/AB12',
        },
      }),
    );
    issued = signed.pdf;
  });

  it('reports both signatures valid, with the server-recorded time', async () => {
    const report = await verify(issued);
    expect(report.verdict).toBe('valid');
    expect(report.changedAfterSigning).toBe(false);
    expect(report.signatures).toHaveLength(2);
    const [person, agency] = report.signatures;
    expect(person).toMatchObject({
      signer: {
        name: 'Huỳnh Văn Tâm',
        title: 'Phó Giám đốc',
        organization: 'Sở Thông tin và Truyền thông',
      },
      agency: { name: 'Sở Thông tin và Truyền thông' },
      holderKind: 'person',
      time: { source: 'server' },
      chain: 'trusted',
      statusAtSigning: 'good',
      statusNow: 'good',
      verdict: 'valid',
      problems: [],
    });
    expect(new Date(person!.time.at as unknown as string).getTime()).toBe(personAt.getTime());
    expect(agency).toMatchObject({
      holderKind: 'agency',
      verdict: 'valid',
      integrity: { coversWholeFile: true },
    });
  });

  it.skipIf(!has('pdfsig') || !has('certutil'))(
    'validates with poppler pdfsig trusting our root',
    () => {
      const out = pdfsig(issued);
      expect(out.split('Signature is Valid.').length - 1, out).toBe(2);
      expect(out.split('Certificate is Trusted.').length - 1, out).toBe(2);
      expect(out).toContain('Huỳnh Văn Tâm');
    },
  );

  it('reports a document changed after signing', async () => {
    const changed = Buffer.concat([Buffer.from(issued), Buffer.from('\n% appended\n')]);
    const report = await verify(changed);
    expect(report.changedAfterSigning).toBe(true);
    expect(report.verdict).toBe('invalid');
  });

  it('refuses what is not a PDF', async () => {
    const body = multipart(
      {},
      { name: 'x.pdf', data: Buffer.from('hello'), type: 'application/pdf' },
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/public/verify', ...body });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('pki.pdf_rejected');
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/public/verify',
      ...multipart({ a: 'b' }),
    });
    expect(none.json().code).toBe('file.missing');
  });

  it('an unsigned PDF is "unsigned"', async () => {
    expect((await verify(prepared.pdf)).verdict).toBe('unsigned');
  });
});

describe('revocation: signatures before and after', () => {
  it('keeps a signature made before revocation valid ("revoked later") and flags one made after', async () => {
    // A USB-token certificate whose key the test holds (signing outside the platform).
    admin = await t.loginAs('admin');
    const qt = await t.loginAs('qt.stttt');
    const { keys, csrPem } = await deviceKeyAndCsr('Võ Thị Mai');
    const req = await qt.post('/api/pki/certificates', {
      holderKind: 'person',
      userId: await userIdOf(t, 'vt.stttt'),
      keyKind: 'usb_token',
      csrPem,
    });
    expect(req.statusCode, req.body).toBe(201);
    const id = req.json().id as string;
    await admin.post(`/api/pki/certificates/${id}/approve`, {});
    const token = (await admin.post(`/api/pki/certificates/${id}/issue`)).json();
    const tokenSign = (at: Date) =>
      signPdf(prepared.pdf, {
        layout: prepared.layout,
        signer: { privateKey: keys.privateKey, certificate: derOfPem(token.certificatePem), chain },
        signingTime: at,
        reason: 'Ký trên USB token',
        location: 'Trà Vinh',
        name: 'Võ Thị Mai',
        appearance: { kind: 'person', fullName: 'Võ Thị Mai', lines: [] },
      });

    t.clock.advance(60_000);
    const leaderBefore = await signAsLeader(prepared.pdf);
    const tokenBefore = await tokenSign(t.clock.now());
    const leaderCert = await certOf('Huỳnh Văn Tâm');
    t.clock.advance(3600_000);
    admin = await t.loginAs('admin'); // the earlier session went idle
    for (const c of [leaderCert.id, id]) {
      const res = await admin.post(`/api/pki/certificates/${c}/revoke`, {
        reason: 'key_compromise',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    t.clock.advance(3600_000);
    const tokenAfter = await tokenSign(t.clock.now());
    await expect(signAsLeader(prepared.pdf)).rejects.toMatchObject({
      code: 'pki.no_signing_certificate',
    });

    const before = (await verify(leaderBefore.pdf)).signatures[0]!;
    expect(before).toMatchObject({
      time: { source: 'server' },
      statusAtSigning: 'good',
      statusNow: 'revoked',
      verdict: 'valid',
      problems: ['revoked_later'],
    });
    const after = await verify(tokenAfter.pdf);
    expect(after.verdict).toBe('invalid');
    expect(after.signatures[0]).toMatchObject({
      time: { source: 'claimed' },
      chain: 'trusted',
      statusAtSigning: 'revoked',
      verdict: 'invalid',
    });
    expect(after.signatures[0]!.problems).toContain('revoked_at_signing');
    // Claimed before the revocation, but only claimed: it cannot be trusted any more.
    const claimed = (await verify(tokenBefore.pdf)).signatures[0]!;
    expect(claimed).toMatchObject({
      statusAtSigning: 'good',
      statusNow: 'revoked',
      verdict: 'indeterminate',
    });
  });

  it('does not trust a certificate from another issuer', async () => {
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
    const keys = (await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
    const self = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=Somebody Else',
      notBefore: new Date(Date.now() - 86400_000),
      notAfter: new Date(Date.now() + 86400_000 * 365),
      keys,
      signingAlgorithm: alg,
    });
    const signed = await signPdf(prepared.pdf, {
      layout: prepared.layout,
      signer: { privateKey: keys.privateKey, certificate: new Uint8Array(self.rawData), chain: [] },
      signingTime: t.clock.now(),
      reason: 'x',
      location: 'x',
      name: 'Somebody Else',
      appearance: { kind: 'person', fullName: 'Somebody Else', lines: [] },
    });
    const report = await verify(signed.pdf);
    expect(report.signatures[0]).toMatchObject({
      chain: 'untrusted',
      verdict: 'indeterminate',
      certificate: { isOurs: false },
    });
    expect(report.verdict).toBe('indeterminate');
  });
});
