import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import type { AnyDb } from '../../platform/db/connect.js';
import {
  Agency,
  AgencyDetail,
  AgencyIdParams,
  AgencyPage,
  AgencySearchResult,
  CreateAgencyInput,
  EndAgencyInput,
  ListAgenciesQuery,
  SearchAgenciesQuery,
  UpdateAgencyInput,
} from './schema.js';
import type { AgencyService } from './service/index.js';

export type AgencyRoutesDeps = { db: AnyDb; agencies: AgencyService };

const read = { access: { permission: 'agency.read' } } as const;
// Scoped: the service answers 404 for a target outside the actor's `agency.manage` subtrees.
const manage = { access: { permission: 'agency.manage' } } as const;
const tags = ['agencies'];

export const agencyRoutes: FastifyPluginAsyncZod<AgencyRoutesDeps> = async (
  app,
  { db, agencies },
) => {
  app.get(
    '/api/agencies',
    {
      config: read,
      schema: {
        tags,
        summary: 'Child agencies of a parent, or the roots / Đơn vị trực thuộc',
        querystring: ListAgenciesQuery,
        response: { 200: AgencyPage },
      },
    },
    async (request) => agencies.listChildren(db, request.query),
  );

  app.get(
    '/api/agencies/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search agencies, with or without diacritics / Tìm cơ quan, đơn vị',
        querystring: SearchAgenciesQuery,
        response: { 200: AgencySearchResult },
      },
    },
    async (request) => agencies.search(db, request.query),
  );

  app.get(
    '/api/agencies/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An agency with its breadcrumb, predecessors and successors / Chi tiết đơn vị',
        params: AgencyIdParams,
        response: { 200: AgencyDetail },
      },
    },
    async (request) => agencies.getAgencyDetail(db, request.params.id),
  );

  app.post(
    '/api/agencies',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create an agency under a parent / Thêm đơn vị',
        body: CreateAgencyInput,
        response: { 201: Agency },
      },
    },
    async (request, reply) => {
      const agency = await agencies.createAgency(db, contextOf(request), request.body);
      return reply.status(201).send(agency);
    },
  );

  app.patch(
    '/api/agencies/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Correct names and codes / Sửa tên, mã đơn vị',
        params: AgencyIdParams,
        body: UpdateAgencyInput,
        response: { 200: Agency },
      },
    },
    async (request) =>
      agencies.updateAgency(db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/agencies/:id/end',
    {
      config: manage,
      schema: {
        tags,
        summary: 'End an agency and record its successors / Chấm dứt hoạt động đơn vị',
        params: AgencyIdParams,
        body: EndAgencyInput,
        response: { 200: Agency },
      },
    },
    async (request) => agencies.endAgency(db, contextOf(request), request.params.id, request.body),
  );
};
