import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
let admin: Session;
let specialist: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  specialist = await t.loginAs('cv.stttt');
});
afterAll(() => t?.close());

/** Instants in a query string: '+' must be escaped or it reads as a space. */
const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

const auditEvents = (targetId: string) =>
  t.db
    .selectFrom('audit.events')
    .selectAll()
    .where('targetType', '=', 'calendar.day')
    .where('targetId', '=', targetId)
    .orderBy('seq')
    .execute();

const holiday = { kind: 'holiday', name: 'Nghỉ Quốc khánh (thêm)', isDayOff: true };

describe('GET /api/calendar/days', () => {
  it('lists the seeded days of a year', async () => {
    const res = await specialist.get('/api/calendar/days?year=2025');
    expect(res.statusCode).toBe(200);
    const { year, items } = res.json();
    expect(year).toBe(2025);
    const byDate = new Map(items.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2025-04-26')).toMatchObject({
      kind: 'makeup_workday',
      isDayOff: false,
      status: 'official_verified',
    });
    expect(byDate.get('2025-05-02')).toMatchObject({ kind: 'swapped_day_off', isDayOff: true });
    expect(byDate.get('2025-01-29')).toMatchObject({ kind: 'tet_break', isDayOff: true });
    expect(items.map((d: { date: string }) => d.date)).toEqual([...byDate.keys()].sort());
  });

  it('rejects a year out of range or missing', async () => {
    expect((await specialist.get('/api/calendar/days?year=1999')).json().code).toBe(
      'http.validation_failed',
    );
    expect((await specialist.get('/api/calendar/days')).statusCode).toBe(400);
  });

  it('needs a session', async () => {
    const res = await t.anonymous.get('/api/calendar/days?year=2025');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
  });
});

describe('deadlines', () => {
  it('computes a due date over the 2025 swap: a Friday after the cut-off counts from the make-up Saturday', async () => {
    const res = await specialist.get(
      `/api/calendar/due-date?${q({ start: '2025-04-25T16:30:00+07:00', days: 1 })}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: '2025-04-25T09:30:00.000Z',
      countedFrom: '2025-04-26',
      dueDate: '2025-04-28',
      due: '2025-04-28T10:00:00.000Z',
    });
    const tet = await specialist.get(
      `/api/calendar/due-date?${q({ start: '2026-02-13T15:59:00+07:00', days: 1 })}`,
    );
    expect(tet.json()).toMatchObject({ countedFrom: '2026-02-13', dueDate: '2026-02-23' });
  });

  it('counts working days between two instants', async () => {
    const res = await specialist.get(
      `/api/calendar/working-days?${q({ from: '2021-02-05T10:00:00+07:00', to: '2021-02-22T10:00:00+07:00' })}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ days: 6 });
  });

  it('rejects a bad period, an instant without offset, and years out of range', async () => {
    const bad = async (url: string) => (await specialist.get(url)).json().code;
    expect(
      await bad(`/api/calendar/due-date?${q({ start: '2025-04-25T10:00:00+07:00', days: -1 })}`),
    ).toBe('http.validation_failed');
    expect(
      await bad(`/api/calendar/due-date?${q({ start: '2025-04-25T10:00:00', days: 1 })}`),
    ).toBe('http.validation_failed');
    expect(
      await bad(`/api/calendar/due-date?${q({ start: '1999-04-25T10:00:00Z', days: 1 })}`),
    ).toBe('calendar.out_of_range');
    expect(
      await bad(
        `/api/calendar/working-days?${q({ from: '2025-01-01T00:00:00Z', to: '2101-06-01T00:00:00Z' })}`,
      ),
    ).toBe('calendar.out_of_range');
  });

  it('publishes its settings', async () => {
    const res = await specialist.get('/api/calendar/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      cutoffHour: 16,
      officeCloseHour: 17,
    });
    expect((await t.anonymous.get('/api/calendar/settings')).statusCode).toBe(401);
  });
});

