import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  applicant,
  createTestProcedure,
  pdfBytes,
  upload,
} from '../../../test/helpers/dossiers.js';

const textOf = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

// Monday 2 March 2026, 09:00 in Trà Vinh (UTC+7).
const START = new Date('2026-03-02T02:00:00Z');

let t: TestApp;
let admin: Session;
let citizen: Session;
let officer: Session;
let specialist: Session;
let leader: Session;
let procedure: { id: string; code: string };
let longDuc: { id: string; electronicId: string | null };

beforeAll(async () => {
  t = await createTestApp({ start: START });
  admin = await t.loginAs('admin');
  citizen = await t.loginAs('congdan');
  officer = await t.loginAs('mc.longduc');
  specialist = await t.loginAs('cv.longduc');
  leader = await t.loginAs('ld.longduc');
  procedure = await createTestProcedure(t, admin);
  const agency = await t.services.agencies.findByGsoCode(t.db, '29263');
  longDuc = { id: agency!.id, electronicId: agency!.electronicId };
}, 60_000);
afterAll(() => t?.close());

const draftBody = () => ({
  procedureId: procedure.id,
  agencyId: longDuc.id,
  applicant,
  formData: { child_name: 'Trần Minh Khôi' },
});

describe('an online dossier from draft to rated result', () => {
  let id: string;
  let code: string;
  let secret: string;

  it('creates one draft however often the citizen clicks', async () => {
    const key = 'draft-key-0001';
    const [a, b] = await Promise.all([
      citizen.post('/api/portal/dossiers', draftBody(), { 'idempotency-key': key }),
      citizen.post('/api/portal/dossiers', draftBody(), { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    id = a.json().id;
    expect(a.json().state).toBe('draft');
    expect(a.json().code).toBeNull();

    const again = await citizen.post('/api/portal/dossiers', draftBody(), {
      'idempotency-key': key,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);

    const reused = await citizen.post(
      '/api/portal/dossiers',
      { ...draftBody(), formData: { child_name: 'Khác' } },
      { 'idempotency-key': key },
    );
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('idempotency.key_reused');

    const noKey = await citizen.post('/api/portal/dossiers', draftBody());
    expect(noKey.statusCode).toBe(400);
  });

  it('refuses submission while a mandatory paper is missing', async () => {
    const res = await citizen.post(`/api/portal/dossiers/${id}/actions`, { action: 'submit' });
    expect(res.json()).toMatchObject({ code: 'dossier.missing_papers' });
    expect(res.statusCode).toBe(400);
    expect(res.json().papers).toEqual(['to_khai']);
  });

  it('attaches papers and submits: the dossier gets its code and lookup secret', async () => {
    const file = await upload(
      citizen,
      `/api/portal/dossiers/${id}/files`,
      { paperKey: 'to_khai' },
      {
        name: 'Tờ khai.pdf',
        data: pdfBytes(),
      },
    );
    expect(file.statusCode).toBe(201);
    expect(file.json()).toMatchObject({
      purpose: 'paper',
      paperKey: 'to_khai',
      fileName: 'Tờ khai.pdf',
    });

    const res = await citizen.post(`/api/portal/dossiers/${id}/actions`, { action: 'submit' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.state).toBe('submitted');
    expect(body.code).toBe(`${longDuc.electronicId}-260302-0001`);
    expect(body.lookupSecret).toMatch(/^[0-9A-Z]{8}$/);
    code = body.code;
    secret = body.lookupSecret;

    const again = await citizen.get(`/api/portal/dossiers/${id}`);
    expect(again.json().lookupSecret).toBeUndefined();
  });

  it('is in the commune desk queue to receive, and visible by public lookup', async () => {
    const queue = await officer.get('/api/desk/dossiers?queue=to_receive');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((d: { id: string }) => d.id)).toContain(id);
    const counts = await officer.get('/api/desk/counts');
    expect(counts.json().to_receive).toBeGreaterThanOrEqual(1);

    const lookup = await t.anonymous.get(
      `/api/public/dossiers/lookup?code=${code}&secret=${secret.toLowerCase()}`,
    );
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({
      code,
      state: 'submitted',
      applicantName: 'Nguyễn T. H. Nhung',
    });
    const wrong = await t.anonymous.get(`/api/public/dossiers/lookup?code=${code}&secret=AAAAAAAA`);
    expect(wrong.statusCode).toBe(404);
  });

  it('cannot be approved before it is processed (no skipping steps)', async () => {
    const res = await leader.post(`/api/desk/dossiers/${id}/actions`, { action: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('dossier.illegal_transition');
    expect(res.json().allowedActions).toContain('receive');
  });

  it('goes through reception, processing and approval by the right people', async () => {
    t.clock.advance(30 * 60_000);
    const byLeader = await leader.post(`/api/desk/dossiers/${id}/actions`, { action: 'receive' });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().code).toBe('dossier.not_your_step');

    const received = await officer.post(`/api/desk/dossiers/${id}/actions`, {
      action: 'receive',
      note: 'Hồ sơ đầy đủ',
    });
    expect(received.statusCode).toBe(200);
    // Received Monday 2/3 at 10:00: 3 working days → Thursday 5/3 at 17:00 local.
    expect(received.json()).toMatchObject({
      state: 'received',
      dueAt: '2026-03-05T10:00:00.000Z',
      appointmentAt: '2026-03-05T10:00:00.000Z',
      fee: { amountVnd: 20000, status: 'due' },
    });

    const started = await specialist.post(`/api/desk/dossiers/${id}/actions`, { action: 'start' });
    expect(started.statusCode).toBe(200);
    expect(started.json().assignee.name).toBeTruthy();
    const mine = await specialist.get('/api/desk/dossiers?queue=mine');
    expect(mine.json().items.map((d: { id: string }) => d.id)).toContain(id);

    const forwarded = await specialist.post(`/api/desk/dossiers/${id}/actions`, {
      action: 'forward',
      note: 'Đủ điều kiện',
      internalNote: 'Đã đối chiếu sổ hộ tịch',
    });
    expect(forwarded.json()).toMatchObject({ state: 'in_process', stepIndex: 2 });

    const approved = await leader.post(`/api/desk/dossiers/${id}/actions`, { action: 'approve' });
    expect(approved.json()).toMatchObject({ state: 'approved', stepIndex: 3 });
  });

  it('gets its result attached, paid and returned; the citizen downloads it', async () => {
    const result = await upload(
      officer,
      `/api/desk/dossiers/${id}/files`,
      { purpose: 'result' },
      { name: 'Giấy khai sinh.pdf', data: pdfBytes('result') },
    );
    expect(result.statusCode).toBe(201);
    const resultId = result.json().id;

    const early = await citizen.get(`/api/portal/dossiers/${id}/files/${resultId}`);
    expect(early.statusCode).toBe(404);

    const ready = await officer.post(`/api/desk/dossiers/${id}/actions`, {
      action: 'attach_result',
      resultFileId: resultId,
    });
    expect(ready.json()).toMatchObject({ state: 'result_ready', finishKind: 'early' });

    const paid = await officer.post(`/api/desk/dossiers/${id}/fee`, { receiptNo: 'BL-0001' });
    expect(paid.json().fee).toMatchObject({ status: 'paid', receiptNo: 'BL-0001' });
    const twice = await officer.post(`/api/desk/dossiers/${id}/fee`, { receiptNo: 'BL-0002' });
    expect(twice.json().code).toBe('dossier.fee_not_due');

    const returned = await officer.post(`/api/desk/dossiers/${id}/actions`, {
      action: 'return',
      method: 'desk',
    });
    expect(returned.json().state).toBe('returned');

    const download = await citizen.get(`/api/portal/dossiers/${id}/files/${resultId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="Giay khai sinh.pdf"; filename\*=UTF-8''/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdfBytes('result'))).toBe(true);
  });

  it('is rated once, and shows the history without internal notes to the citizen', async () => {
    const rated = await citizen.post(`/api/portal/dossiers/${id}/rating`, {
      rating: 'very_satisfied',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().rating).toBe('very_satisfied');
    const again = await citizen.post(`/api/portal/dossiers/${id}/rating`, {
      rating: 'not_satisfied',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('dossier.already_rated');

    const mine = (await citizen.get(`/api/portal/dossiers/${id}`)).json();
    const actions = mine.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'create',
        'submit',
        'receive',
        'start',
        'forward',
        'approve',
        'attach_result',
        'return',
        'rate',
      ]),
    );
    expect(JSON.stringify(mine.history)).not.toContain('Đã đối chiếu sổ hộ tịch');
    const desk = (await officer.get(`/api/desk/dossiers/${id}`)).json();
    expect(JSON.stringify(desk.history)).toContain('Đã đối chiếu sổ hộ tịch');

    const receipt = await citizen.get(`/api/portal/dossiers/${id}/forms/01`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const receiptText = textOf(receipt.rawPayload);
    expect(receiptText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receiptText).toContain(code);
    expect(receiptText).toContain('Nguyễn Thị Hồng Nhung');
    expect(receiptText).toContain(secret);
    const slipForCitizen = textOf(
      (await citizen.get(`/api/portal/dossiers/${id}/forms/06`)).rawPayload,
    );
    const slipForOfficer = textOf(
      (await officer.get(`/api/desk/dossiers/${id}/forms/06`)).rawPayload,
    );
    expect(slipForOfficer).toContain('Đã đối chiếu sổ hộ tịch');
    expect(slipForCitizen).not.toContain('Đã đối chiếu sổ hộ tịch');
    expect(slipForCitizen).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    const none = await officer.get(`/api/desk/dossiers/${id}/forms/02`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('dossier.form_not_available');

    const inbox = await citizen.get('/api/me/notifications');
    expect(inbox.json().items.some((n: { title: string }) => n.title.includes(code))).toBe(true);
  });
});

describe('a desk dossier that goes late', () => {
  it('is filed at the desk, goes overdue, and gets an apology with a new date', async () => {
    const res = await officer.post(
      '/api/desk/dossiers',
      {
        procedureId: procedure.id,
        channel: 'desk',
        applicant: { ...applicant, fullName: 'Lê Văn Tám', idNumber: '084080009999' },
        formData: { child_name: 'Lê Thị Mai' },
        papersReceived: ['to_khai'],
      },
      { 'idempotency-key': 'desk-key-0001' },
    );
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ state: 'received', channel: 'desk' });
    expect(d.code).toMatch(
      new RegExp(`^${longDuc.electronicId!.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`),
    );

    t.clock.advance(7 * 24 * 3600_000);
    officer = await t.loginAs('mc.longduc'); // the old session has expired meanwhile
    const overdue = await officer.get('/api/desk/dossiers?queue=overdue');
    expect(overdue.json().items.map((x: { id: string }) => x.id)).toContain(d.id);

    const extended = await officer.post(`/api/desk/dossiers/${d.id}/actions`, {
      action: 'extend',
      reason: 'Cần xác minh thêm thông tin hộ tịch',
      extraWorkingDays: 3,
    });
    expect(extended.statusCode).toBe(200);
    expect(new Date(extended.json().appointmentAt).getTime()).toBeGreaterThan(
      new Date(d.appointmentAt).getTime(),
    );
    expect(extended.json().dueAt).toBe(d.dueAt);
    expect(extended.json().overdue).toBe(true);
    const apology = await officer.get(`/api/desk/dossiers/${d.id}/forms/04`);
    expect(apology.statusCode).toBe(200);
    const text = textOf(apology.rawPayload);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Cần xác minh thêm thông tin hộ tịch');
  });
});

describe('the statistics count all of it', () => {
  it('reports the commune’s month exactly, and exports it to Excel', async () => {
    leader = await t.loginAs('ld.longduc');
    const res = await leader.get(
      `/api/stats/dossiers?from=2026-03-01&to=2026-03-31&agencyId=${longDuc.id}&groupBy=procedure`,
    );
    expect(res.statusCode).toBe(200);
    const { total, rows } = res.json();
    expect(total).toMatchObject({
      carriedOver: 0,
      receivedOnline: 1,
      receivedDesk: 1,
      receivedPost: 0,
      received: 2,
      settled: 1,
      settledEarly: 1,
      inProgress: 1,
      inProgressOverdue: 1,
      returned: 1,
      ratedVerySatisfied: 1,
      onlineRatio: 0.5,
      onTimeRatio: 1,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toBe('Thủ tục thử nghiệm đăng ký khai sinh');

    const april = await leader.get(
      `/api/stats/dossiers?from=2026-04-01&to=2026-04-30&agencyId=${longDuc.id}`,
    );
    expect(april.json().total).toMatchObject({ carriedOver: 1, received: 0, inProgress: 1 });

    const xlsx = await leader.get(
      `/api/stats/dossiers.xlsx?from=2026-03-01&to=2026-03-31&agencyId=${longDuc.id}`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(
      'bao-cao-tthc-2026-03-01-2026-03-31.xlsx',
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A4').value).toBe('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    const totalRow = ws.getRow(13);
    expect(totalRow.getCell(2).value).toBe('Tổng cộng');
    expect([3, 5, 6, 8, 9, 12, 14].map((c) => totalRow.getCell(c).value)).toEqual([
      2, 1, 1, 1, 1, 1, 1,
    ]);
  });

  it('hides another agency’s figures: a commune leader cannot open the department', async () => {
    const sttt = await t.services.agencies.findByAbbreviation(t.db, 'STTTT');
    const res = await leader.get(
      `/api/stats/dossiers?from=2026-03-01&to=2026-03-31&agencyId=${sttt!.id}`,
    );
    expect(res.statusCode).toBe(404);
  });
});
