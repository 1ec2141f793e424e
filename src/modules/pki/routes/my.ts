import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { Certificate, CertificateParams, SetPinInput } from '../schema.js';
import type { PkiService } from '../service/index.js';

const signedIn = { access: 'authenticated' } as const;

/** The holder's own certificates and the PIN of their platform-held key. */
export const myRoutes: FastifyPluginAsyncZod<{ pki: PkiService }> = async (app, { pki }) => {
  app.get(
    '/api/pki/my/certificates',
    {
      config: signedIn,
      schema: {
        tags: ['me'],
        summary: 'My certificates / Chứng thư số của tôi',
        response: { 200: z.object({ items: z.array(Certificate) }) },
      },
    },
    async (request) => pki.listMine(request.actor!),
  );

  app.post(
    '/api/pki/my/certificates/:id/pin',
    {
      config: signedIn,
      schema: {
        tags: ['me'],
        summary: 'Set or change my signing PIN (TOTP) / Đặt, đổi mã PIN ký số',
        params: CertificateParams,
        body: SetPinInput,
        response: { 200: Certificate },
      },
    },
    async (request) =>
      pki.setPin(
        { ...contextOf(request), actor: request.actor as Actor },
        request.params.id,
        request.body,
      ),
  );
};
