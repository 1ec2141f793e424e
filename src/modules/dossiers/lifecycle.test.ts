import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import {
  applicant,
  createTestProcedure,
  pdfBytes,
  upload,
} from '../../../test/helpers/dossiers.js';
import { type SmtpCatcher, startSmtpCatcher } from '../../../test/helpers/smtp.js';

// Wednesday 4 March 2026, 08:30 in Trà Vinh.
const START = new Date('2026-03-04T01:30:00Z');
const HOUR = 3600_000;

let t: TestApp;
let smtp: SmtpCatcher;
let admin: Session;
let procedure: { id: string; code: string };
let interAgency: { id: string; code: string };
let longDucId: string;
let sttttId: string;

async function as(username: string): Promise<Session> {
  return t.loginAs(username);
}

/** An online dossier of congdan, submitted (not yet received). */
async function submitted(procedureId: string, key: string): Promise<string> {
  const citizen = await as('congdan');
  const res = await citizen.post(
    '/api/portal/dossiers',
    { procedureId, agencyId: longDucId, applicant, formData: { child_name: 'Bé Na' } },
    { 'idempotency-key': key },
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id;
  await upload(
    citizen,
    `/api/portal/dossiers/${id}/files`,
    { paperKey: 'to_khai' },
    {
      name: 'to-khai.pdf',
      data: pdfBytes(),
    },
  );
  const sub = await citizen.post(`/api/portal/dossiers/${id}/actions`, { action: 'submit' });
  if (sub.statusCode !== 200) throw new Error(sub.body);
  return id;
}

async function act(user: string, id: string, body: Record<string, unknown>) {
  return (await as(user)).post(`/api/desk/dossiers/${id}/actions`, body);
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createTestApp({ start: START, env: { SMTP_URL: smtp.url, JOBS: 'false' } });
  admin = await as('admin');
  longDucId = (await t.services.agencies.findByGsoCode(t.db, '29263'))!.id;
  sttttId = (await t.services.agencies.findByAbbreviation(t.db, 'STTTT'))!.id;
  procedure = await createTestProcedure(t, admin);
  const step = (key: string, role: string, agency: object, share: number, vi: string) => ({
    key,
    name: { vi, en: key },
    role,
    agency,
    sharePercent: share,
  });
  interAgency = await createTestProcedure(t, admin, {
    workflow: [
      step('receive', 'one_stop_officer', { kind: 'receiving' }, 10, 'Tiếp nhận'),
      step('check', 'specialist', { kind: 'receiving' }, 30, 'Thẩm định tại xã'),
      step('verify', 'specialist', { kind: 'agency', agencyId: sttttId }, 30, 'Xác minh tại Sở'),
      step('approve', 'leader', { kind: 'receiving' }, 20, 'Phê duyệt'),
      step('return', 'one_stop_officer', { kind: 'receiving' }, 10, 'Trả kết quả'),
    ],
  });
}, 90_000);
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('supplement and pause stop the clock', () => {
  it('moves the due date by the working days the clock stood still', async () => {
    const id = await submitted(procedure.id, 'life-supp-0001');
    const received = await act('mc.longduc', id, { action: 'receive' });
    // Wed 4/3 08:30 + 3 working days → Mon 9/3, 17:00 local.
    expect(received.json().dueAt).toBe('2026-03-09T10:00:00.000Z');

    // After reception the step's specialist asks for it (the desk asks only before).
    const asked = await act('cv.longduc', id, {
      action: 'request_supplement',
      reason: 'Thiếu giấy chứng sinh',
      papers: ['Giấy chứng sinh bản chính'],
    });
    expect(asked.json()).toMatchObject({ state: 'awaiting_supplement' });
    expect(asked.json().clockStoppedAt).not.toBeNull();

    // Two working days later (Friday 6/3) the citizen supplements.
    t.clock.advance(48 * HOUR);
    const citizen = await as('congdan');
    const file = await upload(
      citizen,
      `/api/portal/dossiers/${id}/files`,
      { paperKey: 'giay_chung_sinh' },
      { name: 'giay-chung-sinh.pdf', data: pdfBytes('gcs') },
    );
    expect(file.json().purpose).toBe('supplement');
    const back = await citizen.post(`/api/portal/dossiers/${id}/actions`, {
      action: 'supplement',
      note: 'Đã bổ sung',
    });
    expect(back.json()).toMatchObject({ state: 'received' });
    // Stopped Wed → Fri: 2 working days; Mon 9/3 + 2 → Wed 11/3.
    expect(back.json().dueAt).toBe('2026-03-11T10:00:00.000Z');
    expect(back.json().appointmentAt).toBe('2026-03-11T10:00:00.000Z');

    await act('cv.longduc', id, { action: 'start' });
    const paused = await act('cv.longduc', id, { action: 'pause', reason: 'Chờ xác minh' });
    expect(paused.json().state).toBe('paused');
    t.clock.advance(24 * HOUR); // Saturday: no working day passes
    t.clock.advance(48 * HOUR); // Monday 9/3: one working day since Friday
    const resumed = await act('cv.longduc', id, { action: 'resume' });
    expect(resumed.json()).toMatchObject({ state: 'in_process', clockStoppedAt: null });
    expect(resumed.json().dueAt).toBe('2026-03-12T10:00:00.000Z');
  });
});

