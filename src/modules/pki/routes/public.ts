import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import { readMultipart } from '../../../platform/http/multipart.js';
import { pkiErrors as E } from '../errors.js';
import { ValidationReport } from '../schema.js';
import type { PkiService } from '../service/index.js';

const noFile = () =>
  new DomainError('invalid', 'file.missing', {
    vi: 'Thiếu tệp PDF (trường "file").',
    en: 'No PDF was sent (field "file").',
  });

/** Public facts: the CA certificates, the CRL, and the validation of any signed PDF. */
export const publicRoutes: FastifyPluginAsyncZod<{ pki: PkiService }> = async (app, { pki }) => {
  const binary = { response: { 200: z.any() } } as const;
  // Not under /api: no session, not under the access rule; cacheable by relying parties.
  for (const kind of ['root', 'issuing'] as const) {
    app.get(
      `/pki/ca/${kind}.crt`,
      { schema: { ...binary, hide: true } },
      async (_request, reply) => {
        const der = await pki.caCertificate(kind);
        if (!der) throw E.noAuthority();
        return reply
          .type('application/pkix-cert')
          .header('cache-control', 'public, max-age=86400')
          .send(Buffer.from(der));
      },
    );
  }

  app.get(
    '/pki/crl/issuing.crl',
    { schema: { ...binary, hide: true } },
    async (_request, reply) => {
      const der = await pki.currentCrl();
      if (!der) throw E.noAuthority();
      return reply
        .type('application/pkix-crl')
        .header('cache-control', 'public, max-age=300')
        .send(Buffer.from(der));
    },
  );

  app.post(
    '/api/public/verify',
    {
      // Anyone may upload a PDF here and it costs parsing and crypto: limited per client
      // address (PUBLIC_RATE_LIMIT_PER_MINUTE, set where the plugin is registered); 429 beyond.
      config: { access: 'public', rateLimit: {} },
      schema: {
        tags: ['public'],
        summary: 'Check the signatures of a PDF (multipart: file) / Kiểm tra chữ ký số của tệp PDF',
        response: { 200: ValidationReport },
      },
    },
    async (request) => {
      const body = await readMultipart(request);
      const file = body.files.find((f) => f.field === 'file');
      if (!file || body.files.length !== 1) throw noFile();
      return pki.verify(new Uint8Array(file.data));
    },
  );
};
