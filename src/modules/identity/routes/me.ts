import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import {
  ChangePasswordInput,
  Me,
  TotpConfirmInput,
  TotpDisableInput,
  TotpSetup,
} from '../schema.js';
import type { IdentityRoutesOpts } from './options.js';

/** Routes with access 'authenticated' always have an actor; this states it once. */
const signedIn = (request: FastifyRequest) => ({
  ...contextOf(request),
  actor: request.actor as Actor,
});

export const meRoutes: FastifyPluginAsyncZod<IdentityRoutesOpts> = async (app, { identity }) => {
  const open = { access: 'authenticated' as const, allowDuringAccountSetup: true };

  app.get(
    '/api/me',
    {
      config: open,
      schema: { tags: ['me'], summary: 'My account / Tài khoản của tôi', response: { 200: Me } },
    },
    async (request) => identity.me(signedIn(request).actor),
  );
  app.post(
    '/api/me/password',
    {
      config: open,
      schema: {
        tags: ['me'],
        summary: 'Change my password / Đổi mật khẩu',
        body: ChangePasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.changePassword(signedIn(request), request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/me/totp',
    {
      config: open,
      schema: {
        tags: ['me'],
        summary: 'Start TOTP enrolment / Đăng ký xác thực hai lớp',
        response: { 200: TotpSetup },
      },
    },
    async (request) => identity.startTotp(signedIn(request)),
  );
  app.post(
    '/api/me/totp/confirm',
    {
      config: open,
      schema: {
        tags: ['me'],
        summary: 'Confirm TOTP with a code',
        body: TotpConfirmInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.confirmTotp(signedIn(request), request.body.code);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/me/totp/disable',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'Turn TOTP off (not for admins)',
        body: TotpDisableInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await identity.disableTotp(signedIn(request), request.body.password);
      return reply.status(204).send(null);
    },
  );
};
