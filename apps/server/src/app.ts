import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { type RouteInfo, registerAuth } from './http/auth.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerInputGuards } from './http/input.js';
import { registerOpenApi } from './http/openapi.js';
import { archiveRoutes } from './modules/archive/routes.js';
import { assetRoutes } from './modules/assets/routes.js';
import { repairRoutes } from './modules/repairs/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { inspectionExecutionRoutes } from './modules/inspections/execution-routes.js';
import { inspectionRoutes } from './modules/inspections/routes.js';
import { trainingRoutes } from './modules/training/routes.js';
import { feedbackRoutes } from './modules/feedback/routes.js';
import { holidayRoutes } from './modules/holidays/routes.js';
import { knowledgeRoutes } from './modules/knowledge/routes.js';
import { satisfactionRoutes } from './modules/satisfaction/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { startRoutes } from './modules/me/routes.js';
import { fieldworkRoutes } from './modules/fieldwork/routes.js';
import { presenceRoutes } from './modules/presence/routes.js';
import { staffingRoutes } from './modules/staffing/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { projectRoutes } from './modules/projects/routes.js';
import { securityRoutes } from './modules/security/routes.js';
import { ticketRoutes } from './modules/tickets/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { buildServices, type Services } from './services.js';
import { responseSerializer } from './http/serializer.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    routeTable: RouteInfo[];
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  now?: () => number;
  logger?: boolean | object;
}

/** Files under /assets/ carry a content hash in their name (Vite); everything else is revalidated. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/;
export function staticCacheHeaders(reply: { header(name: string, value: string): unknown }, filePath: string) {
  reply.header('cache-control', HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Builds the app without listening: main.ts serves it, tests call app.inject(). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ check: opts.config.checkResponses }));

  const services = buildServices(opts.config, opts.database, app.log, opts.now);
  await services.holidays.load(); // calendars are synchronous: the admin's holiday years must be in memory before any request
  const routes: RouteInfo[] = [];
  app.decorate('services', services);
  app.decorate('routeTable', routes);

  const webDist = opts.config.webDist ?? path.resolve(import.meta.dirname, '../../web/dist');
  const spa = fs.existsSync(path.join(webDist, 'index.html'));
  registerErrorHandler(app, { spa });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await registerOpenApi(app);
  registerAuth(app, services.auth, routes, services.audit);
  registerInputGuards(app);

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { access: 'public' },
          schema: {
            tags: ['system'],
            summary: '健康检查 Health',
            response: { 200: z.object({ ok: z.boolean(), dialect: z.string() }) },
          },
        },
        async () => ({ ok: true, dialect: opts.database.dialect }),
      );
      for (const plugin of [
        authRoutes,
        projectRoutes,
        userRoutes,
        ticketRoutes,
        auditRoutes,
        notificationRoutes,
        dashboardRoutes,
        securityRoutes,
        fieldworkRoutes,
        presenceRoutes,
        staffingRoutes,
        assetRoutes,
        repairRoutes,
        archiveRoutes,
        inspectionRoutes,
        inspectionExecutionRoutes,
        trainingRoutes,
        satisfactionRoutes,
        feedbackRoutes,
        knowledgeRoutes,
        reportRoutes,
        holidayRoutes,
        startRoutes,
        searchRoutes,
      ]) {
        await api.register(plugin(services));
      }
    },
    { prefix: '/api/v1' },
  );

  // The built web UI: files are looked up per request (a rebuild needs no restart) and client-side
  // routes fall back to index.html in the not-found handler.
  // The build writes .br and .gz next to each file (apps/web/scripts/precompress.mjs); preCompressed
  // picks one by Accept-Encoding and adds Vary. Hashed assets never change: cached for a year.
  if (spa)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      preCompressed: true,
      setHeaders: staticCacheHeaders,
    });

  app.addHook('onClose', async () => {
    await services.worker.stop();
    services.mailer.close();
  });
  return app;
}
