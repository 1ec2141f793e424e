import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DayKind } from './schema.js';
import { isValidIsoDate, weekdayOf } from './working-days.js';

/** The bundled public-holiday file (see data/SOURCES.md §3), read from the repository. */
export const defaultHolidayFile = fileURLToPath(
  new URL('../../../seed/vn_public_holidays_2020-2027.csv', import.meta.url),
);

/** One row of the file, checked: it is data from outside the code. */
const HolidayRow = z
  .object({
    date: z.iso.date(),
    weekday: z.string(),
    year: z.coerce.number().int(),
    is_day_off: z.enum(['0', '1']).transform((v) => v === '1'),
    kind: DayKind,
    name_vi: z.string().trim().min(1).max(200),
    status: z.enum(['official_verified', 'official_unverified', 'computed_from_rules']),
    source: z.string().trim(),
    note: z.string().trim(),
  })
  .refine((r) => Number(r.date.slice(0, 4)) === r.year, 'year does not match date')
  .refine((r) => r.is_day_off === (r.kind !== 'makeup_workday'), 'is_day_off does not match kind')
  .refine(
    (r) => r.kind !== 'makeup_workday' || [0, 6].includes(weekdayOf(r.date)),
    'make-up day not on a weekend',
  );

export type HolidaySeed = {
  date: string;
  kind: DayKind;
  name: string;
  isDayOff: boolean;
  status: 'official_verified' | 'official_unverified' | 'computed_from_rules';
  source: string | null;
  note: string | null;
};

/** Parses the file; a bad row stops the seed with its line number rather than loading half. */
export async function readHolidayFile(file: string = defaultHolidayFile): Promise<HolidaySeed[]> {
  const records: unknown[] = parse(await readFile(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  const seen = new Set<string>();
  return records.map((record, i) => {
    const parsed = HolidayRow.safeParse(record);
    const where = `${path.basename(file)} line ${i + 2}`;
    if (!parsed.success)
      throw new Error(`${where}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    const r = parsed.data;
    if (!isValidIsoDate(r.date) || seen.has(r.date))
      throw new Error(`${where}: bad or repeated date ${r.date}`);
    seen.add(r.date);
    return {
      date: r.date,
      kind: r.kind,
      name: r.name_vi,
      isDayOff: r.is_day_off,
      status: r.status,
      source: r.source || null,
      note: r.note || null,
    };
  });
}
