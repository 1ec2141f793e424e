import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Binary, CodeParams, PublicVerification } from '../schema.js';
import { sendPdf } from './http.js';
import type { DocumentRoutesDeps } from './outgoing.js';

const pub = { access: 'public' } as const;

/** What the QR code printed on an issued document opens: no account needed. */
export const publicRoutes: FastifyPluginAsyncZod<DocumentRoutesDeps> = async (
  app,
  { documents },
) => {
  const { publicVerification } = documents;

  app.get(
    '/api/public/documents/:code/verification',
    {
      config: { ...pub, rateLimit: {} }, // per client address: PUBLIC_RATE_LIMIT_PER_MINUTE
      schema: {
        tags: ['public'],
        summary: 'Verify an issued document / Xác thực văn bản',
        params: CodeParams,
        response: { 200: PublicVerification },
      },
    },
    async (request) => publicVerification.verification(request.params.code),
  );

  app.get(
    '/api/public/documents/:code/file',
    {
      config: { ...pub, rateLimit: {} }, // per client address: PUBLIC_RATE_LIMIT_PER_MINUTE
      schema: {
        tags: ['public'],
        summary: 'The issued PDF / Tải văn bản đã phát hành',
        params: CodeParams,
        response: { 200: Binary },
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await publicVerification.file(request.params.code);
      return sendPdf(reply, bytes, fileName);
    },
  );
};
