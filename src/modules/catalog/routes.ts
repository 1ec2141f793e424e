import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import type { AnyDb } from '../../platform/db/connect.js';
import {
  CreateProcedureInput,
  CreateVersionInput,
  ProcedureHistory,
  ProcedureVersion,
  PublicProcedure,
} from './schema.js';
import {
  ListSectorsQuery,
  ProcedureCodeParams,
  ProcedureIdParams,
  ProcedurePage,
  SearchProceduresQuery,
  SectorList,
  VersionIdParams,
} from './schema-search.js';
import {
  CatalogSettings,
  CreateSectorInput,
  OverrideParams,
  Sector,
  SectorIdParams,
  SectorSettings,
  SetDistrictOverrideInput,
  UpdateSectorSettingsInput,
} from './schema-settings.js';
import type { CatalogService } from './service/index.js';

export type CatalogRoutesDeps = { db: AnyDb; catalog: CatalogService };

const open = { access: 'public' } as const;
// Province-wide: the service also refuses a grant narrower than the province root.
const manage = { access: { permission: 'catalog.manage' } } as const;
const tags = ['catalog'];

export const catalogRoutes: FastifyPluginAsyncZod<CatalogRoutesDeps> = async (
  app,
  { db, catalog },
) => {
  app.get(
    '/api/catalog/procedures',
    {
      config: open,
      schema: {
        tags,
        summary: 'Search procedures, with or without diacritics / Tra cứu thủ tục hành chính',
        querystring: SearchProceduresQuery,
        response: { 200: ProcedurePage },
      },
    },
    async (request) => catalog.search(db, request.query),
  );

  app.get(
    '/api/catalog/sectors',
    {
      config: open,
      schema: {
        tags,
        summary: 'Sectors with their number of procedures / Lĩnh vực và số thủ tục',
        querystring: ListSectorsQuery,
        response: { 200: SectorList },
      },
    },
    async (request) => catalog.listSectors(db, request.query),
  );

  app.get(
    '/api/catalog/procedures/:id',
    {
      config: open,
      schema: {
        tags,
        summary: 'A procedure as in force today, and who carries it / Chi tiết thủ tục',
        params: ProcedureIdParams,
        response: { 200: PublicProcedure },
      },
    },
    async (request) => catalog.getPublicProcedure(db, request.params.id),
  );

  app.get(
    '/api/catalog/procedures/by-code/:code',
    {
      config: open,
      schema: {
        tags,
        summary: 'A procedure by its national code / Chi tiết thủ tục theo mã',
        params: ProcedureCodeParams,
        response: { 200: PublicProcedure },
      },
    },
    async (request) => catalog.getPublicProcedureByCode(db, request.params.code),
  );

  app.get(
    '/api/catalog/procedures/:id/versions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A procedure with all its versions / Các phiên bản của thủ tục',
        params: ProcedureIdParams,
        response: { 200: ProcedureHistory },
      },
    },
    async (request) => catalog.getHistory(db, request.params.id),
  );

  app.get(
    '/api/catalog/versions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'One version of a procedure / Một phiên bản của thủ tục',
        params: VersionIdParams,
        response: { 200: ProcedureVersion },
      },
    },
    async (request) => catalog.getVersion(db, request.params.id),
  );

  app.post(
    '/api/catalog/procedures',
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a province's own procedure / Thêm thủ tục của địa phương",
        body: CreateProcedureInput,
        response: { 201: ProcedureHistory },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalog.createProcedure(db, contextOf(request), request.body)),
  );

  app.post(
    '/api/catalog/procedures/:id/versions',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'A new version in force from a date (replaces all editable fields) / Sửa thủ tục theo ngày có hiệu lực',
        params: ProcedureIdParams,
        body: CreateVersionInput,
        response: { 201: ProcedureVersion },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await catalog.createVersion(db, contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/catalog/sectors',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a sector / Thêm lĩnh vực',
        body: CreateSectorInput,
        response: { 201: Sector },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalog.createSector(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/catalog/settings',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Sector → department, district rule and its exceptions / Cấu hình cơ quan thực hiện',
        response: { 200: CatalogSettings },
      },
    },
    async () => catalog.getSettings(db),
  );

  app.put(
    '/api/catalog/settings/sectors/:sectorId',
    {
      config: manage,
      schema: {
        tags,
        summary: "A sector's department and district rule / Cơ quan thực hiện theo lĩnh vực",
        params: SectorIdParams,
        body: UpdateSectorSettingsInput,
        response: { 200: SectorSettings },
      },
    },
    async (request) =>
      catalog.updateSectorSettings(db, contextOf(request), request.params.sectorId, request.body),
  );

  app.put(
    '/api/catalog/settings/district-overrides/:procedureId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Exception to the district rule for one procedure / Ngoại lệ cấp huyện',
        params: OverrideParams,
        body: SetDistrictOverrideInput,
        response: {
          200: z.object({ procedureId: z.uuid(), mode: SetDistrictOverrideInput.shape.mode }),
        },
      },
    },
    async (request) =>
      catalog.setDistrictOverride(
        db,
        contextOf(request),
        request.params.procedureId,
        request.body.mode,
      ),
  );

  app.delete(
    '/api/catalog/settings/district-overrides/:procedureId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove an exception to the district rule / Xóa ngoại lệ cấp huyện',
        params: OverrideParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await catalog.removeDistrictOverride(db, contextOf(request), request.params.procedureId);
      return reply.status(204).send(null);
    },
  );
};
