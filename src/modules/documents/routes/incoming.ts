import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../../platform/context.js';
import { readMultipart } from '../../../platform/http/multipart.js';
import {
  Binary,
  DirectInput,
  IdParams,
  IncomingDocument,
  IncomingListQuery,
  IncomingPage,
  NoteInput,
  ReasonInput,
  RegisterIncomingInput,
} from '../schema.js';
import { access, IdempotencyHeaders, sendPdf, uploadFrom } from './http.js';
import type { DocumentRoutesDeps } from './outgoing.js';

const tags = ['documents'];
const base = '/api/documents/incoming';

/** Incoming documents (văn bản đến): registration, direction, handling, return to sender. */
export const incomingRoutes: FastifyPluginAsyncZod<DocumentRoutesDeps> = async (
  app,
  { documents },
) => {
  const { incoming, handling, queries, views } = documents;

  app.get(
    base,
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'Incoming register and work lists / Sổ văn bản đến, việc của tôi, quá hạn',
        querystring: IncomingListQuery,
        response: { 200: IncomingPage },
      },
    },
    async (request) => queries.listIncoming(request.actor!, request.query),
  );

  app.post(
    base,
    {
      config: access('document.register'),
      schema: {
        tags,
        summary:
          'Register a paper or e-mail document (multipart: file, metadata JSON) / Vào sổ văn bản đến',
        headers: IdempotencyHeaders,
        response: { 200: IncomingDocument, 201: IncomingDocument },
      },
    },
    async (request, reply) => {
      const { file, metadata } = uploadFrom(
        await readMultipart(request),
        RegisterIncomingInput,
        true,
      );
      const { entry, created } = await incoming.register(
        contextOf(request),
        metadata,
        file,
        request.headers['idempotency-key'],
      );
      reply.code(created ? 201 : 200);
      return views.incoming(request.actor!, entry);
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'An incoming document (opening it sends the read receipt) / Chi tiết văn bản đến',
        params: IdParams,
        response: { 200: IncomingDocument },
      },
    },
    async (request) => queries.getIncoming(contextOf(request), request.params.id),
  );

  app.get(
    `${base}/:id/file`,
    {
      config: access('document.read'),
      schema: {
        tags,
        summary: 'The PDF as received / Tệp văn bản đến',
        params: IdParams,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await queries.openIncomingFile(
        contextOf(request),
        request.params.id,
      );
      return sendPdf(reply, bytes, fileName);
    },
  );

  app.post(
    `${base}/:id/direct`,
    {
      config: access('document.direct'),
      schema: {
        tags,
        summary: 'Direct: lead, coordinators, instructions, deadline / Chỉ đạo xử lý',
        params: IdParams,
        body: DirectInput,
        response: { 200: IncomingDocument },
      },
    },
    async (request) =>
      views.incoming(
        request.actor!,
        await handling.direct(contextOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    `${base}/:id/notes`,
    {
      config: access('document.handle'),
      schema: {
        tags,
        summary: 'A progress note / Ghi nhận tiến độ xử lý',
        params: IdParams,
        body: NoteInput,
        response: { 200: IncomingDocument },
      },
    },
    async (request) =>
      views.incoming(
        request.actor!,
        await handling.note(contextOf(request), request.params.id, request.body.note),
      ),
  );

  app.post(
    `${base}/:id/complete`,
    {
      config: access('document.handle'),
      schema: {
        tags,
        summary: 'Complete the handling / Hoàn thành xử lý',
        params: IdParams,
        body: NoteInput,
        response: { 200: IncomingDocument },
      },
    },
    async (request) =>
      views.incoming(
        request.actor!,
        await handling.complete(contextOf(request), request.params.id, request.body.note),
      ),
  );

  app.post(
    `${base}/:id/return`,
    {
      config: access('document.register'),
      schema: {
        tags,
        summary: 'Return an invalid e-document to its sender / Trả lại văn bản',
        params: IdParams,
        body: ReasonInput,
        response: { 200: IncomingDocument },
      },
    },
    async (request) =>
      views.incoming(
        request.actor!,
        await incoming.returnToSender(contextOf(request), request.params.id, request.body.reason),
      ),
  );
};
