import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../platform/idempotency.js';
import {
  AddFileDocumentInput,
  ArchiveTransferList,
  ArchiveTransferQuery,
  CreateFilePlanInput,
  CreateRecordFileInput,
  FilePlanList,
  FilePlanListQuery,
  FilePlanView,
  HeadingInput,
  RecordFileDocumentParams,
  RecordFileList,
  RecordFileListQuery,
  RecordFileView,
  RecordIdParams,
  TransferFileInput,
  UpdateRecordFileInput,
} from './schema.js';
import type { RecordService } from './service/index.js';

export type RecordRoutesDeps = { records: RecordService };

const tags = ['records'];
const READ = { access: { permission: 'document.read' } } as const;
const MANAGE = { access: { permission: 'document.records' } } as const;
const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().regex(IDEMPOTENCY_KEY_PATTERN),
});
const Zip = z.any().describe('binary (application/zip)');

/**
 * Records (hồ sơ): `document.records` (the clerk) manages, `document.read` reads; the
 * service checks the agency scope (404 outside it).
 */
export const recordRoutes: FastifyPluginAsyncZod<RecordRoutesDeps> = async (app, { records }) => {
  const { plans, files, contents } = records;

  app.get(
    '/api/documents/file-plans',
    {
      config: READ,
      schema: {
        tags,
        summary: 'File plans of the agencies one reads / Danh mục hồ sơ',
        querystring: FilePlanListQuery,
        response: { 200: FilePlanList },
      },
    },
    async (request) => plans.listPlans(request.actor!, request.query),
  );

  app.post(
    '/api/documents/file-plans',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "An agency's file plan for a year / Lập danh mục hồ sơ",
        body: CreateFilePlanInput,
        response: { 201: FilePlanView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return plans.createPlan(contextOf(request), request.body);
    },
  );

  app.get(
    '/api/documents/file-plans/:id',
    {
      config: READ,
      schema: {
        tags,
        summary: 'A file plan with its headings and files / Chi tiết danh mục hồ sơ',
        params: RecordIdParams,
        response: { 200: FilePlanView },
      },
    },
    async (request) => plans.getPlan(request.actor!, request.params.id),
  );

  app.post(
    '/api/documents/file-plans/:id/headings',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Add a heading / Thêm đề mục',
        params: RecordIdParams,
        body: HeadingInput,
        response: { 200: FilePlanView },
      },
    },
    async (request) => plans.addHeading(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/documents/files',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Files (hồ sơ) / Danh sách hồ sơ',
        querystring: RecordFileListQuery,
        response: { 200: RecordFileList },
      },
    },
    async (request) => files.listFiles(request.actor!, request.query),
  );

  app.post(
    '/api/documents/files',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Open a file under a heading / Mở hồ sơ',
        headers: IdempotencyHeaders,
        body: CreateRecordFileInput,
        response: { 200: RecordFileView, 201: RecordFileView },
      },
    },
    async (request, reply) => {
      const { file, created } = await files.createFile(
        contextOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      reply.code(created ? 201 : 200);
      return file;
    },
  );

  app.get(
    '/api/documents/files/:id',
    {
      config: READ,
      schema: {
        tags,
        summary: 'A file and its documents / Chi tiết hồ sơ',
        params: RecordIdParams,
        response: { 200: RecordFileView },
      },
    },
    async (request) => files.getFile(request.actor!, request.params.id),
  );

  app.patch(
    '/api/documents/files/:id',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Change an open file / Sửa hồ sơ',
        params: RecordIdParams,
        body: UpdateRecordFileInput,
        response: { 200: RecordFileView },
      },
    },
    async (request) => files.updateFile(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/documents/files/:id/documents',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'File a document / Đưa văn bản vào hồ sơ',
        params: RecordIdParams,
        body: AddFileDocumentInput,
        response: { 200: RecordFileView },
      },
    },
    async (request) =>
      contents.addDocument(contextOf(request), request.params.id, request.body.documentId),
  );

  app.delete(
    '/api/documents/files/:id/documents/:documentId',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Take a document out of an open file / Rút văn bản khỏi hồ sơ',
        params: RecordFileDocumentParams,
        response: { 200: RecordFileView },
      },
    },
    async (request) =>
      contents.removeDocument(contextOf(request), request.params.id, request.params.documentId),
  );

  app.post(
    '/api/documents/files/:id/close',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Close a file: read-only from now on / Kết thúc hồ sơ',
        params: RecordIdParams,
        response: { 200: RecordFileView },
      },
    },
    async (request) => files.closeFile(contextOf(request), request.params.id),
  );

  app.post(
    '/api/documents/files/:id/transfer',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Record the handover to the agency's archive / Nộp lưu hồ sơ",
        params: RecordIdParams,
        body: TransferFileInput,
        response: { 200: RecordFileView },
      },
    },
    async (request) =>
      files.transferFile(contextOf(request), request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/documents/files/:id/export',
    {
      config: READ,
      schema: {
        tags,
        summary: 'The file as a ZIP of PDFs and annex VI XML / Xuất hồ sơ',
        params: RecordIdParams,
        response: { 200: Zip },
      },
    },
    async (request, reply) => {
      const { fileName, zip } = await records.export.exportFile(
        contextOf(request),
        request.params.id,
      );
      return reply
        .type('application/zip')
        .header('content-disposition', contentDisposition(fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(zip);
    },
  );

  app.get(
    '/api/documents/archive-transfers',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Files due for the archive within a year / Hồ sơ đến hạn nộp lưu',
        querystring: ArchiveTransferQuery,
        response: { 200: ArchiveTransferList },
      },
    },
    async (request) => records.archiveTransfers(request.actor!, request.query),
  );
};
