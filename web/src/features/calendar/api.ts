import { api } from '../../app/api';

export const dayKinds = [
  'holiday',
  'tet_break',
  'compensatory',
  'swapped_day_off',
  'makeup_workday',
] as const;
export type DayKind = (typeof dayKinds)[number];

export type SpecialDay = {
  date: string;
  kind: DayKind;
  name: string;
  isDayOff: boolean;
  status: 'official_verified' | 'official_unverified' | 'computed_from_rules' | 'set_by_admin';
  source: string | null;
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

export type DueDate = { start: string; due: string; dueDate: string; countedFrom: string };
export type CalendarSettings = { timeZone: string; cutoffHour: number; officeCloseHour: number };

export const listDays = (year: number) =>
  api.get<{ year: number; items: SpecialDay[] }>('/api/calendar/days', { year });
export const upsertDay = (
  date: string,
  body: {
    kind: DayKind;
    name: string;
    isDayOff: boolean;
    source?: string | null;
    note?: string | null;
  },
) => api.put<SpecialDay>(`/api/calendar/days/${date}`, body);
export const deleteDay = (date: string) => api.delete(`/api/calendar/days/${date}`);
export const dueDate = (start: string, days: number) =>
  api.get<DueDate>('/api/calendar/due-date', { start, days });
export const calendarSettings = () => api.get<CalendarSettings>('/api/calendar/settings');

export const kindColours: Record<DayKind, string> = {
  holiday: 'red',
  tet_break: 'magenta',
  compensatory: 'orange',
  swapped_day_off: 'gold',
  makeup_workday: 'blue',
};
