import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as schemas from '@weibao/schema';
import { z } from 'zod';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { API_PREFIX, type Access, type RouteInfo } from './auth.js';

/**
 * The route table of docs/API.md, generated from the routes the app registers (app.routeTable), so
 * the document cannot miss a route or state a different access rule than the one enforced.
 * Regenerate with ROUTES_COMMAND; tsx loads @weibao/schema from its dist/, hence the build first.
 */
export const ROUTES_BEGIN = '<!-- routes:begin -->';
export const ROUTES_END = '<!-- routes:end -->';
export const API_DOC = path.resolve(import.meta.dirname, '../../../../docs/API.md');
export const ROUTES_COMMAND =
  'npx tsc -b packages/schema && node --import tsx apps/server/src/cli.ts docs routes --write';

/** Exported zod schemas by identity: a route's schema object is the one imported from @weibao/schema. */
let names: Map<unknown, string> | null = null;
function schemaNames(): Map<unknown, string> {
  if (names) return names;
  names = new Map();
  for (const [name, value] of Object.entries(schemas)) {
    if (value instanceof z.ZodType && !names.has(value)) names.set(value, name);
  }
  return names;
}

/** A short name for a schema: its export name, `X[]`, `X | null`, or the keys of a local object. */
export function describeSchema(schema: unknown, keysPrefix = ''): string {
  if (!(schema instanceof z.ZodType)) return '–';
  const named = schemaNames().get(schema);
  if (named) return named;
  if (schema instanceof z.ZodArray) return `${describeSchema(schema.element)}[]`;
  if (schema instanceof z.ZodNullable) return `${describeSchema(schema.unwrap())} \\| null`;
  if (schema instanceof z.ZodOptional) return describeSchema(schema.unwrap(), keysPrefix);
  if (schema instanceof z.ZodNull) return '–';
  if (schema instanceof z.ZodObject) {
    const keys = Object.keys(schema.shape);
    return keys.length ? `${keysPrefix}{ ${keys.join(', ')} }` : '{}';
  }
  return schema.type;
}

export function describeAccess(access: Access): string {
  if (access === 'public') return 'anyone';
  if (access === 'authenticated') return 'signed in';
  return access.join(', ');
}

type RouteSchema = {
  summary?: string;
  body?: unknown;
  querystring?: unknown;
  consumes?: string[];
  response?: Record<string, unknown>;
};

function requestCell(s: RouteSchema): string {
  const parts: string[] = [];
  if (s.body) parts.push(describeSchema(s.body));
  else if (s.consumes?.includes('multipart/form-data')) parts.push('multipart `file`');
  if (s.querystring) parts.push(describeSchema(s.querystring, '?'));
  return parts.join('; ') || '–';
}

function responseCell(s: RouteSchema): string {
  const entries = Object.entries(s.response ?? {});
  if (!entries.length) return 'file';
  return entries
    .map(([status, schema]) => {
      const d = describeSchema(schema);
      return status === '200' ? d : d === '–' ? status : `${status}: ${d}`;
    })
    .join('; ');
}

const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');

/** The markdown table: one row per method and path, in path order. */
export function routeTableMarkdown(routes: RouteInfo[]): string {
  const rows = [...routes]
    .map((r) => ({ ...r, path: r.url.startsWith(API_PREFIX) ? r.url.slice(API_PREFIX.length) || '/' : r.url }))
    .sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path < b.path ? -1 : 1))
    .map((r) => {
      const s = (r.schema ?? {}) as RouteSchema;
      const cells = [r.method, r.path, s.summary ?? '', requestCell(s), responseCell(s), describeAccess(r.access)];
      return `| ${cells.map(cell).join(' | ')} |`;
    });
  return [
    `${routes.length} routes, generated from the route registry. Who: \`anyone\` needs no session; \`signed in\` is any`,
    'user; roles list who may call, and the services narrow that to the records in scope (a customer: its own',
    'organisation).',
    '',
    '| Method | Path | Summary | Body / query | Response | Who |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `doc` with the text between the route markers replaced by `table`. */
export function spliceRouteTable(doc: string, table: string): string {
  const begin = doc.indexOf(ROUTES_BEGIN);
  const end = doc.indexOf(ROUTES_END);
  if (begin < 0 || end < begin) throw new Error(`docs/API.md needs the markers ${ROUTES_BEGIN} and ${ROUTES_END}`);
  return `${doc.slice(0, begin + ROUTES_BEGIN.length)}\n${table}\n${doc.slice(end)}`;
}

/** The text currently between the markers (what the test compares with the generator's output). */
export function documentedRouteTable(doc: string): string | null {
  const begin = doc.indexOf(ROUTES_BEGIN);
  const end = doc.indexOf(ROUTES_END);
  return begin < 0 || end < begin ? null : doc.slice(begin + ROUTES_BEGIN.length, end).trim();
}

/** Builds the app on a throw-away in-memory database and returns its route registry. */
export async function registeredRoutes(): Promise<RouteInfo[]> {
  const database = openDatabase({ databaseUrl: null, sqlitePath: ':memory:' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weibao-routes-'));
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({}, { dataDir, workers: false, logLevel: 'silent' });
    const app = await buildApp({ config, database, logger: false });
    const routes = [...app.routeTable];
    await app.close();
    return routes;
  } finally {
    await database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
