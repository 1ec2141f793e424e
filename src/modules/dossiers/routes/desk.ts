import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { readMultipart } from '../../../platform/http/multipart.js';
import {
  AssignInput,
  DeskCreateInput,
  DeskListQuery,
  DossierFileParams,
  DossierFormParams,
  DossierPage,
  DossierParams,
  FeePaymentInput,
  FileView,
  OfficerActionInput,
  OfficerDossier,
  QueueCounts,
  Binary,
} from '../schema.js';
import type { DossierRoutesDeps } from './portal.js';
import { IdempotencyHeaders } from './portal.js';
import { sendDownload, sendPdf, uploadFrom } from './upload.js';

const read = { access: { permission: 'dossier.read' } } as const;
const receive = { access: { permission: 'dossier.receive' } } as const;
const tags = ['desk'];

const badPurpose = () =>
  new DomainError('invalid', 'dossier.bad_file_purpose', {
    vi: 'Loại tệp phải là "paper" (giấy tờ) hoặc "result" (kết quả).',
    en: 'The file purpose must be "paper" or "result".',
  });

/**
 * The officer desk. Access is by permission here; which dossiers and which steps are the
 * officer's is decided by the service on the agency tree (404 outside it, 403 for a step
 * that is not theirs).
 */
export const deskRoutes: FastifyPluginAsyncZod<DossierRoutesDeps> = async (app, { dossiers }) => {
  const { desk, views, files } = dossiers;

  app.get(
    '/api/desk/counts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Queue counts / Số hồ sơ theo hàng đợi',
        response: { 200: QueueCounts },
      },
    },
    async (request) => desk.counts(request.actor!),
  );

  app.get(
    '/api/desk/dossiers',
    {
      config: read,
      schema: {
        tags,
        summary: 'A queue of dossiers / Danh sách hồ sơ theo hàng đợi',
        querystring: DeskListQuery,
        response: { 200: DossierPage },
      },
    },
    async (request) => {
      const page = await desk.list(request.actor!, request.query);
      return {
        items: await Promise.all(page.rows.map((d) => views.listItem(d))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/api/desk/dossiers',
    {
      config: receive,
      schema: {
        tags,
        summary: 'File a walk-in or postal dossier / Tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính',
        headers: IdempotencyHeaders,
        body: DeskCreateInput,
        response: { 200: OfficerDossier, 201: OfficerDossier },
      },
    },
    async (request, reply) => {
      const { dossier, created } = await desk.createAtDesk(
        contextOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      reply.code(created ? 201 : 200);
      return views.forOfficial(request.actor!, dossier);
    },
  );

  app.get(
    '/api/desk/dossiers/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A dossier with its processing history / Chi tiết hồ sơ, quá trình xử lý',
        params: DossierParams,
        response: { 200: OfficerDossier },
      },
    },
    async (request) =>
      views.forOfficial(
        request.actor!,
        await desk.getForOfficial(request.actor!, request.params.id),
      ),
  );

  app.post(
    '/api/desk/dossiers/:id/actions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Act on the current step / Xử lý bước hiện tại',
        params: DossierParams,
        body: OfficerActionInput,
        response: { 200: OfficerDossier },
      },
    },
    async (request) =>
      views.forOfficial(
        request.actor!,
        await desk.act(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/desk/dossiers/:id/assign',
    {
      config: read,
      schema: {
        tags,
        summary: 'Assign the current step / Phân công xử lý',
        params: DossierParams,
        body: AssignInput,
        response: { 200: OfficerDossier },
      },
    },
    async (request) =>
      views.forOfficial(
        request.actor!,
        await desk.assign(contextOf(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/desk/dossiers/:id/candidates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Who can take the current step / Cán bộ có thể được phân công',
        params: DossierParams,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), fullName: z.string() })) }),
        },
      },
    },
    async (request) => ({ items: await desk.candidates(request.actor!, request.params.id) }),
  );

  app.post(
    '/api/desk/dossiers/:id/fee',
    {
      config: receive,
      schema: {
        tags,
        summary: 'Record the fee paid at the desk / Ghi nhận nộp phí, lệ phí',
        params: DossierParams,
        body: FeePaymentInput,
        response: { 200: OfficerDossier },
      },
    },
    async (request) =>
      views.forOfficial(
        request.actor!,
        await desk.recordFee(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/desk/dossiers/:id/files',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Attach a scanned paper or the result (multipart: purpose, paperKey, file) / Đính kèm giấy tờ hoặc kết quả',
        params: DossierParams,
        response: { 201: FileView },
      },
    },
    async (request, reply) => {
      const { purposeField, ...upload } = uploadFrom(await readMultipart(request));
      const purpose = purposeField ?? 'paper';
      if (purpose !== 'paper' && purpose !== 'result') throw badPurpose();
      const row = await files.attachByOfficer(contextOf(request), request.params.id, {
        ...upload,
        purpose,
      });
      reply.code(201);
      return views.fileView(row);
    },
  );

  // Binary: no response schema; the headers make it a download the browser never renders.
  app.get(
    '/api/desk/dossiers/:id/files/:fileId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download a file / Tải tệp',
        params: DossierFileParams,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { file, stream } = await files.openForOfficial(
        request.actor!,
        request.params.id,
        request.params.fileId,
      );
      return sendDownload(reply, file, stream);
    },
  );

  app.get(
    '/api/desk/dossiers/:id/forms/:form',
    {
      config: read,
      schema: {
        tags,
        summary: 'A printable form (01, 02, 03, 04, 06) as PDF / In phiếu theo mẫu',
        params: DossierFormParams,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { pdf, d } = await dossiers.forms.forOfficial(
        request.actor!,
        request.params.id,
        request.params.form,
      );
      return sendPdf(reply, pdf, `mau-${request.params.form}-${d.code ?? d.id}.pdf`);
    },
  );
};
