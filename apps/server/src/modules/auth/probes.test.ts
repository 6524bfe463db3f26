import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, ticketInput, tokenSessions } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

/** The probes the web app sends on every page load answer 200 for the normal "nothing" case (no console error). */
describe.each(DIALECTS)('page-load probes (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let custA: Session;
  let custB: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, custA, custB] = await tokenSessions(t, 'dispatcher', 'cust_a', 'cust_b');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('GET /auth/session: 200 {user: null} when signed out or expired; the same user as /auth/me when signed in', async () => {
    expect(await call(t.app, null, 'GET', `${V}/auth/session`)).toMatchObject({ status: 200, body: { user: null } });
    const stale = await call(t.app, null, 'GET', `${V}/auth/session`, {
      headers: { cookie: 'wb_session=not-a-session' },
    });
    expect([stale.status, stale.body]).toEqual([200, { user: null }]);
    const s = await t.login('engineer');
    const me = await call(t.app, s, 'GET', `${V}/auth/me`);
    const session = await call(t.app, s, 'GET', `${V}/auth/session`);
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual(me.body);
    expect(session.body.user).toMatchObject({ username: 'engineer', csrfToken: s.csrf });
    // Still a 401 where sign-in is required.
    expect((await call(t.app, null, 'GET', `${V}/auth/me`)).status).toBe(401);
  });

  it('GET /tickets/:id/rating: 200 null for an unrated ticket the caller sees; 404 for one they cannot see', async () => {
    const tk = (await disp.post(`${V}/tickets`, ticketInput(ids.projectA, { title: '未评价工单' }))).body;
    expect(await disp.get(`${V}/tickets/${tk.id}/rating`)).toMatchObject({ status: 200, body: null });
    expect(await custA.get(`${V}/tickets/${tk.id}/rating`)).toMatchObject({ status: 200, body: null });
    expect((await custB.get(`${V}/tickets/${tk.id}/rating`)).status).toBe(404);
    expect((await disp.get(`${V}/tickets/01NOSUCHTICKET/rating`)).status).toBe(404);
  });
});
