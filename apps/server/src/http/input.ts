import type { FastifyInstance } from 'fastify';
import { invalid } from '../lib/errors.js';

/** The first string under `value` holding a NUL, as a field path (policy.calendar.weekly[0].start), or null. */
export function nulField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = nulField(value[i], `${path}[${i}]`);
      if (f !== null) return f;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return at;
      const f = nulField(v, at);
      if (f !== null) return f;
    }
  }
  return null;
}

export const NUL_REASON = 'common.noNul';

/**
 * PostgreSQL refuses NUL in text (a 500) while SQLite stores it: one check, before any route's
 * validation, makes both answer 400 naming the field — path ids, query, JSON body alike.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const field = nulField(part);
      if (field !== null) throw invalid(field || 'body', NUL_REASON);
    }
  });
}
