import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import type { AnyDb } from '../../platform/db/connect.js';
import {
  CalendarSettings,
  DayList,
  DayParams,
  DueDateQuery,
  DueDateResult,
  ListDaysQuery,
  SpecialDay,
  UpsertDayInput,
  WorkingDaysQuery,
  WorkingDaysResult,
} from './schema.js';
import type { CalendarService } from './service.js';

export type CalendarRoutesDeps = { db: AnyDb; calendar: CalendarService };

const read = { access: { permission: 'calendar.read' } } as const;
const manage = { access: { permission: 'calendar.manage' } } as const;

export const calendarRoutes: FastifyPluginAsyncZod<CalendarRoutesDeps> = async (
  app,
  { db, calendar },
) => {
  app.get(
    '/api/calendar/days',
    {
      config: read,
      schema: {
        tags: ['calendar'],
        summary:
          'Holidays, Tết and make-up days of a year / Ngày nghỉ lễ, Tết, ngày làm bù trong năm',
        querystring: ListDaysQuery,
        response: { 200: DayList },
      },
    },
    async (request) => calendar.listDays(db, request.query.year),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      config: manage,
      schema: {
        tags: ['calendar'],
        summary: 'Create or correct a special day / Thêm hoặc sửa một ngày nghỉ, ngày làm bù',
        params: DayParams,
        body: UpsertDayInput,
        response: { 200: SpecialDay },
      },
    },
    async (request) =>
      calendar.upsertDay(db, contextOf(request), request.params.date, request.body),
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      config: manage,
      schema: {
        tags: ['calendar'],
        summary: 'Remove a special day / Xóa một ngày nghỉ, ngày làm bù',
        params: DayParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await calendar.deleteDay(db, contextOf(request), request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/due-date',
    {
      config: read,
      schema: {
        tags: ['calendar'],
        summary: 'Due date of a period in working days / Ngày hẹn trả theo số ngày làm việc',
        querystring: DueDateQuery,
        response: { 200: DueDateResult },
      },
    },
    async (request) => {
      const { start, days } = request.query;
      return { start, ...(await calendar.computeDueDate(db, start, days)) };
    },
  );

  app.get(
    '/api/calendar/working-days',
    {
      config: read,
      schema: {
        tags: ['calendar'],
        summary: 'Working days between two instants / Số ngày làm việc giữa hai thời điểm',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysResult },
      },
    },
    async (request) => ({
      days: await calendar.workingDaysBetween(db, request.query.from, request.query.to),
    }),
  );

  app.get(
    '/api/calendar/settings',
    {
      config: read,
      schema: {
        tags: ['calendar'],
        summary: 'Time zone and cut-off hour / Múi giờ và giờ chốt nhận hồ sơ',
        response: { 200: CalendarSettings },
      },
    },
    async () => calendar.settings(),
  );
};
