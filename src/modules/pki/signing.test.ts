import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { enrolTotp, samplePdf, userIdOf } from '../../../test/helpers/pki.js';
import { createServices } from '../../app.js';
import type { Actor } from '../../platform/http/access.js';
import { preparePdf, type SigningLayout } from '../../platform/pades/index.js';
import { DEMO_PIN } from './index.js';

let t: TestApp;
let admin: Session;
let leader: Session;
let nextCode: () => string;
let actor: Actor;
let prepared: { pdf: Uint8Array; layout: SigningLayout };
let stttt: { id: string; agencyId: string }; // the agency certificate of STTTT

const actorOf = async (username: string, fullName: string): Promise<Actor> => ({
  userId: await userIdOf(t, username),
  sessionId: 'test',
  username,
  fullName,
  kind: 'official',
  agencyId: null,
  grants: new Map(),
  mfaEnrollmentRequired: false,
  passwordChangeRequired: false,
  csrfToken: '',
});

const appearance = { kind: 'person' as const, fullName: 'Huỳnh Văn Tâm', lines: ['KT. GIÁM ĐỐC'] };

/** signAsPerson the way the documents module calls it: inside its own transaction. */
const signAsLeader = (pin: string, otp: string, who = actor) =>
  t.db.transaction().execute((trx) =>
    t.services.pki.signAsPerson(trx, who, {
      pdf: prepared.pdf,
      layout: prepared.layout,
      pin,
      otp,
      reason: 'Phê duyệt',
      appearance,
    }),
  );

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
};

const certOf = async (name: string) =>
  (await admin.get('/api/pki/certificates?limit=200'))
    .json()
    .items.find(
      (c: { subject: { name: string }; status: string }) =>
        c.subject.name === name && c.status === 'active',
    ) as { id: string; serial: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  leader = await t.loginAs('ld.stttt');
  nextCode = await enrolTotp(t, leader);
  actor = await actorOf('ld.stttt', 'Huỳnh Văn Tâm');
  prepared = await preparePdf(await samplePdf(), { signerName: 'Huỳnh Văn Tâm' });
  stttt = (await admin.get('/api/pki/certificates?holderKind=agency'))
    .json()
    .items.find(
      (c: { subject: { name: string } }) => c.subject.name === 'Sở Thông tin và Truyền thông',
    );
});
afterAll(() => t?.close());