describe('inter-agency (liên thông) steps', () => {
  it('transfers to the department and back, each agency acting on its own step', async () => {
    const id = await submitted(interAgency.id, 'life-transfer-01');
    await act('mc.longduc', id, { action: 'receive' });
    await act('cv.longduc', id, { action: 'start' });
    const sent = await act('cv.longduc', id, { action: 'forward', note: 'Chuyển Sở xác minh' });
    expect(sent.json()).toMatchObject({ state: 'transferred', stepIndex: 2 });
    expect(sent.json().holderAgency.id).toBe(sttttId);

    // The commune specialist can no longer act; the department's can.
    const wrong = await act('cv.longduc', id, { action: 'accept_transfer' });
    expect(wrong.statusCode).toBe(403);
    const dept = await as('cv.stttt');
    const queue = await dept.get('/api/desk/dossiers?queue=in_process');
    expect(queue.json().items.map((d: { id: string }) => d.id)).toContain(id);
    const accepted = await dept.post(`/api/desk/dossiers/${id}/actions`, {
      action: 'accept_transfer',
    });
    expect(accepted.json()).toMatchObject({ state: 'in_process', stepIndex: 2 });
    const back = await dept.post(`/api/desk/dossiers/${id}/actions`, { action: 'forward' });
    expect(back.json()).toMatchObject({ state: 'transferred', stepIndex: 3 });

    const leader = await as('ld.longduc');
    await leader.post(`/api/desk/dossiers/${id}/actions`, { action: 'accept_transfer' });
    const refused = await leader.post(`/api/desk/dossiers/${id}/actions`, {
      action: 'refuse',
      reason: 'Không đủ điều kiện theo kết quả xác minh',
    });
    expect(refused.json()).toMatchObject({ state: 'refused', finishKind: 'refused' });
    const form = await leader.get(`/api/desk/dossiers/${id}/forms/03`);
    expect(form.statusCode).toBe(200);

    // The department still sees the dossier it worked on.
    expect((await dept.get(`/api/desk/dossiers/${id}`)).statusCode).toBe(200);
  });
});

describe('withdrawal, cancellation, assignment and e-mail', () => {
  it('lets the citizen withdraw and the officer cancel, counted as finished', async () => {
    const a = await submitted(procedure.id, 'life-withdraw-1');
    await act('mc.longduc', a, { action: 'receive' });
    const citizen = await as('congdan');
    const withdrawn = await citizen.post(`/api/portal/dossiers/${a}/actions`, {
      action: 'withdraw',
      reason: 'Tôi nộp nhầm thủ tục',
    });
    expect(withdrawn.json().state).toBe('withdrawn');
    const again = await citizen.post(`/api/portal/dossiers/${a}/actions`, {
      action: 'withdraw',
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);

    const b = await submitted(procedure.id, 'life-cancel-01');
    const cancelled = await act('mc.longduc', b, { action: 'cancel', reason: 'Hồ sơ trùng' });
    expect(cancelled.json().state).toBe('cancelled');
    expect(cancelled.json().finishKind).toBeNull(); // never received: not in the report
  });

  it('assigns the step only to someone holding its role there', async () => {
    const id = await submitted(procedure.id, 'life-assign-01');
    await act('mc.longduc', id, { action: 'receive' });
    const leader = await as('ld.longduc');
    const candidates = (await leader.get(`/api/desk/dossiers/${id}/candidates`)).json().items;
    const specialist = candidates.find((c: { fullName: string }) => c.fullName);
    expect(specialist).toBeTruthy();
    const assigned = await leader.post(`/api/desk/dossiers/${id}/assign`, {
      assigneeId: specialist.id,
    });
    expect(assigned.json().assignee.id).toBe(specialist.id);
    const outsiderId = (
      await t.services.identity.listOfficialsWith(t.db, sttttId, 'dossier.process')
    )[0]!.id;
    const bad = await leader.post(`/api/desk/dossiers/${id}/assign`, { assigneeId: outsiderId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('dossier.bad_assignee');
  });

  it('e-mails the applicant each public change through the outbox', async () => {
    const before = smtp.messages.length;
    const result = await t.services.notify.runOutboxOnce();
    expect(result.sent).toBeGreaterThan(0);
    const mail = smtp.messages.slice(before).filter((m) => m.envelope.to.includes(applicant.email));
    expect(mail.length).toBe(result.sent);
    expect(mail.some((m) => /Hồ sơ .*-\d{6}-\d{4}: Đã tiếp nhận/.test(m.subject))).toBe(true);
  });
});
