import type { FastifyPluginAsync } from 'fastify';
import type { PkiService } from '../service/index.js';
import { adminRoutes } from './admin.js';
import { myRoutes } from './my.js';
import { publicRoutes } from './public.js';

export type PkiRoutesDeps = { pki: PkiService };

export const pkiRoutes: FastifyPluginAsync<PkiRoutesDeps> = async (app, opts) => {
  await app.register(adminRoutes, opts);
  await app.register(myRoutes, opts);
  await app.register(publicRoutes, opts);
};
