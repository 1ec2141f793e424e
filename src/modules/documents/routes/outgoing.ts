import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../../platform/context.js';
import { readMultipart } from '../../../platform/http/multipart.js';
import {
  Binary,
  ComposeDraftInput,
  DocumentTypeList,
  FileQuery,
  IdParams,
  OfficialList,
  OfficialsQuery,
  OutgoingDocument,
  OutgoingListQuery,
  OutgoingPage,
  ReasonInput,
  ReviewInput,
  ReviseComposeBody,
  ReviseUploadInput,
  SignInput,
  SubmitInput,
  UploadDraftInput,
} from '../schema.js';
import type { DocumentService } from '../service/index.js';
import { access, IdempotencyHeaders, sendPdf, uploadFrom } from './http.js';

export type DocumentRoutesDeps = { documents: DocumentService };

const tags = ['documents'];
const base = '/api/documents/outgoing';

/**
 * Outgoing documents (văn bản đi): drafting, review, signing, issuing, recall. Routes check the
 * permission; the service checks the agency scope (404 outside it) and whose turn it is (403).
 */
export const outgoingRoutes: FastifyPluginAsyncZod<DocumentRoutesDeps> = async (
  app,
  { documents },
) => {
  const { drafts, review, signing, issuing, recall, cancel, queries, views } = documents;

  app.get(
    '/api/documents/types',
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'Document types (Decree 30) / Loại văn bản',
        response: { 200: DocumentTypeList },
      },
    },
    async () => queries.types(),
  );

  app.get(
    '/api/documents/officials',
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'Officials who may sign, approve, direct or handle / Người ký, duyệt, xử lý',
        querystring: OfficialsQuery,
        response: { 200: OfficialList },
      },
    },
    async (request) => queries.listOfficials(request.actor!, request.query),
  );

  app.get(
    base,
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'Outgoing documents and drafts / Văn bản đi, dự thảo',
        querystring: OutgoingListQuery,
        response: { 200: OutgoingPage },
      },
    },
    async (request) => queries.listOutgoing(request.actor!, request.query),
  );

  app.post(
    base,
    {
      config: access('document.draft'),
      schema: {
        tags,
        summary: 'Compose a draft in the browser / Soạn dự thảo trên hệ thống',
        headers: IdempotencyHeaders,
        body: ComposeDraftInput,
        response: { 200: OutgoingDocument, 201: OutgoingDocument },
      },
    },
    async (request, reply) => {
      const { document, created } = await drafts.createComposed(
        contextOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      reply.code(created ? 201 : 200);
      return views.outgoing(request.actor!, document);
    },
  );

  app.post(
    `${base}/upload`,
    {
      config: access('document.draft'),
      schema: {
        tags,
        summary:
          'Draft from an uploaded PDF or DOCX (multipart: file, metadata JSON) / Dự thảo từ tệp',
        headers: IdempotencyHeaders,
        response: { 200: OutgoingDocument, 201: OutgoingDocument },
      },
    },
    async (request, reply) => {
      const { file, metadata } = uploadFrom(await readMultipart(request), UploadDraftInput, true);
      const { document, created } = await drafts.createUploaded(
        contextOf(request),
        metadata,
        file,
        request.headers['idempotency-key'],
      );
      reply.code(created ? 201 : 200);
      return views.outgoing(request.actor!, document);
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'A document with its drafting record and receipts / Chi tiết văn bản đi',
        params: IdParams,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) => queries.getOutgoing(request.actor!, request.params.id),
  );

  // Binary: no response schema beyond the marker.
  app.get(
    `${base}/:id/file`,
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'The PDF (draft version, signed or issued) / Tệp PDF',
        params: IdParams,
        querystring: FileQuery,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await queries.openOutgoingFile(
        request.actor!,
        request.params.id,
        request.query.which,
      );
      return sendPdf(reply, bytes, fileName);
    },
  );

  app.post(
    `${base}/:id/versions`,
    {
      config: access('document.draft'),
      schema: {
        tags,
        summary: 'A new version from the form / Phiên bản mới (soạn lại)',
        params: IdParams,
        body: ReviseComposeBody,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) => {
      const { note, ...input } = request.body;
      return views.outgoing(
        request.actor!,
        await drafts.reviseComposed(contextOf(request), request.params.id, input, note ?? null),
      );
    },
  );

  app.post(
    `${base}/:id/versions/upload`,
    {
      config: access('document.draft'),
      schema: {
        tags,
        summary: 'A new version from a file (multipart) / Phiên bản mới (tải lên)',
        params: IdParams,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) => {
      const { file, metadata } = uploadFrom(await readMultipart(request), ReviseUploadInput, false);
      return views.outgoing(
        request.actor!,
        await drafts.reviseUploaded(contextOf(request), request.params.id, metadata, file),
      );
    },
  );

  app.post(
    `${base}/:id/submit`,
    {
      config: access('document.draft'),
      schema: {
        tags,
        summary: 'Submit for review and signature / Trình duyệt, trình ký',
        params: IdParams,
        body: SubmitInput,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) =>
      views.outgoing(
        request.actor!,
        await review.submit(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    `${base}/:id/review`,
    {
      config: access('document.approve'),
      schema: {
        tags,
        summary: 'Approve or return with a comment / Duyệt hoặc trả lại',
        params: IdParams,
        body: ReviewInput,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) =>
      views.outgoing(
        request.actor!,
        await review.review(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    `${base}/:id/sign`,
    {
      config: access('document.sign'),
      schema: {
        tags,
        summary: 'Sign with the personal certificate (PIN + TOTP) / Ký số cá nhân',
        params: IdParams,
        body: SignInput,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) =>
      views.outgoing(
        request.actor!,
        await signing.sign(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    `${base}/:id/issue`,
    {
      config: access('document.issue'),
      schema: {
        tags,
        summary: 'Number, agency signature and delivery / Cho số, ký số cơ quan, phát hành',
        params: IdParams,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) =>
      views.outgoing(request.actor!, await issuing.issue(contextOf(request), request.params.id)),
  );

  app.post(
    `${base}/:id/cancel`,
    {
      config: access('document.draft'),
      schema: {
        tags,
        summary: 'Cancel a draft before it is signed / Hủy dự thảo (chưa ký)',
        params: IdParams,
        body: ReasonInput,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) =>
      views.outgoing(
        request.actor!,
        await cancel.cancel(contextOf(request), request.params.id, request.body.reason),
      ),
  );

  app.post(
    `${base}/:id/recall`,
    {
      config: access('document.issue'),
      schema: {
        tags,
        summary: 'Recall an issued document (Art. 18) / Thu hồi văn bản',
        params: IdParams,
        body: ReasonInput,
        response: { 200: OutgoingDocument },
      },
    },
    async (request) =>
      views.outgoing(
        request.actor!,
        await recall.recall(contextOf(request), request.params.id, request.body.reason),
      ),
  );
};