describe('PUT and DELETE /api/calendar/days/:date', () => {
  const due = async () =>
    (
      await specialist.get(
        `/api/calendar/due-date?${q({ start: '2026-08-28T10:00:00+07:00', days: 1 })}`,
      )
    ).json();

  it('adds a day off, audited in the same change, and deadlines follow at once', async () => {
    expect((await due()).dueDate).toBe('2026-08-31'); // loads 2026 into the cache first
    const res = await admin.put('/api/calendar/days/2026-08-31', {
      ...holiday,
      source: 'CV 0000/VPCP-KGVX',
    });
    expect(res.statusCode).toBe(200);
    const me = (await admin.get('/api/me')).json();
    expect(res.json()).toMatchObject({
      date: '2026-08-31',
      status: 'set_by_admin',
      updatedBy: me.id,
      note: null,
    });
    expect((await due()).dueDate).toBe('2026-09-03');

    const [created] = await auditEvents('2026-08-31');
    expect(created).toMatchObject({
      action: 'calendar.day_create',
      actorUserId: me.id,
      before: null,
    });
    expect(created?.after).toMatchObject({
      kind: 'holiday',
      isDayOff: true,
      source: 'CV 0000/VPCP-KGVX',
    });
  });

  it('corrects a seeded day, keeping the previous version in the audit log', async () => {
    const res = await admin.put('/api/calendar/days/2026-09-01', {
      ...holiday,
      name: 'Quốc khánh (liền kề)',
      note: 'đã có văn bản',
    });
    expect(res.statusCode).toBe(200);
    const [updated] = await auditEvents('2026-09-01');
    expect(updated).toMatchObject({ action: 'calendar.day_update' });
    expect(updated?.before).toMatchObject({ status: 'computed_from_rules' });
    expect(updated?.after).toMatchObject({ status: 'set_by_admin', note: 'đã có văn bản' });
  });

  it('adds a make-up Saturday', async () => {
    const res = await admin.put('/api/calendar/days/2026-09-05', {
      kind: 'makeup_workday',
      name: 'Làm bù',
      isDayOff: false,
    });
    expect(res.statusCode).toBe(200);
    expect((await due()).dueDate).toBe('2026-09-03');
  });

  it.each([
    [
      'a make-up day on a weekday',
      '2026-09-07',
      { kind: 'makeup_workday', name: 'Làm bù', isDayOff: false },
      'calendar.invalid_day',
    ],
    [
      'a make-up day marked off',
      '2026-09-12',
      { kind: 'makeup_workday', name: 'Làm bù', isDayOff: true },
      'calendar.invalid_day',
    ],
    ['a holiday not off', '2026-09-08', { ...holiday, isDayOff: false }, 'calendar.invalid_day'],
    ['a year out of range', '1999-09-08', holiday, 'calendar.invalid_day'],
    ['a date that does not exist', '2026-02-30', holiday, 'http.validation_failed'],
    [
      'an unknown field',
      '2026-09-08',
      { ...holiday, status: 'official_verified' },
      'http.validation_failed',
    ],
    ['an empty name', '2026-09-08', { ...holiday, name: ' ' }, 'http.validation_failed'],
    ['an unknown kind', '2026-09-08', { ...holiday, kind: 'birthday' }, 'http.validation_failed'],
  ])('refuses %s and writes nothing', async (_, date, body, code) => {
    const before = (await admin.get('/api/calendar/days?year=2026')).json().items;
    const res = await admin.put(`/api/calendar/days/${date}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
    expect((await admin.get('/api/calendar/days?year=2026')).json().items).toEqual(before);
    expect(await auditEvents(date)).toEqual([]);
  });

  it('deletes a day, audited, and answers 404 for a day not there', async () => {
    const res = await admin.delete('/api/calendar/days/2026-08-31');
    expect(res.statusCode).toBe(204);
    expect((await due()).dueDate).toBe('2026-08-31'); // Monday 31/8 is a working day again
    const events = await auditEvents('2026-08-31');
    expect(events.at(-1)).toMatchObject({ action: 'calendar.day_delete', after: null });
    expect(events.at(-1)?.before).toMatchObject({ kind: 'holiday' });

    const again = await admin.delete('/api/calendar/days/2026-08-31');
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('calendar.day_not_found');
  });

  it('is for the department admin only', async () => {
    for (const res of [
      await specialist.put('/api/calendar/days/2026-09-08', holiday),
      await specialist.delete('/api/calendar/days/2026-09-02'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
    const anon = await t.anonymous.put('/api/calendar/days/2026-09-08', holiday);
    expect(anon.statusCode).toBe(401);
    expect(
      (await admin.get('/api/calendar/days?year=2026'))
        .json()
        .items.map((d: { date: string }) => d.date),
    ).toContain('2026-09-02');
  });
});
