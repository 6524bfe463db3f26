import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { Problem } from '@weibao/schema';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteInfo } from './auth.js';

/** OpenAPI 3.1 generated from the same zod schemas that validate requests and responses. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Weibao 维保 API',
        version: '1.0.0',
        description: 'After-sales service and IT O&M management. Errors are RFC 9457 problem+json.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wb_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
      tags: [
        'auth',
        'customers',
        'projects',
        'contracts',
        'users',
        'tickets',
        'notifications',
        'audit',
        'dashboard',
        'start',
        'security',
        'system',
      ].map((name) => ({ name, description: name })),
    },
    transform: documentUploads,
    // Runs when the document is first requested, so every route (and app.routeTable) is known.
    transformObject: (doc) =>
      'openapiObject' in doc ? finishDocument(doc.openapiObject as OpenApiDoc, app.routeTable) : doc.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** An upload route validates its multipart body in code (http/upload.ts): the document still shows the "file" part. */
const documentUploads: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as { consumes?: string[]; body?: unknown };
  if (schema?.consumes?.includes('multipart/form-data') && !schema.body) {
    schema.body = { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] };
  }
  return out;
};

type Operation = {
  operationId?: string;
  security?: unknown[];
  description?: string;
  responses?: Record<string, unknown>;
  [k: string]: unknown;
};
type OpenApiDoc = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; [k: string]: unknown };
  [k: string]: unknown;
};
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** getTicketsByIdClockHistory for GET /api/v1/tickets/{id}/clock-history: stable names for client generators. */
export function operationId(method: string, path: string): string {
  const pascal = (s: string) =>
    s
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
  const parts = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .map((seg) => (/^\{.+\}$/.test(seg) ? `By${pascal(seg.slice(1, -1))}` : pascal(seg)));
  return method.toLowerCase() + parts.join('');
}

/**
 * Completes what the route schemas cannot say: an operationId per operation, the RFC 9457 error
 * body every operation may answer with, no security requirement on public routes, and who may call.
 */
function finishDocument(doc: OpenApiDoc, routes: RouteInfo[]): OpenApiDoc {
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Problem: z.toJSONSchema(Problem, { target: 'draft-2020-12' }) },
  };
  const problem = {
    description: "Problem (RFC 9457): stable `code`, `field` at fault, `detail` in the caller's language",
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationId(method, path);
      op.responses = { ...op.responses, '4XX': problem };
      const route = routes.find((r) => r.method === method.toUpperCase() && r.url.replace(/:(\w+)/g, '{$1}') === path);
      if (route?.access === 'public') op.security = [];
      else if (route && route.access !== 'authenticated')
        op.description = [op.description, `Roles: ${route.access.join(', ')}`].filter(Boolean).join('\n\n');
    }
  }
  return doc;
}
