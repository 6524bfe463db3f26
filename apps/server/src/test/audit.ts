import { expect } from 'vitest';
import { auditSince, call } from './api.js';
import type { Session, testApp } from './harness.js';

/** The address every audited request in these tests comes from (x-forwarded-for). */
export const AUDIT_IP = '10.9.8.7';

/**
 * Requests as a signed-in demo user from AUDIT_IP, and the check that an audit row written since `seq`
 * names the action and target, the actor and their roles, the ip, the result and the (test clock's) time.
 */
export function auditProbe(app: () => Awaited<ReturnType<typeof testApp>>, sessions: Record<string, Session>) {
  const req = (who: string, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    call(app().app, sessions[who]!, method, url, { payload, headers: { 'x-forwarded-for': AUDIT_IP, ...headers } });
  const check = async (seq: number, who: string, action: string, target: string, result = 'success') => {
    const t = app();
    const rows = await auditSince(t.database, seq);
    const row = rows.find((r) => r.action === action && r.target_id === target);
    expect(row, `no audit row ${action} on ${target}: ${JSON.stringify(rows.map((r) => r.action))}`).toBeDefined();
    const u = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', who)
      .executeTakeFirstOrThrow();
    const roles = (await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute())
      .map((r) => r.role)
      .sort()
      .join(',');
    expect({
      actor: row!.actor_id,
      roles: row!.actor_roles,
      ip: row!.ip,
      result: row!.result,
      at: Number(row!.at),
    }).toEqual({ actor: u.id, roles, ip: AUDIT_IP, result, at: t.clock.now });
    expect(row!.summary.length).toBeGreaterThan(0);
  };
  return { req, check };
}
