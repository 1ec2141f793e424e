import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './routes/auth.js';
import { meRoutes } from './routes/me.js';
import type { IdentityRoutesOpts } from './routes/options.js';
import { userRoutes } from './routes/users.js';

export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOpts> = async (app, opts) => {
  await app.register(authRoutes, opts);
  await app.register(meRoutes, opts);
  await app.register(userRoutes, opts);
};
