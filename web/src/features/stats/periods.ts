import dayjs, { type Dayjs } from 'dayjs';

export const presets = [
  'this_month',
  'last_month',
  'q1',
  'q2',
  'q3',
  'q4',
  'h1',
  'h2',
  'year',
  'custom',
] as const;
export type Preset = (typeof presets)[number];

/** Presets that need a year. */
export const yearly = new Set<Preset>(['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year']);

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The first and last day of a preset period (local dates, both included). */
export function periodOf(preset: Preset, year: number, now = dayjs()): [string, string] | null {
  const y = dayjs(`${year}-01-01`);
  const quarter = (n: number) => {
    const start = y.add(3 * (n - 1), 'month');
    return [iso(start), iso(start.add(2, 'month').endOf('month'))] as [string, string];
  };
  switch (preset) {
    case 'this_month':
      return [iso(now.startOf('month')), iso(now.endOf('month'))];
    case 'last_month': {
      const m = now.subtract(1, 'month');
      return [iso(m.startOf('month')), iso(m.endOf('month'))];
    }
    case 'q1':
      return quarter(1);
    case 'q2':
      return quarter(2);
    case 'q3':
      return quarter(3);
    case 'q4':
      return quarter(4);
    case 'h1':
      return [iso(y), iso(y.add(5, 'month').endOf('month'))];
    case 'h2':
      return [iso(y.add(6, 'month')), iso(y.endOf('year'))];
    case 'year':
      return [iso(y), iso(y.endOf('year'))];
    case 'custom':
      return null;
  }
}

export const formatDay = (day: string) => dayjs(day).format('L');
