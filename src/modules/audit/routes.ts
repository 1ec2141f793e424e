import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AnyDb } from '../../platform/db/connect.js';
import type { AgencyService } from '../agencies/index.js';
import { AuditEventPage, ListAuditEventsQuery, VerifyResult } from './schema.js';
import type { AuditQueries } from './queries.js';

export type AuditRoutesDeps = { db: AnyDb; queries: AuditQueries; agencies: AgencyService };

export const auditRoutes: FastifyPluginAsyncZod<AuditRoutesDeps> = async (app, { queries }) => {
  app.get(
    '/api/audit/events',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first / Nhật ký thay đổi',
        querystring: ListAuditEventsQuery,
        response: { 200: AuditEventPage },
      },
    },
    async (request) => queries.listEvents(request.actor!, request.query),
  );
  app.get(
    '/api/audit/verify',
    {
      config: { access: { permission: 'audit.verify' } },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain / Kiểm tra chuỗi băm',
        response: { 200: VerifyResult },
      },
    },
    async () => queries.verify(),
  );
};
