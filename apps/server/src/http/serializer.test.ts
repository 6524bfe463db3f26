import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer, simplify } from './serializer.js';

const Item = z.object({
  id: z.string(),
  level: z.number().int(),
  assigneeName: z.string().nullable(),
  breached: z.boolean(),
  tags: z.array(z.string()),
});
const Page = z.object({ items: z.array(Item), nextCursor: z.string().nullable() });
const compile = (schema: z.ZodType, check: boolean) =>
  responseSerializer({ check })({ schema, method: 'GET', url: '/x', httpPart: 'response' } as never) as (
    d: unknown,
  ) => string;

describe('response serializer', () => {
  const page = {
    items: [{ id: 'a', level: 1, assigneeName: null, breached: false, tags: ['x'], secret: 'hash' }],
    nextCursor: null,
    debug: 1,
  };

  it('writes what zod would write, and only the properties the schema names', () => {
    const out = compile(Page, false)(page);
    expect(JSON.parse(out)).toEqual(Page.parse(page));
    expect(out).not.toContain('secret');
    expect(out).not.toContain('debug');
  });

  it('writes nullable fields as type unions instead of anyOf branches', () => {
    expect(simplify({ anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] })).toEqual({
      type: ['string', 'null'],
      minLength: 1,
    });
    // fast-json-stringify's anyOf picks no branch for an object-or-null and drops its fields; `nullable` writes both.
    const nested = { anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] };
    expect(simplify(nested)).toEqual({ type: 'object', properties: {}, nullable: true });
  });

  it('writes a nullable object with its fields, and null as null', () => {
    const Rating = z.object({ id: z.string(), score: z.number().int() }).nullable();
    expect(JSON.parse(compile(Rating, false)({ id: 'r1', score: 5, extra: 1 }))).toEqual({ id: 'r1', score: 5 });
    expect(compile(Rating, false)(null)).toBe('null');
  });

  it('with check on, a response that breaks its schema fails instead of being coerced', () => {
    const bad = { ...page, items: [{ ...page.items[0], level: 'high' }] };
    expect(() => compile(Page, true)(bad)).toThrow();
    expect(compile(Page, true)(page)).toBe(compile(Page, false)(page));
  });

  it('falls back to zod for schemas JSON Schema cannot express', () => {
    const WithTransform = z.object({ at: z.date() });
    const out = compile(WithTransform, false)({ at: new Date(0) });
    expect(JSON.parse(out)).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });
});
