import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../../platform/files/index.js';
import { Binary, StatsQuery, StatsReport } from '../schema.js';
import type { DossierRoutesDeps } from './portal.js';

const stats = { access: { permission: 'dossier.stats' } } as const;

/** The one-stop report: figures for a period and subtree, and their Excel export. */
export const statsRoutes: FastifyPluginAsyncZod<DossierRoutesDeps> = async (app, { dossiers }) => {
  app.get(
    '/api/stats/dossiers',
    {
      config: stats,
      schema: {
        tags: ['statistics'],
        summary:
          'Dossier statistics for a period / Thống kê tình hình, kết quả giải quyết hồ sơ TTHC',
        querystring: StatsQuery,
        response: { 200: StatsReport },
      },
    },
    async (request) => dossiers.stats.report(request.actor!, request.query),
  );

  // Binary: no response schema.
  app.get(
    '/api/stats/dossiers.xlsx',
    {
      config: stats,
      schema: {
        tags: ['statistics'],
        summary: 'The same report as Excel / Xuất báo cáo ra Excel',
        querystring: StatsQuery,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      const body = await dossiers.stats.workbook(request.actor!, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`bao-cao-tthc-${from}-${to}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
