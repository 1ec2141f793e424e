import type { FastifyPluginAsync } from 'fastify';
import { incomingRoutes } from './incoming.js';
import { type DocumentRoutesDeps, outgoingRoutes } from './outgoing.js';
import { publicRoutes } from './public.js';
import { queueRoutes } from './queues.js';
import { registerRoutes } from './registers.js';

export type { DocumentRoutesDeps } from './outgoing.js';

export const documentRoutes: FastifyPluginAsync<DocumentRoutesDeps> = async (app, opts) => {
  await app.register(outgoingRoutes, opts);
  await app.register(incomingRoutes, opts);
  await app.register(queueRoutes, opts);
  await app.register(registerRoutes, opts);
  await app.register(publicRoutes, opts);
};
