import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  isValidIsoDate,
  isWeekend,
  weekdayOf,
} from './civil-date.js';
import { localDateOf, localInstant, toLocalTime } from './local-time.js';

const opts = { timeZone: 'Asia/Ho_Chi_Minh' };

describe('civil dates', () => {
  it('knows weekdays and weekends', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2025-04-26')).toBe(6);
    expect(isWeekend('2025-03-14')).toBe(false); // Friday
    expect(isWeekend('2025-03-15')).toBe(true);
    expect(isWeekend('2025-03-16')).toBe(true);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('agrees with Date on every day from 1900 to 2200', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2200, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || dayNumber(iso) !== n) expect.fail(`day ${n}: ${iso}`);
    }
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '20240101', '']) {
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
    expect(isValidIsoDate('2024-02-29')).toBe(true);
  });
});

describe('time zone', () => {
  it('puts 17:00Z on the next day in Vietnam, 16:59:59Z on the same day', () => {
    expect(localDateOf(new Date('2025-03-11T17:00:00Z'), opts.timeZone)).toBe('2025-03-12');
    expect(localDateOf(new Date('2025-03-11T16:59:59.999Z'), opts.timeZone)).toBe('2025-03-11');
    expect(localDateOf(new Date('2025-03-11T17:00:00Z'), 'UTC')).toBe('2025-03-11');
    expect(toLocalTime(new Date('2025-12-31T17:30:00Z'), opts.timeZone)).toEqual({
      date: '2026-01-01',
      hour: 0,
      minute: 30,
      second: 0,
    });
  });

  it('finds the instant of a local wall-clock time, DST zones included', () => {
    expect(localInstant('2025-03-18', 17, opts.timeZone).toISOString()).toBe(
      '2025-03-18T10:00:00.000Z',
    );
    expect(localInstant('2025-03-18', 0, opts.timeZone).toISOString()).toBe(
      '2025-03-17T17:00:00.000Z',
    );
    expect(localInstant('2025-01-15', 17, 'Europe/Paris').toISOString()).toBe(
      '2025-01-15T16:00:00.000Z',
    );
    expect(localInstant('2025-03-30', 17, 'Europe/Paris').toISOString()).toBe(
      '2025-03-30T15:00:00.000Z',
    );
  });

  it('follows the tz database outside 2000–2100 and in zones with DST', () => {
    // Saigon kept +08:00 until 1975.
    expect(toLocalTime(new Date('1970-01-01T00:00:00Z'), opts.timeZone).hour).toBe(8);
    expect(toLocalTime(new Date('2025-07-01T10:00:00Z'), 'Europe/Paris').hour).toBe(12);
    expect(toLocalTime(new Date('2025-01-01T10:00:00Z'), 'Europe/Paris').hour).toBe(11);
  });

  it('rejects an unknown zone and an invalid instant', () => {
    expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(new Date('nope'), opts.timeZone)).toThrow(RangeError);
  });
});
