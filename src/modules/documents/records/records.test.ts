import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import {
  decisionForm,
  idem,
  plainPdf,
  uploadDocument,
} from '../../../../test/helpers/documents.js';

/** A paper document registered in the clerk's incoming register; its document id. */
async function registerPaper(clerk: Session, summary: string, symbol: string) {
  const res = await uploadDocument(
    clerk,
    '/api/documents/incoming',
    {
      source: 'paper',
      issuerName: 'Ủy ban nhân dân tỉnh Trà Vinh',
      typeKey: 'cong-van',
      symbol,
      issuedOn: '2026-01-15',
      summary,
      signerName: 'Lê Văn Hẳn',
      signerPosition: 'Phó Chủ tịch',
    },
    { name: 'cv.pdf', data: await plainPdf(`Cong van ${symbol}`) },
  );
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().document.id as string;
}

describe('records: file plan, files, documents filed, closing, transfer', () => {
  let t: TestApp;
  let vt: Session;
  let vtLongDuc: Session;
  let cv: Session;
  let year: number;
  let planId: string;
  let headingQd: string;
  let headingCv: string;
  let fileA: string;
  let fileB: string;
  let doc1: string;
  let doc2: string;

  beforeAll(async () => {
    t = await createTestApp();
    vt = await t.loginAs('vt.stttt');
    vtLongDuc = await t.loginAs('vt.longduc');
    cv = await t.loginAs('cv.stttt');
    year = Number(new Date(t.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 4));
    doc1 = await registerPaper(vt, 'Về việc tổ chức hội nghị A & B <tổng kết>', '15/UBND-VX');
    doc2 = await registerPaper(vt, 'Về việc báo cáo số liệu', '16/UBND-KT');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lays out the annual file plan with its headings', async () => {
    const res = await vt.post('/api/documents/file-plans', {
      year,
      headings: [
        { code: 'QĐ', title: 'Quyết định của Giám đốc Sở' },
        { code: 'CV', title: 'Công văn trao đổi' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({
      year,
      title: `Danh mục hồ sơ năm ${year}`,
      agencyName: 'Sở Thông tin và Truyền thông',
      headingCount: 2,
      fileCount: 0,
      canManage: true,
    });
    headingQd = plan.headings[0].id;
    headingCv = plan.headings[1].id;

    const again = await vt.post('/api/documents/file-plans', { year });
    expect([again.statusCode, again.json().code]).toEqual([409, 'document.file_plan_exists']);
    const added = await vt.post(`/api/documents/file-plans/${planId}/headings`, {
      code: 'TCCB',
      title: 'Tổ chức cán bộ',
    });
    expect(added.json().headings.map((h: { code: string }) => h.code)).toEqual([
      'QĐ',
      'CV',
      'TCCB',
    ]);
    const taken = await vt.post(`/api/documents/file-plans/${planId}/headings`, {
      code: 'CV',
      title: 'Trùng',
    });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'document.heading_code_taken']);
    const bad = await vt.post(`/api/documents/file-plans/${planId}/headings`, {
      code: 'A.B',
      title: 'Dấu chấm',
    });
    expect(bad.statusCode).toBe(400);

    const list = await cv.get(`/api/documents/file-plans?year=${year}`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: planId, headingCount: 3 })]);
  });

  it('opens files with running codes per heading; a repeated request makes nothing new', async () => {
    const key = idem();
    const body = { headingId: headingCv, title: 'Hồ sơ hội nghị tổng kết năm', retention: 10 };
    const res = await vt.post('/api/documents/files', body, key);
    expect(res.statusCode).toBe(201);
    fileA = res.json().id;
    expect(res.json()).toMatchObject({
      code: `01.CV.${year}`,
      state: 'open',
      retention: 10,
      retentionLabel: '10 năm',
      keeper: { name: 'Võ Thị Mai' },
      documentCount: 0,
      actions: ['export', 'update', 'add', 'remove', 'close'],
    });
    const replay = await vt.post('/api/documents/files', body, key);
    expect([replay.statusCode, replay.json().id]).toEqual([200, fileA]);

    const second = await vt.post(
      '/api/documents/files',
      { headingId: headingCv, title: 'Hồ sơ báo cáo thống kê', retention: 'permanent' },
      idem(),
    );
    fileB = second.json().id;
    expect(second.json()).toMatchObject({ code: `02.CV.${year}`, retentionLabel: 'Vĩnh viễn' });
    const qd = await vt.post(
      '/api/documents/files',
      { headingId: headingQd, title: 'Hồ sơ quyết định', retention: 2 },
      idem(),
    );
    expect(qd.json().code).toBe(`01.QĐ.${year}`);

    const keeper = await vt.post(
      '/api/documents/files',
      { headingId: headingQd, title: 'x', retention: 5, keeperUserId: crypto.randomUUID() },
      idem(),
    );
    expect(keeper.json().code).toBe('document.bad_keeper');
  });

  it('files one document in two files without a copy, and refuses what is not fileable', async () => {
    for (const f of [fileA, fileB]) {
      const res = await vt.post(`/api/documents/files/${f}/documents`, { documentId: doc1 });
      expect(res.statusCode).toBe(200);
      expect(res.json().documents).toEqual([
        expect.objectContaining({
          documentId: doc1,
          ordinal: 1,
          direction: 'incoming',
          symbol: '15/UBND-VX',
          typeName: 'Công văn',
          incomingNumber: expect.any(Number),
        }),
      ]);
    }
    await vt.post(`/api/documents/files/${fileA}/documents`, { documentId: doc2 });
    const inBoth = await vt.get(`/api/documents/files?documentId=${doc1}`);
    expect(
      inBoth
        .json()
        .items.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual([fileA, fileB].sort());
    const [{ n }] = (await t.db
      .selectFrom('document.documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', doc1)
      .execute()) as [{ n: number }];
    expect(Number(n)).toBe(1);

    const twice = await vt.post(`/api/documents/files/${fileA}/documents`, { documentId: doc1 });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'document.already_filed']);
    const unknown = await vt.post(`/api/documents/files/${fileA}/documents`, {
      documentId: crypto.randomUUID(),
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'document.not_found']);
    // A document of Long Đức is not found for STTTT's clerk.
    const theirs = await registerPaper(vtLongDuc, 'Văn bản của xã', '01/UBND');
    const foreign = await vt.post(`/api/documents/files/${fileA}/documents`, {
      documentId: theirs,
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'document.not_found']);
    // A draft of the agency is not a record yet.
    const draft = await cv.post('/api/documents/outgoing', await decisionForm(t), idem());
    expect(draft.statusCode).toBe(201);
    const notYet = await vt.post(`/api/documents/files/${fileA}/documents`, {
      documentId: draft.json().id,
    });
    expect([notYet.statusCode, notYet.json().code]).toEqual([409, 'document.not_fileable']);

    const removed = await vt.delete(`/api/documents/files/${fileB}/documents/${doc1}`);
    expect(removed.json().documents).toEqual([]);
    const gone = await vt.delete(`/api/documents/files/${fileB}/documents/${doc1}`);
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'document.not_in_file']);
    const patched = await vt.patch(`/api/documents/files/${fileB}`, { title: 'Hồ sơ báo cáo' });
    expect(patched.json().title).toBe('Hồ sơ báo cáo');
  });

  it('closes a file, which is read-only from then on', async () => {
    const closed = await vt.post(`/api/documents/files/${fileA}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      state: 'closed',
      closedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      documentCount: 2,
      actions: ['export', 'transfer'],
    });
    const refusals = [
      await vt.post(`/api/documents/files/${fileA}/documents`, { documentId: doc2 }),
      await vt.delete(`/api/documents/files/${fileA}/documents/${doc1}`),
      await vt.patch(`/api/documents/files/${fileA}`, { title: 'Đổi tên' }),
      await vt.post(`/api/documents/files/${fileA}/close`),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().code])).toEqual(
      Array(4).fill([409, 'document.file_closed']),
    );
    const view = await vt.get(`/api/documents/files/${fileA}`);
    expect(view.json().documents).toHaveLength(2);
  });

  it('keeps other agencies out (404) and specialists from managing (403)', async () => {
    const foreign = [
      await vtLongDuc.get(`/api/documents/files/${fileB}`),
      await vtLongDuc.get(`/api/documents/file-plans/${planId}`),
      await vtLongDuc.get(`/api/documents/files/${fileB}/export`),
      await vtLongDuc.patch(`/api/documents/files/${fileB}`, { title: 'x' }),
      await vtLongDuc.post(`/api/documents/files/${fileB}/documents`, { documentId: doc2 }),
      await vtLongDuc.delete(`/api/documents/files/${fileA}/documents/${doc1}`),
      await vtLongDuc.post(`/api/documents/files/${fileB}/close`),
      await vtLongDuc.post(`/api/documents/file-plans/${planId}/headings`, {
        code: 'X',
        title: 'x',
      }),
      await vtLongDuc.post(
        '/api/documents/files',
        { headingId: headingCv, title: 'x', retention: 5 },
        idem(),
      ),
    ];
    expect(foreign.map((r) => r.statusCode)).toEqual(Array(foreign.length).fill(404));
    const stttt = (await vt.get(`/api/documents/files/${fileB}`)).json().agencyId;
    const otherPlan = await vtLongDuc.post('/api/documents/file-plans', {
      year,
      agencyId: stttt,
    });
    expect(otherPlan.statusCode).toBe(404);
    expect((await vtLongDuc.get(`/api/documents/files?agencyId=${stttt}`)).statusCode).toBe(404);
    expect((await vtLongDuc.get('/api/documents/files')).json().items).toEqual([]);

    // The specialist reads STTTT's records but cannot manage them.
    expect((await cv.get(`/api/documents/files/${fileB}`)).json().actions).toEqual(['export']);
    const managing = [
      await cv.post('/api/documents/file-plans', { year: year + 1 }),
      await cv.post(`/api/documents/file-plans/${planId}/headings`, { code: 'X', title: 'x' }),
      await cv.post(
        '/api/documents/files',
        { headingId: headingCv, title: 'x', retention: 5 },
        idem(),
      ),
      await cv.patch(`/api/documents/files/${fileB}`, { title: 'x' }),
      await cv.post(`/api/documents/files/${fileB}/documents`, { documentId: doc2 }),
      await cv.delete(`/api/documents/files/${fileB}/documents/${doc2}`),
      await cv.post(`/api/documents/files/${fileB}/close`),
      await cv.post(`/api/documents/files/${fileA}/transfer`, {}),
    ];
    expect(managing.map((r) => [r.statusCode, r.json().code])).toEqual(
      Array(managing.length).fill([403, 'auth.forbidden']),
    );
    const citizen = await t.loginAs('congdan');
    expect((await citizen.get('/api/documents/files')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/documents/file-plans')).statusCode).toBe(401);
  });
  it('lists closed files due for the archive within a year, and records the transfer', async () => {
    // A closed file kept 2 years is not transferred; an open one is not due yet.
    const short = await vt.post(
      '/api/documents/files',
      { headingId: headingQd, title: 'Ngắn hạn', retention: 2 },
      idem(),
    );
    await vt.post(`/api/documents/files/${short.json().id}/close`);
    const early = await vt.post(`/api/documents/files/${fileB}/transfer`, {});
    expect(early.json().code).toBe('document.file_open');
    const notDue = await vt.post(`/api/documents/files/${short.json().id}/transfer`, {});
    expect(notDue.json().code).toBe('document.file_not_transferable');

    const list = await vt.get('/api/documents/archive-transfers');
    expect(list.statusCode).toBe(200);
    const closedOn: string = list.json().items[0].closedOn;
    const dueOn = `${Number(closedOn.slice(0, 4)) + 1}${closedOn.slice(4)}`;
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: fileA, dueOn, isOverdue: false, retention: 10 }),
    ]);
    const before = await vt.get(`/api/documents/archive-transfers?until=${closedOn}`);
    expect(before.json().items).toEqual([]);
    // Specialists read it too; Long Đức's clerk does not see STTTT's list.
    expect((await cv.get('/api/documents/archive-transfers')).json().items).toHaveLength(1);
    const stttt = (await vt.get(`/api/documents/files/${fileA}`)).json().agencyId;
    const other = await vtLongDuc.get(`/api/documents/archive-transfers?agencyId=${stttt}`);
    expect(other.statusCode).toBe(404);

    // A year and a day later it is overdue.
    t.clock.advance(367 * 24 * 3600_000);
    const vtLater = await t.loginAs('vt.stttt');
    const late = await vtLater.get('/api/documents/archive-transfers');
    expect(late.json().items[0]).toMatchObject({ id: fileA, isOverdue: true });
    const done = await vtLater.post(`/api/documents/files/${fileA}/transfer`, {});
    expect(done.json()).toMatchObject({ transferredOn: expect.any(String), actions: ['export'] });
    const again = await vtLater.post(`/api/documents/files/${fileA}/transfer`, {});
    expect(again.json().code).toBe('document.file_transferred');
    expect((await vtLater.get('/api/documents/archive-transfers')).json().items).toEqual([]);
  });
});
