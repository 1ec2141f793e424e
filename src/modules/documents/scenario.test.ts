import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByGso,
  decisionForm,
  DEMO_PIN,
  idem,
  LONG_DUC,
  scenarioSessions,
} from '../../../test/helpers/documents.js';
import { enrolTotp, userIdOf } from '../../../test/helpers/pki.js';

const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/**
 * The scenario over the API: a specialist of STTTT composes a decision, the deputy
 * director approves and signs it "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", the clerk issues it (number,
 * agency signature) and it arrives in Long Đức's incoming register; the chairman directs it
 * to an officer with a deadline, who notes progress and completes it; the sender sees the
 * delivery and read receipts; the issued PDF validates with pdfsig and the public page.
 */
describe('an outgoing decision from drafting to handling at the commune', () => {
  let t: TestApp;
  let documentId: string;
  let incomingId: string;
  let issuedPdf: Buffer;
  let verifyUrl: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'op-documents-'));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is drafted, approved, signed and issued as 01/QĐ-STTTT with both signatures', async () => {
    const s = await scenarioSessions(t);
    const ldId = await userIdOf(t, 'ld.stttt');

    const created = await s.cv.post('/api/documents/outgoing', await decisionForm(t), idem());
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    documentId = draft.id;
    expect(draft).toMatchObject({
      state: 'draft',
      symbolTail: 'QĐ-STTTT',
      authority: 'KT.',
      headTitle: 'GIÁM ĐỐC',
      signerPosition: 'PHÓ GIÁM ĐỐC',
      actions: ['revise', 'submit', 'cancel'],
    });
    expect(draft.type).toMatchObject({ key: 'quyet-dinh', abbreviation: 'QĐ' });
    expect(draft.recipientNames).toEqual(['Ủy ban nhân dân xã Long Đức']);

    const submitted = await s.cv.post(`/api/documents/outgoing/${documentId}/submit`, {
      reviewerUserIds: [ldId],
    });
    expect(submitted.json().state).toBe('in_review');
    // Not the drafter's turn any more; the clerk cannot approve (no permission).
    expect(
      (await s.cv.post(`/api/documents/outgoing/${documentId}/review`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);

    const view = await s.ld.get(`/api/documents/outgoing/${documentId}`);
    // The leader reviews and is the designated signer: who may also cancel the draft.
    expect(view.json().actions).toEqual(['approve', 'return', 'cancel']);
    const approved = await s.ld.post(`/api/documents/outgoing/${documentId}/review`, {
      decision: 'approve',
      comment: 'Đồng ý trình ký',
    });
    expect(approved.json()).toMatchObject({
      state: 'approved',
      actions: ['return', 'sign', 'cancel'],
    });

    // Before the signature the draft is not the clerk's yet: not found for them.
    const early = await s.vt.post(`/api/documents/outgoing/${documentId}/issue`);
    expect(early.statusCode).toBe(404);
    expect(early.json().code).toBe('document.not_found');

    const wrongPin = await s.ld.post(`/api/documents/outgoing/${documentId}/sign`, {
      pin: '000000',
      otp: s.ldOtp(),
    });
    expect(wrongPin.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongPin.json().code).toMatch(/^pki\./);

    const signed = await s.ld.post(`/api/documents/outgoing/${documentId}/sign`, {
      pin: DEMO_PIN,
      otp: s.ldOtp(),
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed', symbol: null, number: null });

    const issued = await s.vt.post(`/api/documents/outgoing/${documentId}/issue`);
    expect(issued.statusCode).toBe(200);
    const doc = issued.json();
    expect(doc).toMatchObject({ state: 'issued', number: 1, symbol: '01/QĐ-STTTT' });
    expect(doc.placeDate).toMatch(/^Trà Vinh, ngày \d{2} tháng \d+ năm \d{4}$/);
    expect(doc.recipients).toHaveLength(1);
    expect(doc.recipients[0]).toMatchObject({ incomingNumber: 1, readAt: null, state: 'received' });
    expect(doc.recipients[0].deliveredAt).not.toBeNull();
    verifyUrl = doc.verifyUrl;
    expect(verifyUrl).toMatch(/\/verify\/[A-Za-z0-9_-]{16,}$/);

    const file = await s.vt.get(`/api/documents/outgoing/${documentId}/file?which=issued`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    issuedPdf = file.rawPayload;
  });

  it('arrives in Long Đức’s incoming register, is directed, handled and completed', async () => {
    const longDuc = await agencyIdByGso(t, LONG_DUC);
    const chair = await t.loginAs('ld.longduc');
    const officer = await t.loginAs('cv.longduc');
    const clerk = await t.loginAs('vt.longduc');

    const list = await clerk.get(`/api/documents/incoming?agencyId=${longDuc}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const item = list.json().items[0];
    expect(item).toMatchObject({
      number: 1,
      symbol: '01/QĐ-STTTT',
      state: 'received',
      isValid: true,
    });
    incomingId = item.id;

    const registers = await clerk.get(`/api/documents/registers?agencyId=${longDuc}&kind=incoming`);
    expect(registers.json().items[0]).toMatchObject({ kind: 'incoming', lastNumber: 1 });

    const opened = await chair.get(`/api/documents/incoming/${incomingId}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().signatureCheck).toMatchObject({ isValid: true });
    expect(opened.json().signatureCheck.report.signatures).toHaveLength(2);
    expect(opened.json().actions).toContain('direct');

    const officerId = await userIdOf(t, 'cv.longduc');
    const directed = await chair.post(`/api/documents/incoming/${incomingId}/direct`, {
      leadUserId: officerId,
      instructions: 'Giao công chức Tư pháp tham mưu triển khai.',
      deadline: '2099-12-31',
    });
    expect(directed.statusCode).toBe(200);
    expect(directed.json()).toMatchObject({ state: 'directed' });
    expect(directed.json().direction).toMatchObject({
      leadUserId: officerId,
      deadline: '2099-12-31',
    });

    const mine = await officer.get('/api/documents/incoming?filter=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([incomingId]);
    expect((await officer.get(`/api/documents/incoming/${incomingId}`)).json().actions).toEqual([
      'note',
      'complete',
    ]);
    const noted = await officer.post(`/api/documents/incoming/${incomingId}/notes`, {
      note: 'Đã xây dựng dự thảo kế hoạch của xã.',
    });
    expect(noted.json().state).toBe('in_progress');
    // The chairman directed it; only the lead completes.
    expect(
      (await chair.post(`/api/documents/incoming/${incomingId}/complete`, { note: 'x' }))
        .statusCode,
    ).toBe(403);
    const done = await officer.post(`/api/documents/incoming/${incomingId}/complete`, {
      note: 'Đã ban hành kế hoạch của xã.',
    });
    expect(done.json()).toMatchObject({ state: 'done', isOverdue: false });
    expect(done.json().history.map((h: { action: string }) => h.action)).toEqual([
      'receive',
      'read',
      'direct',
      'note',
      'complete',
    ]);
  });

  it('shows the sender the delivery and the read receipt', async () => {
    const cv = await t.loginAs('cv.stttt');
    const doc = (await cv.get(`/api/documents/outgoing/${documentId}`)).json();
    expect(doc.recipients[0]).toMatchObject({
      name: 'Ủy ban nhân dân xã Long Đức',
      incomingNumber: 1,
      readByName: expect.any(String),
      state: 'done',
    });
    expect(doc.recipients[0].readAt).not.toBeNull();
    expect(doc.history.map((h: { action: string }) => h.action)).toEqual([
      'draft',
      'submit',
      'approve',
      'sign',
      'issue',
    ]);
  });

  it('validates on the public verification page (the QR link), which serves the PDF too', async () => {
    const code = verifyUrl.split('/').pop()!;
    const res = await t.anonymous.get(`/api/public/documents/${code}/verification`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      symbol: '01/QĐ-STTTT',
      isRecalled: false,
      signerName: expect.any(String),
    });
    expect(body.validation.verdict).toBe('valid');
    expect(body.validation.signatures).toHaveLength(2);
    const file = await t.anonymous.get(`/api/public/documents/${code}/file`);
    expect(file.rawPayload.equals(issuedPdf)).toBe(true);
    expect(
      (await t.anonymous.get('/api/public/documents/AAAAAAAAAAAAAAAAAAAAAAAA/verification'))
        .statusCode,
    ).toBe(404);
  });

  it.skipIf(!hasTool('pdfsig') || !hasTool('certutil'))(
    'validates with poppler’s pdfsig trusting the platform’s root',
    async () => {
      const root = await t.anonymous.get('/pki/ca/root.crt');
      expect(root.statusCode).toBe(200);
      const rootFile = path.join(dir, 'root.crt');
      writeFileSync(rootFile, root.rawPayload);
      const nss = path.join(dir, 'nss');
      spawnSync('mkdir', ['-p', nss]);
      const init = spawnSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
      expect(init.status).toBe(0);
      const trust = spawnSync('certutil', [
        '-A',
        '-d',
        `sql:${nss}`,
        '-n',
        'root',
        '-t',
        'CT,C,C',
        '-a',
        '-i',
        rootFile,
      ]);
      if (trust.status !== 0) {
        // DER rather than PEM.
        const der = spawnSync('certutil', [
          '-A',
          '-d',
          `sql:${nss}`,
          '-n',
          'root',
          '-t',
          'CT,C,C',
          '-i',
          rootFile,
        ]);
        expect(der.status).toBe(0);
      }
      const pdfFile = path.join(dir, 'issued.pdf');
      writeFileSync(pdfFile, issuedPdf);
      const out = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, pdfFile], { encoding: 'utf8' });
      // pdfsig exits 0 even when a signature fails: read what it says.
      const text = `${out.stdout}${out.stderr}`;
      const signatures = text.split(/^Signature #\d+:/m).slice(1);
      expect(signatures).toHaveLength(2);
      for (const s of signatures) {
        expect(s).toContain('Signature Validation: Signature is Valid.');
        expect(s).toContain('Certificate Validation: Certificate is Trusted.');
      }
      expect(text).not.toMatch(/Digest Mismatch|not Valid/i);
    },
  );

  it('gives a leader of another agency nothing to sign (404)', async () => {
    const cv = await t.loginAs('cv.stttt');
    const created = await cv.post('/api/documents/outgoing', await decisionForm(t), idem());
    const id = created.json().id;
    await cv.post(`/api/documents/outgoing/${id}/submit`, { reviewerUserIds: [] });
    const other = await t.loginAs('ld.longduc');
    const otp = await enrolTotp(t, other);
    const res = await other.post(`/api/documents/outgoing/${id}/sign`, {
      pin: DEMO_PIN,
      otp: otp(),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('document.not_found');
  });
});
