import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import { readMultipart } from '../../../platform/http/multipart.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../platform/idempotency.js';
import {
  ApplicantActionInput,
  ApplicantDossier,
  CreateDraftInput,
  DossierFileParams,
  DossierFormParams,
  DossierListItem,
  DossierParams,
  FileView,
  LookupQuery,
  MyListQuery,
  PublicLookup,
  RateInput,
  UpdateDraftInput,
  Binary,
  NoContent,
} from '../schema.js';
import type { DossierService } from '../service/index.js';
import { sendDownload, sendPdf, uploadFrom } from './upload.js';

export type DossierRoutesDeps = { dossiers: DossierService };

const mine = { access: 'authenticated' } as const;
const tags = ['portal'];
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().regex(IDEMPOTENCY_KEY_PATTERN),
});

/** The citizen portal: the applicant's own dossiers, and the public status lookup. */
export const portalRoutes: FastifyPluginAsyncZod<DossierRoutesDeps> = async (app, { dossiers }) => {
  const { applicant, views, files } = dossiers;

  app.get(
    '/api/public/dossiers/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Look a dossier up by code and secret / Tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu',
        querystring: LookupQuery,
        response: { 200: PublicLookup },
      },
    },
    async (request) => dossiers.lookup(request.query.code, request.query.secret),
  );

  app.post(
    '/api/portal/dossiers',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Start a dossier (draft) / Tạo hồ sơ nháp',
        headers: IdempotencyHeaders,
        body: CreateDraftInput,
        response: { 200: ApplicantDossier, 201: ApplicantDossier },
      },
    },
    async (request, reply) => {
      const { dossier, created } = await applicant.createDraft(
        contextOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      reply.code(created ? 201 : 200);
      return views.forApplicant(request.actor!, dossier);
    },
  );

  app.get(
    '/api/portal/dossiers',
    {
      config: mine,
      schema: {
        tags,
        summary: 'My dossiers / Hồ sơ của tôi',
        querystring: MyListQuery,
        response: {
          200: z.object({ items: z.array(DossierListItem), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const page = await applicant.listMine(request.actor!, request.query);
      return {
        items: await Promise.all(page.rows.map((d) => views.listItem(d))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/portal/dossiers/:id',
    {
      config: mine,
      schema: {
        tags,
        summary: 'One of my dossiers / Chi tiết hồ sơ của tôi',
        params: DossierParams,
        response: { 200: ApplicantDossier },
      },
    },
    async (request) =>
      views.forApplicant(
        request.actor!,
        await applicant.getMine(request.actor!, request.params.id),
      ),
  );

  app.patch(
    '/api/portal/dossiers/:id',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Edit a draft / Sửa hồ sơ nháp',
        params: DossierParams,
        body: UpdateDraftInput,
        response: { 200: ApplicantDossier },
      },
    },
    async (request) =>
      views.forApplicant(
        request.actor!,
        await applicant.updateDraft(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/portal/dossiers/:id/actions',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Submit, supplement, withdraw or discard / Nộp, bổ sung, rút hoặc hủy hồ sơ nháp',
        params: DossierParams,
        body: ApplicantActionInput,
        response: { 200: ApplicantDossier },
      },
    },
    async (request) => {
      const d = await applicant.act(contextOf(request), request.params.id, request.body);
      const secret = request.body.action === 'submit' ? dossiers.secretOf(d.id) : undefined;
      return views.forApplicant(request.actor!, d, secret);
    },
  );

  app.post(
    '/api/portal/dossiers/:id/rating',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Rate the service once / Đánh giá mức độ hài lòng (một lần)',
        params: DossierParams,
        body: RateInput,
        response: { 200: ApplicantDossier },
      },
    },
    async (request) =>
      views.forApplicant(
        request.actor!,
        await applicant.rate(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/portal/dossiers/:id/files',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Attach a paper (multipart: paperKey, file) / Đính kèm giấy tờ',
        params: DossierParams,
        response: { 201: FileView },
      },
    },
    async (request, reply) => {
      const upload = uploadFrom(await readMultipart(request));
      const row = await files.attachByApplicant(contextOf(request), request.params.id, upload);
      reply.code(201);
      return views.fileView(row);
    },
  );

  app.delete(
    '/api/portal/dossiers/:id/files/:fileId',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Remove a file from a draft / Gỡ tệp',
        params: DossierFileParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await files.removeByApplicant(contextOf(request), request.params.id, request.params.fileId);
      reply.code(204);
    },
  );

  // Binary: no response schema; the headers make it a download the browser never renders.
  app.get(
    '/api/portal/dossiers/:id/files/:fileId',
    {
      config: mine,
      schema: {
        tags,
        summary: 'Download a file / Tải tệp',
        params: DossierFileParams,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { file, stream } = await files.openForApplicant(
        request.actor!,
        request.params.id,
        request.params.fileId,
      );
      return sendDownload(reply, file, stream);
    },
  );

  app.get(
    '/api/portal/dossiers/:id/forms/:form',
    {
      config: mine,
      schema: {
        tags,
        summary: 'A printable form (01, 02, 03, 04, 06) as PDF / In phiếu theo mẫu',
        params: DossierFormParams,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { pdf, d } = await dossiers.forms.forApplicant(
        request.actor!,
        request.params.id,
        request.params.form,
      );
      return sendPdf(reply, pdf, `mau-${request.params.form}-${d.code ?? d.id}.pdf`);
    },
  );
};
