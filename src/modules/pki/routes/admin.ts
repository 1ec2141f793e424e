import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../platform/idempotency.js';
import {
  Certificate,
  CertificateDetail,
  CertificatePage,
  CertificateParams,
  DecisionInput,
  ListCertificatesQuery,
  PkiCounts,
  RenewInput,
  RequestCertificateInput,
  RevokeInput,
  StatsQuery,
} from '../schema.js';
import type { PkiService } from '../service/index.js';

// The route lets in holders of the permission anywhere; the service checks the certificate's
// agency lies in their subtree (404 outside). Requests take pki.request or pki.manage.
const read = { access: { permission: 'pki.read' } } as const;
const manage = { access: { permission: 'pki.manage' } } as const;
const stats = { access: { permission: 'pki.stats' } } as const;
const tags = ['pki'];
// Optional while the web app sends none; with one, a repeated request creates nothing new.
const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().regex(IDEMPOTENCY_KEY_PATTERN).optional(),
});

type Ctx = ReturnType<typeof contextOf> & { actor: Actor };
const ctxOf = (request: Parameters<typeof contextOf>[0]) => contextOf(request) as Ctx;

/** The department's certificate register and the certificate lifecycle. */
export const adminRoutes: FastifyPluginAsyncZod<{ pki: PkiService }> = async (app, { pki }) => {
  app.get(
    '/api/pki/certificates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Certificates in my scope / Danh sách chứng thư số',
        querystring: ListCertificatesQuery,
        response: { 200: CertificatePage },
      },
    },
    async (request) => pki.list(request.actor!, request.query),
  );

  app.get(
    '/api/pki/inventory',
    {
      config: read,
      schema: {
        tags,
        summary: 'USB-token and SIM-PKI certificates / Sổ theo dõi USB token, SIM PKI',
        querystring: ListCertificatesQuery,
        response: { 200: CertificatePage },
      },
    },
    async (request) => pki.inventory(request.actor!, request.query),
  );

  app.get(
    '/api/pki/certificates/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A certificate and its history / Chi tiết chứng thư số',
        params: CertificateParams,
        response: { 200: CertificateDetail },
      },
    },
    async (request) => pki.detail(request.actor!, request.params.id),
  );

  app.post(
    '/api/pki/certificates',
    {
      config: read,
      schema: {
        tags,
        summary: 'Request a certificate / Đề nghị cấp chứng thư số',
        headers: IdempotencyHeaders,
        body: RequestCertificateInput,
        response: { 201: Certificate },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await pki.requestCertificate(
            ctxOf(request),
            request.body,
            request.headers['idempotency-key'],
          ),
        ),
  );

  const decision = (path: string, summary: string, fn: 'approve' | 'reject') =>
    app.post(
      `/api/pki/certificates/:id/${path}`,
      {
        config: manage,
        schema: {
          tags,
          summary,
          params: CertificateParams,
          body: DecisionInput,
          response: { 200: Certificate },
        },
      },
      async (request) => pki[fn](ctxOf(request), request.params.id, request.body),
    );
  decision('approve', 'Approve a request / Duyệt đề nghị', 'approve');
  decision('reject', 'Reject a request / Từ chối đề nghị', 'reject');

  const simple = (path: string, summary: string, fn: 'issue' | 'suspend' | 'resume' | 'resetPin') =>
    app.post(
      `/api/pki/certificates/:id/${path}`,
      {
        config: manage,
        schema: { tags, summary, params: CertificateParams, response: { 200: Certificate } },
      },
      async (request) => pki[fn](ctxOf(request), request.params.id),
    );
  simple('issue', 'Issue an approved certificate / Cấp chứng thư số', 'issue');
  simple('suspend', 'Suspend (certificateHold) / Tạm dừng chứng thư số', 'suspend');
  simple('resume', 'Resume a suspended certificate / Khôi phục chứng thư số', 'resume');
  simple('reset-pin', 'Reset a locked PIN / Đặt lại mã PIN bị khóa', 'resetPin');

  app.post(
    '/api/pki/certificates/:id/renew',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Renew with a new key; the old one is superseded / Gia hạn (cấp lại) chứng thư số',
        params: CertificateParams,
        body: RenewInput,
        response: { 201: Certificate },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pki.renew(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/pki/certificates/:id/revoke',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Revoke with an RFC 5280 reason / Thu hồi chứng thư số',
        params: CertificateParams,
        body: RevokeInput,
        response: { 200: Certificate },
      },
    },
    async (request) => pki.revoke(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/pki/stats',
    {
      config: stats,
      schema: {
        tags: ['statistics'],
        summary: 'Certificates active / issued / revoked / Số liệu chứng thư số',
        querystring: StatsQuery,
        response: { 200: PkiCounts },
      },
    },
    async (request) => pki.stats(request.actor!, request.query),
  );
};
