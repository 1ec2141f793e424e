import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  decisionForm,
  idem,
  plainPdf,
  scenarioSessions,
  signedDecision,
  uploadDocument,
} from '../../../../test/helpers/documents.js';

type Hit = { id: string; summary: string; incomingId: string | null; snippet: string | null };

async function register(clerk: Session, meta: Record<string, unknown>, pdfText: string) {
  const res = await uploadDocument(
    clerk,
    '/api/documents/incoming',
    { source: 'paper', issuerName: 'Ủy ban nhân dân tỉnh Trà Vinh', ...meta },
    { name: 'van-ban.pdf', data: await plainPdf(pdfText) },
  );
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return { id: res.json().document.id as string, registerId: res.json().registerId as string };
}

describe('document search: accent-insensitive, filtered, scoped, saved', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let vtLongDuc: Session;
  let decision: { id: string; registerId: string };
  let letter: { id: string; registerId: string };

  const ids = (res: { json(): { items: Hit[] } }) => res.json().items.map((h) => h.id);
  const find = (session: Session, query: Record<string, string>) =>
    session.get(`/api/documents/search?${new URLSearchParams(query).toString()}`);

  beforeAll(async () => {
    t = await createTestApp();
    s = await scenarioSessions(t);
    vtLongDuc = await t.loginAs('vt.longduc');
    decision = await register(
      s.vt,
      {
        typeKey: 'quyet-dinh',
        symbol: '1234/QĐ-UBND',
        issuedOn: '2026-03-15',
        summary: 'Quyết định về việc phê duyệt Kế hoạch chuyển đổi số năm 2026',
        signerName: 'Lê Văn Hẳn',
        signerPosition: 'Phó Chủ tịch',
      },
      'Dieu 1. Phe duyet he thong quan ly van ban va dieu hanh tinh Tra Vinh',
    );
    letter = await register(
      s.vt,
      {
        typeKey: 'cong-van',
        symbol: '88/UBND-VX',
        issuedOn: '2026-05-20',
        summary: 'Về việc tổ chức hội nghị tổng kết công tác văn thư',
        signerName: 'Nguyễn Thị Hoa',
        signerPosition: 'Chánh Văn phòng',
      },
      'Kinh gui cac So, ban, nganh tinh',
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds "Quyết định về việc" typed without diacritics, in metadata and in the PDF text', async () => {
    const plain = await find(s.vt, { q: 'quyet dinh ve viec' });
    expect(plain.statusCode).toBe(200);
    expect(ids(plain)).toEqual([decision.id]);
    expect(plain.json()).toMatchObject({ total: 1, isTotalCapped: false });
    expect(ids(await find(s.vt, { q: 'QUYẾT ĐỊNH về VIỆC' }))).toEqual([decision.id]);
    // đ folds to d; words are whole, a word ending in * is a prefix.
    expect(ids(await find(s.vt, { q: 'chuyển đổi s' }))).toEqual([]);
    expect(ids(await find(s.vt, { q: 'chuyển đổi s*' }))).toEqual([decision.id]);
    expect(ids(await find(s.vt, { q: 'chuy* đổi' }))).toEqual([decision.id]);
    expect(ids(await find(s.vt, { q: 'chuyen doi' }))).toEqual([decision.id]);
    // Words of the PDF only, with a passage around them.
    const text = await find(s.vt, { q: 'hệ thống quản lý văn bản' });
    expect(ids(text)).toEqual([decision.id]);
    expect(text.json().items[0].snippet).toContain('he thong quan ly van ban');
    // The symbol, the signer and the type's name are searchable too.
    expect(ids(await find(s.vt, { q: '1234/QĐ-UBND' }))).toEqual([decision.id]);
    expect(ids(await find(s.vt, { q: 'nguyen thi hoa' }))).toEqual([letter.id]);
    expect(ids(await find(s.vt, { q: 've viec' })).sort()).toEqual([decision.id, letter.id].sort());
    expect(ids(await find(s.vt, { q: 'khong co tu nay' }))).toEqual([]);
  });

  it('ranks metadata matches above matches in the text', async () => {
    const other = await register(
      s.vt,
      {
        typeKey: 'thong-bao',
        symbol: '5/TB-UBND',
        issuedOn: '2026-06-01',
        summary: 'Thông báo lịch làm việc',
      },
      'Noi dung co nhac den ke hoach chuyen doi so cua tinh',
    );
    const res = await find(s.vt, { q: 'chuyen doi so' });
    expect(ids(res)).toEqual([decision.id, other.id]);
  });

  it('filters by type, period, signer, register, direction and agency', async () => {
    expect(ids(await find(s.vt, { q: 've viec', typeKey: 'cong-van' }))).toEqual([letter.id]);
    expect(ids(await find(s.vt, { q: 've viec', from: '2026-05-01', to: '2026-05-31' }))).toEqual([
      letter.id,
    ]);
    expect(ids(await find(s.vt, { q: 've viec', to: '2026-04-01' }))).toEqual([decision.id]);
    expect(ids(await find(s.vt, { signer: 'le van han' }))).toEqual([decision.id]);
    expect(ids(await find(s.vt, { signer: 'Lê Văn Hẳn', q: 'quyet' }))).toEqual([decision.id]);
    const inRegister = ids(await find(s.vt, { registerId: decision.registerId, q: 've viec' }));
    expect(inRegister.sort()).toEqual([decision.id, letter.id].sort());
    expect(ids(await find(s.vt, { q: 've viec', direction: 'outgoing' }))).toEqual([]);
    expect(ids(await find(s.vt, { q: 've viec', direction: 'incoming' })).sort()).toEqual(
      [decision.id, letter.id].sort(),
    );
    const stttt = await agencyIdByAbbreviation(t, 'STTTT');
    expect(ids(await find(s.vt, { q: 've viec', agencyId: stttt }))).toHaveLength(2);
    // Filters only, newest first; paging.
    const page = await find(s.vt, { dateOf: 'received', limit: '1', offset: '1' });
    expect(page.json()).toMatchObject({ total: 3 });
    expect(page.json().items).toHaveLength(1);
    const past = await find(s.vt, { limit: '10', offset: '50' });
    expect(past.json()).toMatchObject({ items: [], total: 3 });
  });

  it("never shows another agency's documents, nor a draft to a non-participant", async () => {
    expect(ids(await find(vtLongDuc, { q: 'quyet dinh ve viec' }))).toEqual([]);
    expect(ids(await find(vtLongDuc, {}))).toEqual([]);
    const stttt = await agencyIdByAbbreviation(t, 'STTTT');
    const foreign = await find(vtLongDuc, { q: 've viec', agencyId: stttt });
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'document.not_found']);

    const draft = await s.cv.post(
      '/api/documents/outgoing',
      await decisionForm(t, { summary: 'Về việc thí điểm trợ lý ảo Xylophon' }),
      idem(),
    );
    expect(draft.statusCode).toBe(201);
    // The drafter and the designated signer find it; the clerk of the agency does not.
    expect(ids(await find(s.cv, { q: 'xylophon' }))).toEqual([draft.json().id]);
    expect(ids(await find(s.ld, { q: 'xylophon' }))).toEqual([draft.json().id]);
    expect(ids(await find(s.vt, { q: 'xylophon' }))).toEqual([]);
    expect(ids(await find(vtLongDuc, { q: 'xylophon' }))).toEqual([]);
  });

  it('finds an issued decision for the issuer and, in its incoming register, for the receiver', async () => {
    const id = await signedDecision(t, s, { summary: 'Về việc ban hành quy chế Zanthorium' });
    // Signed, not yet issued: the clerks who issue see it (to issue it), the receiver not yet.
    expect(ids(await find(s.vt, { q: 'zanthorium' }))).toEqual([id]);
    expect(ids(await find(vtLongDuc, { q: 'zanthorium' }))).toEqual([]);
    const issued = await s.vt.post(`/api/documents/outgoing/${id}/issue`);
    expect(issued.statusCode).toBe(200);
    const symbol: string = issued.json().symbol;
    const own = await find(s.vt, { q: 'zanthorium', direction: 'outgoing' });
    expect(ids(own)).toEqual([id]);
    expect(ids(await find(s.vt, { q: symbol }))).toEqual([id]);
    const received = await find(vtLongDuc, { q: 'zanthorium' });
    expect(ids(received)).toEqual([id]);
    expect(received.json().items[0]).toMatchObject({
      incomingId: expect.any(String),
      receivedOn: expect.any(String),
    });
    expect(ids(await find(vtLongDuc, { q: 'zanthorium', direction: 'incoming' }))).toEqual([id]);
    expect(ids(await find(vtLongDuc, { q: 'zanthorium', direction: 'outgoing' }))).toEqual([]);
    // Recipient names are searchable for the sender.
    expect(ids(await find(s.vt, { q: 'zanthorium long duc' }))).toEqual([id]);
    // Recalled: gone from the receiver's searches (its register), still the issuer's.
    const recalled = await s.vt.post(`/api/documents/outgoing/${id}/recall`, {
      reason: 'Ban hành nhầm',
    });
    expect(recalled.statusCode).toBe(200);
    expect(ids(await find(vtLongDuc, { q: 'zanthorium' }))).toEqual([]);
    expect(ids(await find(vtLongDuc, { q: 'zanthorium', direction: 'incoming' }))).toEqual([]);
    expect(ids(await find(s.vt, { q: 'zanthorium' }))).toEqual([id]);
  });

  it("saves searches per user, runs them with the reader's scope, deletes them", async () => {
    const created = await s.vt.post('/api/documents/saved-searches', {
      name: 'Quyết định chuyển đổi số',
      criteria: { q: 'chuyen doi so', typeKey: 'quyet-dinh', to: '2026-04-01' },
    });
    expect(created.statusCode).toBe(201);
    const savedId: string = created.json().id;
    expect(created.json().criteria).toMatchObject({ q: 'chuyen doi so', dateOf: 'issued' });
    const dup = await s.vt.post('/api/documents/saved-searches', {
      name: 'Quyết định chuyển đổi số',
      criteria: {},
    });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'document.saved_search_name_taken']);
    expect((await s.vt.get('/api/documents/saved-searches')).json().items).toEqual([
      expect.objectContaining({ id: savedId, name: 'Quyết định chuyển đổi số' }),
    ]);
    const run = await s.vt.get(`/api/documents/saved-searches/${savedId}/results?limit=5`);
    expect(ids(run)).toEqual([decision.id]);

    // Another user sees neither the list entry nor the results, and cannot delete it.
    expect((await s.cv.get('/api/documents/saved-searches')).json().items).toEqual([]);
    expect((await s.cv.get(`/api/documents/saved-searches/${savedId}/results`)).statusCode).toBe(
      404,
    );
    expect((await s.cv.delete(`/api/documents/saved-searches/${savedId}`)).statusCode).toBe(404);

    expect((await s.vt.delete(`/api/documents/saved-searches/${savedId}`)).statusCode).toBe(204);
    const gone = await s.vt.get(`/api/documents/saved-searches/${savedId}/results`);
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'document.saved_search_not_found']);
  });

  it('is for readers of documents only', async () => {
    const citizen = await t.loginAs('congdan');
    expect((await citizen.get('/api/documents/search?q=x')).statusCode).toBe(403);
    expect((await citizen.get('/api/documents/saved-searches')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/documents/search?q=x')).statusCode).toBe(401);
    const bad = await find(s.vt, { limit: '1000' });
    expect(bad.statusCode).toBe(400);
  });
});
