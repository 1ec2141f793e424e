import { beforeAll, describe, expect, it } from 'vitest';
import { readHolidayFile } from './seed-data.js';
import {
  addDays,
  addWorkingDays,
  buildDayRules,
  countWorkingDays,
  type DayRules,
  dueDateOf,
  isWorkingDay,
  localDateOf,
  receptionDay,
  weekdayOf,
  workingDaysBetween,
} from './working-days.js';

const opts = { timeZone: 'Asia/Ho_Chi_Minh', cutoffHour: 16 };
/** A wall-clock time in Vietnam. */
const vn = (local: string): Date => new Date(`${local}+07:00`);

let rules: DayRules;
beforeAll(async () => {
  rules = buildDayRules(await readHolidayFile());
});

/** Due date (local) of n working days from a reception at `local`, and what it counted from. */
const due = (local: string, n: number) => {
  const r = dueDateOf(rules, vn(local), n, opts);
  return { from: r.countedFrom, due: r.dueDate };
};

describe('calendar basics', () => {
  it('has the weekday days off of each year that SOURCES.md states', () => {
    const weekdaysOff = (year: number) =>
      [...rules.daysOff].filter((d) => d.startsWith(`${year}-`) && weekdayOf(d) % 6 !== 0).length;
    const expected: Record<number, number> = {
      2020: 10,
      2021: 11,
      2022: 11,
      2023: 11,
      2024: 12,
      2025: 12,
      2026: 11,
      2027: 11,
    };
    for (const [year, n] of Object.entries(expected))
      expect(weekdaysOff(Number(year)), year).toBe(n);
    // 261 weekdays − 12 days off + the make-up Saturday 26/4.
    expect(countWorkingDays(rules, '2024-12-31', '2025-12-31')).toBe(250);
  });

  it('rejects a negative or fractional period', () => {
    expect(() => addWorkingDays(rules, vn('2025-03-12T10:00'), -1, opts)).toThrow(RangeError);
    expect(() => addWorkingDays(rules, vn('2025-03-12T10:00'), 1.5, opts)).toThrow(RangeError);
  });
});

describe('cut-off hour', () => {
  it('counts a reception late in the UTC day on the Vietnamese date', () => {
    // Wednesday 12/3/2025 00:30 in Vietnam is still Tuesday in UTC.
    expect(receptionDay(rules, new Date('2025-03-11T17:30:00Z'), opts)).toBe('2025-03-12');
    // Friday 14/3/2025 23:30 UTC is Saturday in Vietnam: counts from Monday.
    expect(receptionDay(rules, new Date('2025-03-14T23:30:00Z'), opts)).toBe('2025-03-17');
  });

  it('counts 15:59 from the same day, 16:00 and 16:01 from the next working day', () => {
    expect(due('2025-03-12T15:59:59.999', 1)).toEqual({ from: '2025-03-12', due: '2025-03-13' });
    expect(due('2025-03-12T15:59', 1)).toEqual({ from: '2025-03-12', due: '2025-03-13' });
    expect(due('2025-03-12T16:00', 1)).toEqual({ from: '2025-03-13', due: '2025-03-14' });
    expect(due('2025-03-12T16:01', 1)).toEqual({ from: '2025-03-13', due: '2025-03-14' });
  });

  it('moves a Friday reception after the cut-off to Monday', () => {
    expect(due('2025-03-14T15:00', 1)).toEqual({ from: '2025-03-14', due: '2025-03-17' });
    expect(due('2025-03-14T16:30', 1)).toEqual({ from: '2025-03-17', due: '2025-03-18' });
    expect(due('2025-03-14T16:30', 1)).toEqual(due('2025-03-17T08:00', 1));
  });

  it('moves a weekend or early-morning-UTC reception by the local clock, and honours another cut-off', () => {
    expect(due('2025-03-15T09:00', 1)).toEqual({ from: '2025-03-17', due: '2025-03-18' });
    expect(due('2025-03-16T23:59', 1)).toEqual({ from: '2025-03-17', due: '2025-03-18' });
    expect(
      dueDateOf(rules, vn('2025-03-12T15:30'), 1, { ...opts, cutoffHour: 15 }).countedFrom,
    ).toBe('2025-03-13');
  });

  it('returns the end of office hours of the due date', () => {
    expect(addWorkingDays(rules, vn('2025-03-14T16:30'), 1, opts).toISOString()).toBe(
      '2025-03-18T10:00:00.000Z',
    );
  });

  it('n = 0 is the day the dossier counts from', () => {
    expect(due('2025-03-12T10:00', 0)).toEqual({ from: '2025-03-12', due: '2025-03-12' });
    expect(due('2025-03-14T16:30', 0)).toEqual({ from: '2025-03-17', due: '2025-03-17' });
    expect(due('2025-09-02T10:00', 0)).toEqual({ from: '2025-09-03', due: '2025-09-03' });
  });
});