describe('signing as a person (PIN + TOTP)', () => {
  it('signs with the right PIN and a fresh code, and logs the server time', async () => {
    const before = t.clock.now();
    const signed = await signAsLeader(DEMO_PIN, nextCode());
    expect(signed.signedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(signed.signatureDigest).toMatch(/^[0-9a-f]{64}$/);
    const row = await t.db
      .selectFrom('pki.signatures')
      .selectAll()
      .where('signatureDigest', '=', signed.signatureDigest)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: 'person', certificateId: signed.certificateId });
  });

  it('refuses a TOTP code used once already', async () => {
    const code = nextCode();
    expect(await codeOf(signAsLeader(DEMO_PIN, code))).toBe('ok');
    expect(await codeOf(signAsLeader(DEMO_PIN, code))).toBe('auth.second_factor_invalid');
  });

  it('counts wrong PINs across rolled-back signings and locks after five', async () => {
    const results: string[] = [];
    for (let i = 0; i < 5; i++) results.push(await codeOf(signAsLeader('999999', nextCode())));
    expect(results).toEqual([
      'pki.pin_wrong',
      'pki.pin_wrong',
      'pki.pin_wrong',
      'pki.pin_wrong',
      'pki.pin_locked',
    ]);
    expect(await codeOf(signAsLeader(DEMO_PIN, nextCode()))).toBe('pki.pin_locked');
    await t.services.pki.pinFailuresSettled();
    const mine = (await leader.get('/api/pki/my/certificates')).json().items[0];
    expect(mine.isPinLocked).toBe(true);
    const stored = await t.db
      .selectFrom('pki.certificates')
      .select('pinFailures')
      .where('id', '=', mine.id)
      .executeTakeFirstOrThrow();
    expect(stored.pinFailures).toBe(5);
    // A fresh service (another process) sees the lock from the database.
    const other = createServices({ config: t.config, database: t.database, clock: t.clock });
    const code = await codeOf(
      t.db.transaction().execute((trx) =>
        other.pki.signAsPerson(trx, actor, {
          pdf: prepared.pdf,
          layout: prepared.layout,
          pin: DEMO_PIN,
          otp: nextCode(),
          reason: 'x',
          appearance,
        }),
      ),
    );
    expect(code).toBe('pki.pin_locked');

    // The department admin resets it; the holder sets a new PIN with a TOTP code.
    expect((await admin.post(`/api/pki/certificates/${mine.id}/reset-pin`)).statusCode).toBe(200);
    expect(await codeOf(signAsLeader(DEMO_PIN, nextCode()))).toBe('pki.pin_not_set');
    const badOtp = await leader.post(`/api/pki/my/certificates/${mine.id}/pin`, {
      pin: '246810',
      otp: '000000',
    });
    expect(badOtp.json().code).toBe('auth.second_factor_invalid');
    const set = await leader.post(`/api/pki/my/certificates/${mine.id}/pin`, {
      pin: '246810',
      otp: nextCode(),
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ hasPin: true, isPinLocked: false });
    const change = await leader.post(`/api/pki/my/certificates/${mine.id}/pin`, {
      pin: '135790',
      otp: nextCode(),
    });
    expect(change.json().code).toBe('pki.pin_wrong');
    const changed = await leader.post(`/api/pki/my/certificates/${mine.id}/pin`, {
      pin: '135790',
      currentPin: '246810',
      otp: nextCode(),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await codeOf(signAsLeader('135790', nextCode()))).toBe('ok');
  });

  it("keeps another holder's certificate out of reach (PIN route 404)", async () => {
    const other = await certOf('Sơn Văn Dũng');
    const res = await leader.post(`/api/pki/my/certificates/${other.id}/pin`, {
      pin: '111111',
      otp: nextCode(),
    });
    expect(res.statusCode).toBe(404);
  });

  it('a suspended or revoked certificate cannot sign', async () => {
    const longDuc = await t.loginAs('ld.longduc');
    const code = await enrolTotp(t, longDuc);
    const who = await actorOf('ld.longduc', 'Sơn Văn Dũng');
    const cert = await certOf('Sơn Văn Dũng');
    expect((await admin.post(`/api/pki/certificates/${cert.id}/suspend`)).statusCode).toBe(200);
    expect(await codeOf(signAsLeader(DEMO_PIN, code(), who))).toBe('pki.no_signing_certificate');
    await admin.post(`/api/pki/certificates/${cert.id}/resume`);
    expect(await codeOf(signAsLeader(DEMO_PIN, code(), who))).toBe('ok');
    await admin.post(`/api/pki/certificates/${cert.id}/revoke`, { reason: 'affiliation_changed' });
    expect(await codeOf(signAsLeader(DEMO_PIN, code(), who))).toBe('pki.no_signing_certificate');
    const count = await t.db
      .selectFrom('pki.signatures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('certificateId', '=', cert.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('an expired certificate cannot sign', async () => {
    const later = new Date(t.clock.now().getTime() + 6 * 366 * 24 * 3600 * 1000);
    const saved = t.clock.now();
    t.clock.set(later);
    const { agencyId } = stttt;
    const code = await codeOf(
      t.db.transaction().execute((trx) =>
        t.services.pki.signAsAgency(trx, actor, {
          agencyId,
          pdf: prepared.pdf,
          layout: prepared.layout,
          reason: 'Phát hành',
          appearance: { kind: 'agency', agencyName: 'Sở Thông tin và Truyền thông', lines: [] },
        }),
      ),
    );
    t.clock.set(saved);
    expect(code).toBe('pki.expired');
  });
});

describe('fail closed', () => {
  it('signs nothing without a passphrase', async () => {
    const services = createServices({
      config: { ...t.config, pkiPassphrase: undefined },
      database: t.database,
      clock: t.clock,
    });
    const { agencyId } = stttt;
    const code = await codeOf(
      t.db.transaction().execute((trx) =>
        services.pki.signAsAgency(trx, actor, {
          agencyId,
          pdf: prepared.pdf,
          layout: prepared.layout,
          reason: 'Phát hành',
          appearance: { kind: 'agency', agencyName: 'x', lines: [] },
        }),
      ),
    );
    expect(code).toBe('pki.key_not_configured');
  });

  it('signs and issues nothing with a wrong passphrase; the CRL is still served', async () => {
    const wrong = await createTestApp({ env: { PKI_PASSPHRASE: 'not-the-right-passphrase-000' } });
    try {
      const dept = await wrong.loginAs('admin');
      const agency = (await dept.get('/api/pki/certificates?holderKind=agency')).json().items[0];
      const code = await codeOf(
        wrong.db.transaction().execute((trx) =>
          wrong.services.pki.signAsAgency(trx, null, {
            agencyId: agency.agencyId,
            pdf: prepared.pdf,
            layout: prepared.layout,
            reason: 'Phát hành',
            appearance: { kind: 'agency', agencyName: 'x', lines: [] },
          }),
        ),
      );
      expect(code).toBe('pki.key_unavailable');
      const res = await dept.post(`/api/pki/certificates/${agency.id}/revoke`, {
        reason: 'unspecified',
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('pki.key_unavailable');
      // nothing changed: the revocation rolled back with the CRL it could not sign
      const again = (await dept.get(`/api/pki/certificates/${agency.id}`)).json();
      expect(again.status).toBe('active');
      expect((await wrong.anonymous.get('/pki/crl/issuing.crl')).statusCode).toBe(200);
    } finally {
      await wrong.close();
    }
  });
});
