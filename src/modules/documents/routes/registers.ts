import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../../platform/context.js';
import {
  DocumentStats,
  DocumentStatsQuery,
  RegisterList,
  RegisterListQuery,
  RegisterView,
  SaveRegisterInput,
} from '../schema.js';
import { access } from './http.js';
import type { DocumentRoutesDeps } from './outgoing.js';

const tags = ['documents'];

/** Registers (sổ) and the figures for reports. */
export const registerRoutes: FastifyPluginAsyncZod<DocumentRoutesDeps> = async (
  app,
  { documents },
) => {
  const { registers, queries, stats } = documents;

  app.get(
    '/api/documents/registers',
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: "An agency's registers of a year / Sổ đăng ký văn bản",
        querystring: RegisterListQuery,
        response: { 200: RegisterList },
      },
    },
    async (request) => queries.listRegisters(request.actor!, request.query),
  );

  app.put(
    '/api/documents/registers',
    {
      config: access('document.register'),
      schema: {
        tags,
        summary: 'Create or change a series / Mở sổ riêng, sửa sổ',
        body: SaveRegisterInput,
        response: { 200: RegisterView },
      },
    },
    async (request) => {
      const row = await registers.save(contextOf(request), request.body);
      return { ...row, lastNumber: Number(row.lastNumber) };
    },
  );

  app.get(
    '/api/documents/stats',
    {
      config: access('document.stats'),
      schema: {
        tags: ['statistics'],
        summary: 'Documents issued, signed, handled / Thống kê văn bản',
        querystring: DocumentStatsQuery,
        response: { 200: DocumentStats },
      },
    },
    async (request) => stats.report(request.actor!, request.query),
  );
};
