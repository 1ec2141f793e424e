import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { createAgencyService, agencyRoutes } from './modules/agencies/index.js';
import { auditRoutes, createAuditQueries, createAuditService } from './modules/audit/index.js';
import { calendarRoutes, createCalendarService } from './modules/calendar/index.js';
import { catalogRoutes, createCatalogService } from './modules/catalog/index.js';
import { createDocumentService, documentRoutes } from './modules/documents/index.js';
import { createRecordService, recordRoutes } from './modules/documents/records/index.js';
import { createDocumentSearch, searchRoutes } from './modules/documents/search/index.js';
import { createDossierService, dossierRoutes } from './modules/dossiers/index.js';
import { createIdentityService, identityRoutes } from './modules/identity/index.js';
import { createNotifyService, notifyRoutes } from './modules/notify/index.js';
import { createPkiService, pkiRoutes } from './modules/pki/index.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/connect.js';
import { createFileStore } from './platform/files/index.js';
import { registerAccessControl } from './platform/http/access.js';
import { registerHealth } from './platform/http/health.js';
import { loggerOptions } from './platform/http/logger.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerMultipart } from './platform/http/multipart.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerProblemHandlers } from './platform/http/problem.js';
import { registerWeb } from './platform/http/web.js';

export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Already composed services (tests keep a handle on them); made here when absent. */
  services?: Services;
};

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Composes the services; no module reaches another except through what is passed here. */
export function createServices({
  config,
  database,
  clock,
}: Pick<AppDeps, 'config' | 'database' | 'clock'>) {
  const { db } = database;
  const audit = createAuditService({ clock });
  const agencies = createAgencyService({ clock, audit });
  const calendar = createCalendarService({ clock, audit, config });
  const identity = createIdentityService({ db, clock, audit, agencies, config });
  const auditQueries = createAuditQueries({ db, audit, agencies });
  const catalog = createCatalogService({ db, clock, audit, agencies, config });
  const notify = createNotifyService({ db, clock, config });
  const files = createFileStore({ dir: config.filesDir });
  const dossiers = createDossierService({
    db,
    clock,
    audit,
    agencies,
    calendar,
    catalog,
    identity,
    notify,
    files,
    config,
  });
  const pki = createPkiService({ db, clock, audit, agencies, identity, config });
  const documents = createDocumentService({
    db,
    clock,
    audit,
    agencies,
    calendar,
    identity,
    notify,
    files,
    pki,
    config,
  });
  const records = createRecordService({ db, clock, audit, agencies, identity, files, config });
  const documentSearch = createDocumentSearch({ db, clock, audit, agencies });
  return {
    db,
    audit,
    agencies,
    calendar,
    identity,
    auditQueries,
    catalog,
    notify,
    dossiers,
    pki,
    documents,
    records,
    documentSearch,
  };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the HTTP application without listening; tests drive it with `app.inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{8,64}$/.test(given)
        ? given
        : crypto.randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a cross-site HTML form (text/plain, urlencoded) gets 415 before any handler.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const services = deps.services ?? createServices(deps);
  registerProblemHandlers(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its styles at run time
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.isProduction,
  });
  await app.register(cookie);
  // Opt-in per route (`config.rateLimit`): only public routes that do real work use it, each
  // with its own count per client address. The 429 becomes a problem (http.rate_limited).
  await app.register(rateLimit, {
    global: false,
    max: config.publicRateLimitPerMinute,
    timeWindow: 60_000,
  });
  await registerOpenApi(app);
  registerMetrics(app);
  registerHealth(app, deps.database);
  registerAccessControl(app, services.identity.authenticate, {
    allowedOrigins: (request) => {
      const own = `${request.protocol}://${request.host}`;
      return config.publicUrl ? [own, new URL(config.publicUrl).origin] : [own];
    },
  });

  await app.register(identityRoutes, { identity: services.identity, config });
  await app.register(agencyRoutes, { db: services.db, agencies: services.agencies });
  await app.register(calendarRoutes, { db: services.db, calendar: services.calendar });
  await app.register(catalogRoutes, { db: services.db, catalog: services.catalog });
  await app.register(notifyRoutes, { notify: services.notify });
  await registerMultipart(app, { maxFileBytes: config.maxFileBytes, maxFiles: 1 });
  await app.register(dossierRoutes, { dossiers: services.dossiers });
  await app.register(pkiRoutes, { pki: services.pki });
  await app.register(documentRoutes, { documents: services.documents });
  await app.register(recordRoutes, { records: services.records });
  await app.register(searchRoutes, { search: services.documentSearch });
  await app.register(auditRoutes, {
    db: services.db,
    queries: services.auditQueries,
    agencies: services.agencies,
  });
  if (deps.serveWeb) await registerWeb(app, webDistDir);
  return app;
}
