import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { systemContext } from '../../platform/context.js';
import { createCalendarService } from './service.js';

let t: TestApp;
const ctx = systemContext('calendar-test');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const seedEvents = () =>
  t.db
    .selectFrom('audit.events')
    .select(['seq', 'after'])
    .where('action', '=', 'calendar.seed')
    .execute();

describe('seedHolidays', () => {
  it('loaded the whole file once, in one audited change', async () => {
    const events = await seedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({
      seededYears: [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027],
      inserted: 124,
      skipped: 0,
    });
  });

  it('is idempotent and keeps what the admin changed or deleted', async () => {
    const calendar = t.services.calendar;
    await calendar.upsertDay(t.db, ctx, '2025-01-01', {
      kind: 'holiday',
      name: 'Tết Dương lịch',
      isDayOff: true,
      note: 'kiểm tra',
    });
    await calendar.deleteDay(t.db, ctx, '2027-09-03');
    expect(await calendar.seedHolidays(t.db, ctx)).toEqual({
      seededYears: [],
      inserted: 0,
      skipped: 0,
    });
    expect(await seedEvents()).toHaveLength(1);
    const days2025 = (await calendar.listDays(t.db, 2025)).items;
    expect(days2025.find((d) => d.date === '2025-01-01')).toMatchObject({
      status: 'set_by_admin',
      note: 'kiểm tra',
    });
    const days2027 = (await calendar.listDays(t.db, 2027)).items;
    expect(days2027.map((d) => d.date)).not.toContain('2027-09-03');
  });

  it('loads a new year without touching days already there', async () => {
    const calendar = t.services.calendar;
    // The admin entered a 2028 day before the holiday file had 2028.
    await calendar.upsertDay(t.db, ctx, '2028-01-01', {
      kind: 'holiday',
      name: 'Do quản trị nhập',
      isDayOff: true,
    });
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'calendar-')), 'holidays.csv');
    await writeFile(
      file,
      'date,weekday,year,is_day_off,kind,name_vi,status,source,note\n' +
        '2027-01-01,Thứ Sáu,2027,1,holiday,Tết Dương lịch (khác),computed_from_rules,x,\n' +
        '2028-01-01,Thứ Bảy,2028,1,holiday,Tết Dương lịch,computed_from_rules,x,\n' +
        '2028-01-03,Thứ Hai,2028,1,compensatory,Nghỉ bù,computed_from_rules,x,\n',
    );
    const other = createCalendarService({
      clock: t.clock,
      audit: t.services.audit,
      config: t.config,
      holidayFile: file,
    });
    expect(await other.seedHolidays(t.db, ctx)).toEqual({
      seededYears: [2028],
      inserted: 1,
      skipped: 1,
    });
    const days = (await other.listDays(t.db, 2028)).items;
    expect(days.map((d) => [d.date, d.name])).toEqual([
      ['2028-01-01', 'Do quản trị nhập'],
      ['2028-01-03', 'Nghỉ bù'],
    ]);
    expect(
      (await other.listDays(t.db, 2027)).items.find((d) => d.date === '2027-01-01')?.name,
    ).toBe('Tết Dương lịch');
  });
});

describe('writes', () => {
  it('do not happen when the audit record cannot be written', async () => {
    // Every audit insert fails in the database itself; no part of the code is replaced.
    await sql`ALTER TABLE audit.events ADD CONSTRAINT events_refuse_ck CHECK (false) NOT VALID`.execute(
      t.db,
    );
    try {
      const calendar = t.services.calendar;
      await expect(
        calendar.upsertDay(t.db, ctx, '2026-12-31', {
          kind: 'holiday',
          name: 'Thử',
          isDayOff: true,
        }),
      ).rejects.toThrow(/events_refuse_ck/);
      await expect(calendar.deleteDay(t.db, ctx, '2026-01-01')).rejects.toThrow(/events_refuse_ck/);
      const days = (await calendar.listDays(t.db, 2026)).items.map((d) => d.date);
      expect(days).not.toContain('2026-12-31');
      expect(days).toContain('2026-01-01');
    } finally {
      await sql`ALTER TABLE audit.events DROP CONSTRAINT events_refuse_ck`.execute(t.db);
    }
  });
});

describe('deadlines across years', () => {
  it('loads the next year when the count runs into it', async () => {
    const calendar = t.services.calendar;
    // 2026-12-31 is a Thursday; 1/1/2027 is a holiday, so one working day lands on Monday 4/1.
    const r = await calendar.computeDueDate(t.db, new Date('2026-12-31T10:00:00+07:00'), 1);
    expect(r).toMatchObject({ countedFrom: '2026-12-31', dueDate: '2027-01-04' });
    // Tết 2027 (4–10/2) is inside a 30-working-day period started in December 2026.
    const long = await calendar.computeDueDate(t.db, new Date('2026-12-31T10:00:00+07:00'), 30);
    expect(long.dueDate).toBe('2027-02-19');
    expect(
      await calendar.workingDaysBetween(t.db, new Date('2026-12-31T10:00:00+07:00'), long.due),
    ).toBe(30);
    expect(await calendar.addWorkingDays(t.db, new Date('2026-12-31T10:00:00+07:00'), 30)).toEqual(
      long.due,
    );
  });

  it('refuses a negative period with a domain error', async () => {
    await expect(t.services.calendar.computeDueDate(t.db, new Date(), -1)).rejects.toMatchObject({
      code: 'calendar.invalid_period',
    });
  });
});