describe('Tết 2021 (break 10–16/2/2021)', () => {
  it('has every day of the break off and the days around it on', () => {
    for (let d = '2021-02-10'; d <= '2021-02-16'; d = addDays(d, 1))
      expect(isWorkingDay(rules, d), d).toBe(false);
    expect(isWorkingDay(rules, '2021-02-09')).toBe(true);
    expect(isWorkingDay(rules, '2021-02-17')).toBe(true);
  });

  it('jumps the break', () => {
    expect(due('2021-02-09T10:00', 1)).toEqual({ from: '2021-02-09', due: '2021-02-17' });
    expect(due('2021-02-09T10:00', 5)).toEqual({ from: '2021-02-09', due: '2021-02-23' });
    expect(due('2021-02-08T15:00', 2)).toEqual({ from: '2021-02-08', due: '2021-02-17' });
    expect(due('2021-02-09T16:30', 1)).toEqual({ from: '2021-02-17', due: '2021-02-18' });
  });

  it('counts a reception during the break from the first day back', () => {
    expect(due('2021-02-12T09:00', 1)).toEqual({ from: '2021-02-17', due: '2021-02-18' });
    expect(due('2021-02-16T15:00', 0)).toEqual({ from: '2021-02-17', due: '2021-02-17' });
  });

  it('counts working days across it', () => {
    expect(workingDaysBetween(rules, vn('2021-02-09T10:00'), vn('2021-02-17T10:00'), opts)).toBe(1);
    expect(workingDaysBetween(rules, vn('2021-02-05T10:00'), vn('2021-02-22T10:00'), opts)).toBe(6);
    expect(workingDaysBetween(rules, vn('2021-02-22T10:00'), vn('2021-02-05T10:00'), opts)).toBe(
      -6,
    );
    expect(workingDaysBetween(rules, vn('2021-02-10T10:00'), vn('2021-02-16T10:00'), opts)).toBe(0);
  });
});

describe('Tết 2026 (break 14–22/2/2026)', () => {
  it('has the break off, the weekdays 16–20/2 included', () => {
    for (let d = '2026-02-14'; d <= '2026-02-22'; d = addDays(d, 1))
      expect(isWorkingDay(rules, d), d).toBe(false);
    expect(isWorkingDay(rules, '2026-02-13')).toBe(true);
    expect(isWorkingDay(rules, '2026-02-23')).toBe(true);
  });

  it('counts across the break and around the cut-off on the last Friday', () => {
    expect(due('2026-02-13T15:59', 1)).toEqual({ from: '2026-02-13', due: '2026-02-23' });
    expect(due('2026-02-13T16:00', 1)).toEqual({ from: '2026-02-23', due: '2026-02-24' });
    expect(due('2026-02-12T10:00', 3)).toEqual({ from: '2026-02-12', due: '2026-02-24' });
    expect(due('2026-02-18T10:00', 1)).toEqual({ from: '2026-02-23', due: '2026-02-24' });
    expect(workingDaysBetween(rules, vn('2026-02-13T10:00'), vn('2026-02-23T10:00'), opts)).toBe(1);
  });

  it('crosses New Year 2026', () => {
    expect(due('2025-12-31T10:00', 1)).toEqual({ from: '2025-12-31', due: '2026-01-02' });
    expect(due('2025-12-31T16:00', 1)).toEqual({ from: '2026-01-02', due: '2026-01-05' });
  });
});

