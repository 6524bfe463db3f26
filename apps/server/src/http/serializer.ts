import fastJson from 'fast-json-stringify';
import { createSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type RouteSchema = Parameters<FastifySchemaCompiler<unknown>>[0];

/**
 * Responses are written by a serializer that fast-json-stringify compiles from each route's zod
 * response schema (the same JSON Schema the OpenAPI document shows). It writes only the properties
 * the schema names, like zod's encoder, at a fraction of the cost: encoding a 20-ticket queue page
 * with zod and then JSON.stringify took ~9 % of the request's CPU. It does not check types, so
 * with `check` (tests) every response is also encoded by zod first and a mismatch fails loudly.
 * Schemas JSON Schema cannot express fall back to the zod serializer.
 */
export function responseSerializer(opts: { check: boolean }) {
  const viaZod = createSerializerCompiler({});
  return (route: RouteSchema) => {
    const zodSerialize = viaZod(route as never) as (data: unknown) => string;
    let fast: (data: unknown) => string;
    try {
      const schema = route.schema as z.ZodType;
      fast = fastJson(
        simplify(
          z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as JsonSchema,
        ) as never,
      ) as (data: unknown) => string;
    } catch {
      return zodSerialize;
    }
    if (!opts.check) return fast;
    return (data: unknown) => {
      zodSerialize(data);
      return fast(data);
    };
  };
}

/**
 * `anyOf: [{type: 'string', …}, {type: 'null'}]` (zod's nullable) becomes `type: ['string', 'null']`,
 * which fast-json-stringify writes directly instead of validating each value against the branches.
 */
export function simplify(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(simplify);
  if (!s || typeof s !== 'object') return s;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) out[k] = simplify(v);
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nul = anyOf.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1);
    const other = anyOf[1 - nul];
    if (
      nul >= 0 &&
      other &&
      typeof other.type === 'string' &&
      other.type !== 'object' &&
      other.type !== 'array' &&
      !other.anyOf &&
      !other.oneOf
    ) {
      const { anyOf: _drop, ...rest } = out;
      return { ...rest, ...other, type: [other.type, 'null'] };
    }
    // A nullable object (a probe answering null for "none"): fast-json-stringify's anyOf picks no
    // branch for it and drops properties; its own `nullable` keyword writes the object or null.
    if (nul >= 0 && other && other.type === 'object' && !other.anyOf && !other.oneOf) {
      const { anyOf: _drop, ...rest } = out;
      return { ...rest, ...other, nullable: true };
    }
  }
  return out;
}
