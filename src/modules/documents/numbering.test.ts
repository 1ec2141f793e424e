import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  agencyIdByGso,
  countRows,
  LONG_DUC,
  scenarioSessions,
  signedDecision,
} from '../../../test/helpers/documents.js';

/**
 * Register numbers: gap-free and unique under concurrent issuers, given back when an issuance
 * fails, restarted at 01 on 1 January (Asia/Ho_Chi_Minh).
 */
describe('numbering at issuance', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let stttt: string;

  beforeAll(async () => {
    // 21:00 in Trà Vinh on 31 December: the year turns three hours later.
    t = await createTestApp({
      start: new Date('2026-12-31T14:00:00Z'),
      env: { SESSION_IDLE_MINUTES: '600' },
    });
    s = await scenarioSessions(t);
    stttt = await agencyIdByAbbreviation(t, 'STTTT');
  });
  afterAll(() => t.close());

  const lastNumber = async (session: Session, year: number, series = 'quyet-dinh') => {
    const res = await session.get(
      `/api/documents/registers?agencyId=${stttt}&year=${year}&kind=outgoing`,
    );
    return res.json().items.find((r: { series: string }) => r.series === series)
      .lastNumber as number;
  };

  it('gives two clerks issuing at once consecutive numbers, no gap, no duplicate', async () => {
    const [a, b] = [await signedDecision(t, s), await signedDecision(t, s)];
    const before = await lastNumber(s.vt, 2026);
    const otherClerk = await t.loginAs('vt.stttt');
    const [ra, rb] = await Promise.all([
      s.vt.post(`/api/documents/outgoing/${a}/issue`),
      otherClerk.post(`/api/documents/outgoing/${b}/issue`),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const numbers = [ra.json().number, rb.json().number].sort((x, y) => x - y);
    expect(numbers).toEqual([before + 1, before + 2]);
    expect(await lastNumber(s.vt, 2026)).toBe(before + 2);
    // Each arrived in Long Đức's incoming register with its own number too.
    const longDuc = await agencyIdByGso(t, LONG_DUC);
    const clerk = await t.loginAs('vt.longduc');
    const incoming = (await clerk.get(`/api/documents/incoming?agencyId=${longDuc}`)).json();
    expect(incoming.items.map((i: { number: number }) => i.number).sort()).toEqual([1, 2]);
  });

  it('gives the number back when the issuance fails (no number used, nothing delivered)', async () => {
    const id = await signedDecision(t, s);
    const before = await lastNumber(s.vt, 2026);
    const incomingBefore = await countRows(t, 'incoming');
    const admin = await t.loginAs('admin');
    const certs = (await admin.get('/api/pki/certificates?holderKind=agency')).json().items;
    const cert = certs.find(
      (c: { agencyId: string; status: string }) => c.agencyId === stttt && c.status === 'active',
    );
    expect((await admin.post(`/api/pki/certificates/${cert.id}/suspend`)).statusCode).toBe(200);

    const failed = await s.vt.post(`/api/documents/outgoing/${id}/issue`);
    expect(failed.statusCode).toBeGreaterThanOrEqual(400);
    expect(failed.json().code).toMatch(/^pki\./);
    expect(await lastNumber(s.vt, 2026)).toBe(before);
    expect(await countRows(t, 'incoming')).toBe(incomingBefore);
    expect((await s.vt.get(`/api/documents/outgoing/${id}`)).json()).toMatchObject({
      state: 'signed',
      number: null,
    });

    expect((await admin.post(`/api/pki/certificates/${cert.id}/resume`)).statusCode).toBe(200);
    const issued = await s.vt.post(`/api/documents/outgoing/${id}/issue`);
    expect(issued.json().number).toBe(before + 1);
  });

  it('restarts at 01 on 1 January, local time, in a register created on first use', async () => {
    // 23:30 on 31 December in Trà Vinh (16:30 UTC): still the old year.
    t.clock.set(new Date('2026-12-31T16:30:00Z'));
    const late = await signedDecision(t, s);
    const lateIssued = (await s.vt.post(`/api/documents/outgoing/${late}/issue`)).json();
    expect(lateIssued.issuedOn).toBe('2026-12-31');
    expect(lateIssued.number).toBeGreaterThan(1);

    // 00:30 on 1 January in Trà Vinh (17:30 UTC on 31 December).
    t.clock.set(new Date('2026-12-31T17:30:00Z'));
    const early = await signedDecision(t, s);
    const issued = (await s.vt.post(`/api/documents/outgoing/${early}/issue`)).json();
    expect(issued).toMatchObject({ number: 1, symbol: '01/QĐ-STTTT', issuedOn: '2027-01-01' });
    expect(await lastNumber(s.vt, 2027)).toBe(1);
    expect(await lastNumber(s.vt, 2026)).toBe(lateIssued.number);
  });

  it('numbers an official letter in the default series with the drafting unit', async () => {
    const id = await signedDecision(t, s, {
      typeKey: 'cong-van',
      summary: 'V/v cử cán bộ tham dự tập huấn chuyển đổi số',
      draftingUnit: 'VP',
      authority: null,
      headTitle: null,
      signerPosition: 'PHÓ GIÁM ĐỐC',
    });
    const issued = (await s.vt.post(`/api/documents/outgoing/${id}/issue`)).json();
    expect(issued.symbol).toBe('01/STTTT-VP');
    expect(await lastNumber(s.vt, 2027, 'default')).toBe(1);
  });

  it('lets the clerk open a separate series, carried over to the next year', async () => {
    const saved = await s.vt.put('/api/documents/registers', {
      series: 'ke-hoach',
      name: 'Sổ kế hoạch',
      typeKeys: ['ke-hoach'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2027, series: 'ke-hoach', lastNumber: 0 });
    const taken = await s.vt.put('/api/documents/registers', {
      series: 'khac',
      name: 'Sổ khác',
      typeKeys: ['quyet-dinh'],
    });
    expect(taken.json().code).toBe('document.series_type_taken');
    const next = await s.vt.get(
      `/api/documents/registers?agencyId=${stttt}&year=2028&kind=outgoing`,
    );
    expect(
      next
        .json()
        .items.map((r: { series: string }) => r.series)
        .sort(),
    ).toEqual(['default', 'ke-hoach', 'quyet-dinh']);
    // A specialist may not configure registers.
    expect(
      (await s.cv.put('/api/documents/registers', { series: 'x', name: 'x' })).statusCode,
    ).toBe(403);
  });
});
