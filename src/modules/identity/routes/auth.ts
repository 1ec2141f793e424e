import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../platform/context.js';
import { LoginInput, Registered, RegisterInput, SessionInfo, SessionState } from '../schema.js';
import { SESSION_COOKIE } from '../service/session.js';
import type { IdentityRoutesOpts } from './options.js';

export const authRoutes: FastifyPluginAsyncZod<IdentityRoutesOpts> = async (
  app,
  { identity, config },
) => {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.isProduction || (config.publicUrl?.startsWith('https:') ?? false),
    path: '/',
  };
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with password and, when enrolled, TOTP / Đăng nhập',
        body: LoginInput,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await identity.login(request.body, {
        requestId: request.id,
        clientIp: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        presentedToken: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      return { user: await identity.me(actor), expiresAt };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', allowDuringAccountSetup: true },
      schema: { tags: ['auth'], summary: 'Sign out / Đăng xuất', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await identity.logout(contextOf(request));
      clearCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The current session, if any',
        response: { 200: SessionState },
      },
    },
    async (request) => {
      const actor = request.actor;
      return actor
        ? { authenticated: true, user: await identity.me(actor) }
        : { authenticated: false, user: null };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Citizen sign-up / Đăng ký tài khoản công dân',
        body: RegisterInput,
        response: { 201: Registered },
      },
    },
    async (request, reply) => {
      const user = await identity.register(contextOf(request), request.body);
      return reply.status(201).send({ id: user.id, username: user.username });
    },
  );
};