describe('30/4 – 1/5', () => {
  it('2021: 1/5 on a Saturday gives Monday 3/5 off', () => {
    expect(isWorkingDay(rules, '2021-05-03')).toBe(false);
    expect(due('2021-04-29T10:00', 1)).toEqual({ from: '2021-04-29', due: '2021-05-04' });
  });

  it('2023: Hùng Kings, 30/4 and 1/5 with two compensatory days', () => {
    for (const d of ['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']) {
      expect(isWorkingDay(rules, d), d).toBe(false);
    }
    expect(due('2023-04-28T10:00', 1)).toEqual({ from: '2023-04-28', due: '2023-05-04' });
    expect(workingDaysBetween(rules, vn('2023-04-28T10:00'), vn('2023-05-05T10:00'), opts)).toBe(2);
  });

  it('2024: 29/4 swapped for the make-up Saturday 4/5', () => {
    expect(isWorkingDay(rules, '2024-04-29')).toBe(false);
    expect(isWorkingDay(rules, '2024-05-04')).toBe(true);
    expect(isWorkingDay(rules, '2024-05-05')).toBe(false);
    expect([1, 2, 3, 4].map((n) => due('2024-04-26T10:00', n).due)).toEqual([
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
      '2024-05-06',
    ]);
    expect(due('2024-05-04T10:00', 1)).toEqual({ from: '2024-05-04', due: '2024-05-06' });
    expect(due('2024-05-04T16:30', 1)).toEqual({ from: '2024-05-06', due: '2024-05-07' });
  });

  it('2025: 2/5 swapped for the make-up Saturday 26/4', () => {
    expect(isWorkingDay(rules, '2025-04-26')).toBe(true);
    for (const d of ['2025-04-30', '2025-05-01', '2025-05-02'])
      expect(isWorkingDay(rules, d), d).toBe(false);
    expect([1, 2, 3, 4].map((n) => due('2025-04-25T10:00', n).due)).toEqual([
      '2025-04-26',
      '2025-04-28',
      '2025-04-29',
      '2025-05-05',
    ]);
    expect(due('2025-04-25T16:30', 1)).toEqual({ from: '2025-04-26', due: '2025-04-28' });
    expect(due('2025-04-29T15:00', 1)).toEqual({ from: '2025-04-29', due: '2025-05-05' });
    expect(due('2025-04-29T16:05', 1)).toEqual({ from: '2025-05-05', due: '2025-05-06' });
    expect(workingDaysBetween(rules, vn('2025-04-25T10:00'), vn('2025-05-05T10:00'), opts)).toBe(4);
  });
});

describe('2/9', () => {
  it('2025: Monday 1/9 and Tuesday 2/9', () => {
    expect(due('2025-08-29T10:00', 1)).toEqual({ from: '2025-08-29', due: '2025-09-03' });
    expect(due('2025-08-29T16:01', 1)).toEqual({ from: '2025-09-03', due: '2025-09-04' });
    expect(workingDaysBetween(rules, vn('2025-08-29T10:00'), vn('2025-09-03T09:00'), opts)).toBe(1);
  });

  it('2021, 2023 and 2024', () => {
    expect(due('2021-09-01T10:00', 1)).toEqual({ from: '2021-09-01', due: '2021-09-06' });
    expect(due('2023-08-31T10:00', 1)).toEqual({ from: '2023-08-31', due: '2023-09-05' });
    expect(due('2024-08-30T10:00', 1)).toEqual({ from: '2024-08-30', due: '2024-09-04' });
  });
});

describe('consistency over 2020–2027', () => {
  const days: string[] = [];
  for (let d = '2020-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) days.push(d);

  it('workingDaysBetween(s, addWorkingDays(s, n)) === n for receptions before the cut-off on working days', () => {
    let checked = 0;
    for (const d of days) {
      if (!isWorkingDay(rules, d)) continue;
      for (const time of ['T00:00', 'T08:00', 'T15:59']) {
        const start = vn(`${d}${time}`);
        for (let n = 1; n <= 15; n++) {
          const end = addWorkingDays(rules, start, n, opts);
          if (workingDaysBetween(rules, start, end, opts) !== n) expect.fail(`${d}${time} + ${n}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000 * 15 * 3);
  });

  it('for any reception, due dates are working days, n apart from countedFrom, and grow with n', () => {
    for (const d of days) {
      for (const time of ['T09:00', 'T16:00']) {
        let previous = '';
        for (let n = 0; n <= 15; n++) {
          const r = dueDateOf(rules, vn(`${d}${time}`), n, opts);
          const ok =
            isWorkingDay(rules, r.countedFrom) &&
            r.countedFrom >= d &&
            isWorkingDay(rules, r.dueDate) &&
            countWorkingDays(rules, r.countedFrom, r.dueDate) === n &&
            r.dueDate > previous &&
            localDateOf(r.due, opts.timeZone) === r.dueDate;
          if (!ok) expect.fail(`${d}${time} + ${n}: ${JSON.stringify(r)}`);
          previous = r.dueDate;
        }
      }
    }
  });

  it('is antisymmetric', () => {
    for (let i = 0; i + 40 < days.length; i += 13) {
      const a = vn(`${days[i]}T10:00`);
      const b = vn(`${days[i + 40]}T10:00`);
      expect(workingDaysBetween(rules, b, a, opts)).toBe(-workingDaysBetween(rules, a, b, opts));
    }
  });
});
