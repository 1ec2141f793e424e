import { spawnSync } from 'node:child_process';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  agencyIdByGso,
  countRows,
  decisionForm,
  idem,
  LONG_DUC,
  plainPdf,
  scenarioSessions,
  signedDecision,
  uploadDocument,
} from '../../../test/helpers/documents.js';
import { userIdOf } from '../../../test/helpers/pki.js';

const titles = async (s: Session) =>
  (await s.get('/api/me/notifications?limit=20'))
    .json()
    .items.map((n: { title: string }) => n.title) as string[];

/** A tiny Word document (what a drafter's word processor saves), zipped by hand. */
async function tinyDocx(text: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '[Content_Types].xml',
  );
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    '_rels/.rels',
  );
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
    'word/document.xml',
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('incoming documents: recall, replacement, return, paper registration, reminders', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let chair: Session;
  let officer: Session;
  let clerk: Session;
  let longDuc: string;

  beforeAll(async () => {
    // 09:00 on Tuesday 1 December 2026 in Trà Vinh.
    t = await createTestApp({
      start: new Date('2026-12-01T02:00:00Z'),
      env: { SESSION_IDLE_MINUTES: '1440', SESSION_TTL_HOURS: '96' },
    });
    s = await scenarioSessions(t);
    chair = await t.loginAs('ld.longduc');
    officer = await t.loginAs('cv.longduc');
    clerk = await t.loginAs('vt.longduc');
    longDuc = await agencyIdByGso(t, LONG_DUC);
  });
  afterAll(() => t.close());

  const issue = async (overrides: Record<string, unknown> = {}) => {
    const id = await signedDecision(t, s, overrides);
    const res = await s.vt.post(`/api/documents/outgoing/${id}/issue`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const entryOf = async (documentId: string) =>
    (await clerk.get(`/api/documents/incoming?agencyId=${longDuc}`))
      .json()
      .items.find((i: { documentId: string }) => i.documentId === documentId);

  it('recalls an issued document: it disappears at the receiver, with a notice; a replacement links both ways', async () => {
    const doc = await issue();
    const entry = await entryOf(doc.id);
    expect(entry).toBeDefined();
    expect(
      (await s.cv.post(`/api/documents/outgoing/${doc.id}/recall`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const recalled = await s.vt.post(`/api/documents/outgoing/${doc.id}/recall`, {
      reason: 'Sai thẩm quyền ban hành',
    });
    expect(recalled.json()).toMatchObject({
      state: 'recalled',
      recallReason: 'Sai thẩm quyền ban hành',
    });
    expect(await entryOf(doc.id)).toBeUndefined();
    expect((await clerk.get(`/api/documents/incoming/${entry.id}`)).statusCode).toBe(404);
    expect(await titles(clerk)).toContain(`Thu hồi văn bản ${doc.symbol}`);
    const code = doc.verifyUrl.split('/').pop();
    expect(
      (await t.anonymous.get(`/api/public/documents/${code}/verification`)).json().isRecalled,
    ).toBe(true);

    const replacement = await issue({
      replacesId: doc.id,
      summary: 'Về việc ban hành Kế hoạch (thay thế)',
    });
    expect(replacement.replacesId).toBe(doc.id);
    expect((await s.vt.get(`/api/documents/outgoing/${doc.id}`)).json().replacedById).toBe(
      replacement.id,
    );
    expect(replacement.number).toBe(doc.number + 1);
    const notRecalled = await s.cv.post(
      '/api/documents/outgoing',
      await decisionForm(t, { replacesId: replacement.id }),
      idem(),
    );
    expect(notRecalled.json().code).toBe('document.replaces_not_recalled');
  });

  it('returns an e-document to its sender with a reason; the sender sees it', async () => {
    const doc = await issue();
    const entry = await entryOf(doc.id);
    expect(
      (await chair.post(`/api/documents/incoming/${entry.id}/return`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const returned = await clerk.post(`/api/documents/incoming/${entry.id}/return`, {
      reason: 'Chữ ký số không hợp lệ',
    });
    expect(returned.json()).toMatchObject({
      state: 'returned',
      returnReason: 'Chữ ký số không hợp lệ',
    });
    const sender = (await s.vt.get(`/api/documents/outgoing/${doc.id}`)).json();
    expect(sender.recipients[0]).toMatchObject({
      state: 'returned',
      returnReason: 'Chữ ký số không hợp lệ',
    });
    expect(sender.history.map((h: { action: string }) => h.action)).toContain(
      'returned_by_recipient',
    );
    expect(await titles(s.vt)).toContain(`Văn bản ${doc.symbol} bị trả lại`);
  });

  it('registers a paper document with the next incoming number; an unsigned PDF shows as unsigned', async () => {
    const res = await uploadDocument(
      clerk,
      '/api/documents/incoming',
      {
        source: 'paper',
        issuerName: 'Ủy ban nhân dân thành phố Trà Vinh',
        typeKey: 'cong-van',
        symbol: '215/UBND-VP',
        number: 215,
        issuedOn: '2026-11-25',
        summary: 'V/v rà soát hộ nghèo cuối năm',
        urgency: 'khan',
      },
      { name: 'cv215.pdf', data: await plainPdf('Cong van 215') },
    );
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({ source: 'paper', state: 'received', year: 2026 });
    expect(entry.signatureCheck).toMatchObject({ isValid: null });
    expect(entry.signatureCheck.report.verdict).toBe('unsigned');
    expect(entry.document).toMatchObject({
      origin: 'external',
      symbol: '215/UBND-VP',
      urgency: 'khan',
    });
    const numbers = (await clerk.get(`/api/documents/incoming?agencyId=${longDuc}`))
      .json()
      .items.map((i: { number: number }) => i.number);
    expect(Math.max(...numbers)).toBe(entry.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    // The clerk of another agency cannot see it.
    expect((await s.vt.get(`/api/documents/incoming/${entry.id}`)).statusCode).toBe(404);
  });

  it("directs to a lead unit under the receiving agency, whose officials handle it; another agency's unit is refused", async () => {
    const res = await uploadDocument(
      s.vt,
      '/api/documents/incoming',
      {
        source: 'email',
        issuerName: 'Bộ Thông tin và Truyền thông',
        typeKey: 'cong-van',
        symbol: '4051/BTTTT-CĐSQG',
        issuedOn: '2026-11-27',
        summary: 'V/v triển khai nền tảng số dùng chung',
      },
      { name: 'cv4051.pdf', data: await plainPdf('Cong van 4051') },
    );
    expect(res.statusCode).toBe(201);
    const entryId = res.json().id;
    const stttt = await agencyIdByAbbreviation(t, 'STTTT');
    const units = (await s.vt.get(`/api/agencies?parentId=${stttt}`)).json();
    const centre = (units.items ?? units).find((u: { name: string }) =>
      u.name.startsWith('Trung tâm Công nghệ thông tin'),
    );
    expect(centre).toBeDefined();

    const elsewhere = await s.ld.post(`/api/documents/incoming/${entryId}/direct`, {
      leadAgencyId: longDuc,
      instructions: 'Xử lý',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().code).toBe('document.bad_assignee');

    const directed = await s.ld.post(`/api/documents/incoming/${entryId}/direct`, {
      leadAgencyId: centre.id,
      instructions: 'Trung tâm chủ trì, tham mưu triển khai.',
    });
    expect(directed.statusCode).toBe(200);
    expect(directed.json().direction).toMatchObject({ leadAgencyId: centre.id });
    // The specialist's role covers the Department's subtree, the centre included: they lead it.
    const noted = await s.cv.post(`/api/documents/incoming/${entryId}/notes`, {
      note: 'Đã xây dựng dự thảo kế hoạch triển khai.',
    });
    expect(noted.statusCode).toBe(200);
    const done = await s.cv.post(`/api/documents/incoming/${entryId}/complete`, {
      note: 'Đã trình kế hoạch.',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().state).toBe('done');
  });

  it('takes a new version after a return, and converts a DOCX when LibreOffice is there', async () => {
    const created = await s.cv.post('/api/documents/outgoing', await decisionForm(t), idem());
    const id = created.json().id;
    await s.cv.post(`/api/documents/outgoing/${id}/submit`, {
      reviewerUserIds: [await userIdOf(t, 'ld.stttt')],
    });
    const noComment = await s.ld.post(`/api/documents/outgoing/${id}/review`, {
      decision: 'return',
    });
    expect(noComment.json().code).toBe('document.comment_required');
    const back = await s.ld.post(`/api/documents/outgoing/${id}/review`, {
      decision: 'return',
      comment: 'Sửa Điều 2',
    });
    expect(back.json()).toMatchObject({ state: 'returned', actions: ['cancel'] });
    const form = await decisionForm(t);
    const { agencyId: _a, ...revision } = { ...form, agencyId: undefined };
    const v2 = await s.cv.post(`/api/documents/outgoing/${id}/versions`, {
      ...revision,
      body: [...form.body, 'Điều 3. Chánh Văn phòng Sở chịu trách nhiệm thi hành.'],
      note: 'Bổ sung Điều 3',
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({ currentVersion: 2, state: 'returned' });

    if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return;
    const docx = await tinyDocx('Dự thảo kế hoạch chuyển đổi số');
    const v3 = await uploadDocument(
      s.cv,
      `/api/documents/outgoing/${id}/versions/upload`,
      undefined,
      {
        name: 'du-thao.docx',
        data: docx,
      },
    );
    expect(v3.statusCode).toBe(200);
    expect(v3.json().versions[2]).toMatchObject({
      version: 3,
      source: 'docx',
      fileName: 'du-thao.pdf',
    });
    const pdf = await s.cv.get(`/api/documents/outgoing/${id}/file?which=3`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);

  it('reminds the day before the deadline and after it passes, once; lists the overdue; counts it', async () => {
    const doc = await issue();
    const entry = await entryOf(doc.id);
    const officerId = await userIdOf(t, 'cv.longduc');
    const coordinator = await userIdOf(t, 'ld.longduc');
    expect(
      (
        await chair.post(`/api/documents/incoming/${entry.id}/direct`, {
          leadUserId: officerId,
          coordinatorUserIds: [coordinator],
          deadline: '2026-12-02',
        })
      ).statusCode,
    ).toBe(200);
    const soon = await t.services.documents.runReminders(t.clock.now());
    expect(soon.dueSoon).toBeGreaterThanOrEqual(1);
    await t.services.documents.runReminders(t.clock.now());
    const reminders = (await titles(officer)).filter((x) => x.startsWith('Sắp đến hạn'));
    expect(reminders).toHaveLength(1);

    t.clock.set(new Date('2026-12-03T02:00:00Z'));
    // Two days later: signed in again.
    officer = await t.loginAs('cv.longduc');
    chair = await t.loginAs('ld.longduc');
    const late = await t.services.documents.runReminders();
    expect(late.overdue).toBeGreaterThanOrEqual(1);
    await t.services.documents.runReminders();
    expect((await titles(officer)).filter((x) => x.startsWith('Quá hạn'))).toHaveLength(1);
    const overdue = (await chair.get('/api/documents/incoming?filter=overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(entry.id);
    expect(overdue.items.every((i: { isOverdue: boolean }) => i.isOverdue)).toBe(true);

    const stats = await chair.get('/api/documents/stats?from=2026-12-01&to=2026-12-31');
    expect(stats.statusCode).toBe(200);
    expect(stats.json().incoming.overdue).toBeGreaterThanOrEqual(1);
    const province = await (
      await t.loginAs('admin')
    ).get('/api/documents/stats?from=2026-12-01&to=2026-12-31');
    expect(province.statusCode).toBe(200);
    const figures = province.json();
    expect(figures.issued).toBeGreaterThanOrEqual(4);
    expect(figures.digitallySigned).toBe(figures.issued);
    expect(figures.byAgencyKind).toContainEqual({ kind: 'department', count: figures.issued });
    expect(figures.communes).toMatchObject({ total: 106, issuing: 0, receiveOnly: 1 });
    expect(figures.communes.receiveOnlyNames).toEqual(['Ủy ban nhân dân xã Long Đức']);
    expect(await agencyIdByAbbreviation(t, 'STTTT')).toBe(figures.byAgency[0].agencyId);

    // Completed after the deadline: late.
    await officer.post(`/api/documents/incoming/${entry.id}/complete`, { note: 'Đã xong' });
    const after = (await chair.get('/api/documents/stats?from=2026-12-01&to=2026-12-31')).json();
    expect(after.incoming.late).toBe(1);
  });
});

describe('drafting a DOCX without LibreOffice', () => {
  it('asks for a PDF (415 document.pdf_required) and stores nothing', async () => {
    const t = await createTestApp({ env: { SOFFICE_PATH: 'off' } });
    try {
      const cv = await t.loginAs('cv.stttt');
      const before = await countRows(t, 'documents');
      const meta = { ...(await decisionForm(t)), body: undefined, extraRecipientLines: undefined };
      const res = await uploadDocument(cv, '/api/documents/outgoing/upload', meta, {
        name: 'du-thao.docx',
        data: await tinyDocx('Dự thảo'),
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('document.pdf_required');
      expect(await countRows(t, 'documents')).toBe(before);
    } finally {
      await t.close();
    }
  });
});
