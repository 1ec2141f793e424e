import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import type { DocumentSearch } from './index.js';
import {
  SavedSearchList,
  SavedSearchParams,
  SavedSearchView,
  SaveSearchInput,
  SearchPage,
  SearchPaging,
  SearchQuery,
} from './schema.js';

export type SearchRoutesDeps = { search: DocumentSearch };

const tags = ['documents'];
const READ = { access: { permission: 'document.read' } } as const;

/** Document search and saved searches (own ones), for readers of documents. */
export const searchRoutes: FastifyPluginAsyncZod<SearchRoutesDeps> = async (app, { search }) => {
  app.get(
    '/api/documents/search',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Full-text search of documents / Tra cứu văn bản',
        querystring: SearchQuery,
        response: { 200: SearchPage },
      },
    },
    async (request) => search.search(request.actor!, request.query),
  );

  app.get(
    '/api/documents/saved-searches',
    {
      config: READ,
      schema: {
        tags,
        summary: 'My saved searches / Tìm kiếm đã lưu',
        response: { 200: SavedSearchList },
      },
    },
    async (request) => search.saved.list(request.actor!),
  );

  app.post(
    '/api/documents/saved-searches',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Save a search / Lưu tìm kiếm',
        body: SaveSearchInput,
        response: { 201: SavedSearchView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return search.saved.create(contextOf(request), request.body);
    },
  );

  app.delete(
    '/api/documents/saved-searches/:id',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Delete a saved search / Xóa tìm kiếm đã lưu',
        params: SavedSearchParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await search.saved.remove(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/documents/saved-searches/:id/results',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Run a saved search / Chạy tìm kiếm đã lưu',
        params: SavedSearchParams,
        querystring: SearchPaging,
        response: { 200: SearchPage },
      },
    },
    async (request) => search.saved.run(request.actor!, request.params.id, request.query),
  );
};
