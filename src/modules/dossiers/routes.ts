import type { FastifyPluginAsync } from 'fastify';
import { deskRoutes } from './routes/desk.js';
import { type DossierRoutesDeps, portalRoutes } from './routes/portal.js';
import { statsRoutes } from './routes/stats.js';

export type { DossierRoutesDeps } from './routes/portal.js';

export const dossierRoutes: FastifyPluginAsync<DossierRoutesDeps> = async (app, opts) => {
  await app.register(portalRoutes, opts);
  await app.register(deskRoutes, opts);
  await app.register(statsRoutes, opts);
};
