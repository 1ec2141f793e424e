import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  bombPdf,
  countRows,
  decisionForm,
  idem,
  javascriptPdf,
  malformedPdf,
  plainPdf,
  uploadDocument,
} from '../../../test/helpers/documents.js';
import { userIdOf } from '../../../test/helpers/pki.js';

/** Scope (404 outside the agency), permissions (403), classified documents, bad files. */
describe('documents: who may do what, and what never enters', () => {
  let t: TestApp;
  let cv: Session;
  let vtLongDuc: Session;
  let stttt: string;
  let draftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    cv = await t.loginAs('cv.stttt');
    vtLongDuc = await t.loginAs('vt.longduc');
    stttt = await agencyIdByAbbreviation(t, 'STTTT');
    const res = await cv.post('/api/documents/outgoing', await decisionForm(t), idem());
    expect(res.statusCode).toBe(201);
    draftId = res.json().id;
  });
  afterAll(() => t.close());

  it("keeps agency A's registers and documents out of agency B's clerk's sight (404)", async () => {
    const registers = await vtLongDuc.get(`/api/documents/registers?agencyId=${stttt}`);
    expect(registers.statusCode).toBe(404);
    expect(registers.json().code).toBe('document.not_found');
    expect((await vtLongDuc.get(`/api/documents/outgoing/${draftId}`)).statusCode).toBe(404);
    expect((await vtLongDuc.get(`/api/documents/outgoing/${draftId}/file`)).statusCode).toBe(404);
    expect((await vtLongDuc.get(`/api/documents/outgoing?agencyId=${stttt}`)).statusCode).toBe(404);
    expect((await vtLongDuc.get(`/api/documents/incoming?agencyId=${stttt}`)).statusCode).toBe(404);
    // Their own lists never carry A's documents.
    const own = (await vtLongDuc.get('/api/documents/outgoing')).json();
    expect(own.items.map((d: { id: string }) => d.id)).not.toContain(draftId);
    // Even with the permission, acting on A's document is a 404.
    expect((await vtLongDuc.post(`/api/documents/outgoing/${draftId}/issue`)).statusCode).toBe(404);
  });

  it("keeps a draft to its chain: the agency's clerk sees it neither alone nor in lists", async () => {
    const vt = await t.loginAs('vt.stttt');
    expect((await vt.get(`/api/documents/outgoing/${draftId}`)).statusCode).toBe(404);
    expect((await vt.get(`/api/documents/outgoing/${draftId}/file`)).statusCode).toBe(404);
    const listed = (await vt.get('/api/documents/outgoing')).json();
    expect(listed.items.map((d: { id: string }) => d.id)).not.toContain(draftId);
    // The drafter sees it, and so does the leader once named reviewer (scenario tests).
    expect((await cv.get(`/api/documents/outgoing/${draftId}`)).statusCode).toBe(200);
    const own = (await cv.get('/api/documents/outgoing')).json();
    expect(own.items.map((d: { id: string }) => d.id)).toContain(draftId);
  });

  it('refuses by permission: a specialist cannot issue, sign, approve, direct or register (403)', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const cases: [string, string, unknown][] = [
      ['POST', `/api/documents/outgoing/${draftId}/issue`, undefined],
      ['POST', `/api/documents/outgoing/${draftId}/recall`, { reason: 'x' }],
      ['POST', `/api/documents/outgoing/${draftId}/sign`, { pin: '123456', otp: '123456' }],
      ['POST', `/api/documents/outgoing/${draftId}/review`, { decision: 'approve' }],
      ['POST', `/api/documents/incoming/${id}/direct`, { leadUserId: id }],
      ['POST', `/api/documents/incoming/${id}/return`, { reason: 'x' }],
      ['PUT', '/api/documents/registers', { series: 'x', name: 'x' }],
      ['GET', '/api/documents/stats?from=2026-01-01&to=2026-12-31', undefined],
    ];
    for (const [method, url, body] of cases) {
      const res = await cv.request(method as 'POST', url, body);
      expect([url, res.statusCode]).toEqual([url, 403]);
    }
    const clerk = await t.loginAs('vt.stttt');
    expect(
      (await clerk.post('/api/documents/outgoing', await decisionForm(t), idem())).statusCode,
    ).toBe(403);
    expect(
      (await clerk.post(`/api/documents/incoming/${id}/notes`, { note: 'x' })).statusCode,
    ).toBe(403);
    expect((await t.anonymous.get('/api/documents/outgoing')).statusCode).toBe(401);
    const citizen = await t.loginAs('congdan');
    expect((await citizen.get('/api/documents/incoming')).statusCode).toBe(403);
  });

  it('refuses classified documents at every entry point, storing nothing', async () => {
    const before = await countRows(t, 'documents');
    for (const confidentiality of ['mat', 'toi_mat', 'tuyet_mat']) {
      const composed = await cv.post(
        '/api/documents/outgoing',
        await decisionForm(t, { confidentiality }),
        idem(),
      );
      expect(composed.statusCode).toBe(400);
      expect(composed.json().code).toBe('document.classified_refused');
    }
    const meta = { ...(await decisionForm(t, { confidentiality: 'mat' })), body: undefined };
    const uploaded = await uploadDocument(cv, '/api/documents/outgoing/upload', meta, {
      name: 'mat.pdf',
      data: await plainPdf(),
    });
    expect(uploaded.json().code).toBe('document.classified_refused');
    const clerk = await t.loginAs('vt.stttt');
    const registered = await uploadDocument(
      clerk,
      '/api/documents/incoming',
      {
        source: 'paper',
        issuerName: 'Bộ Công an',
        typeKey: 'cong-van',
        symbol: '12/BCA-A05',
        issuedOn: '2026-11-20',
        summary: 'Văn bản mật',
        confidentiality: 'toi_mat',
      },
      { name: 'mat.pdf', data: await plainPdf() },
    );
    expect(registered.json().code).toBe('document.classified_refused');
    expect(await countRows(t, 'documents')).toBe(before);
  });

  it('rejects a PDF bomb, a malformed PDF, a PDF with JavaScript and a non-PDF, storing nothing', async () => {
    const before = [await countRows(t, 'documents'), await countRows(t, 'versions')];
    const meta = { ...(await decisionForm(t)), body: undefined, extraRecipientLines: undefined };
    const bad: [string, Uint8Array, string][] = [
      ['bomb.pdf', bombPdf(100), 'bomb'],
      ['broken.pdf', malformedPdf(), 'malformed'],
      ['script.pdf', await javascriptPdf(), 'javascript'],
    ];
    for (const [name, data, reason] of bad) {
      const res = await uploadDocument(cv, '/api/documents/outgoing/upload', meta, { name, data });
      expect([name, res.statusCode, res.json().code, res.json().reason]).toEqual([
        name,
        400,
        'document.pdf_rejected',
        reason,
      ]);
    }
    const html = await uploadDocument(cv, '/api/documents/outgoing/upload', meta, {
      name: 'page.pdf',
      data: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(415);
    expect([await countRows(t, 'documents'), await countRows(t, 'versions')]).toEqual(before);
    // The server is still fine: a good PDF goes through, and a repeat of it is a replay.
    const key = idem();
    const data = await plainPdf();
    const ok = await uploadDocument(
      cv,
      '/api/documents/outgoing/upload',
      meta,
      { name: 'ok.pdf', data },
      key,
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().versions[0]).toMatchObject({ version: 1, source: 'pdf', pages: 1 });
    const again = await uploadDocument(
      cv,
      '/api/documents/outgoing/upload',
      meta,
      { name: 'ok.pdf', data },
      key,
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(ok.json().id);
    // The same key for another file is a mistake of the client.
    const other = await uploadDocument(
      cv,
      '/api/documents/outgoing/upload',
      meta,
      { name: 'ok.pdf', data: await plainPdf('x') },
      key,
    );
    expect(other.json().code).toBe('idempotency.key_reused');
  });

  it('checks the signer and reviewers against the agency', async () => {
    const otherLeader = await userIdOf(t, 'ld.longduc');
    const res = await cv.post(
      '/api/documents/outgoing',
      await decisionForm(t, { signerUserId: otherLeader }),
      idem(),
    );
    expect(res.json().code).toBe('document.bad_signer');
    const submit = await cv.post(`/api/documents/outgoing/${draftId}/submit`, {
      reviewerUserIds: [otherLeader],
    });
    expect(submit.json().code).toBe('document.bad_reviewer');
    const noTitle = await cv.post(
      '/api/documents/outgoing',
      await decisionForm(t, { headTitle: null }),
      idem(),
    );
    expect(noTitle.json().code).toBe('document.head_title_required');
  });
});
