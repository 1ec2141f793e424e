import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DocumentCounts, DocumentCountsQuery } from '../schema.js';
import { access } from './http.js';
import type { DocumentRoutesDeps } from './outgoing.js';

/** The counts of the documents home's work queues, in one call. */
export const queueRoutes: FastifyPluginAsyncZod<DocumentRoutesDeps> = async (
  app,
  { documents },
) => {
  const { queries } = documents;

  app.get(
    '/api/documents/counts',
    {
      config: access('document.read'),
      schema: {
        tags: ['documents'],
        summary: 'How many in each work queue / Số văn bản trong từng danh sách việc',
        querystring: DocumentCountsQuery,
        response: { 200: DocumentCounts },
      },
    },
    async (request) => queries.counts(request.actor!, request.query),
  );
};
