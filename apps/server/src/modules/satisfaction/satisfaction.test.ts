import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, expectRefused, ticketInput } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const DAY = 86_400_000;

describe.each(DIALECTS)(
  'satisfaction: rating requests, the one-time e-mail link, callbacks, surveys, the rate (R29) (%s)',
  (dialect) => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    const s: Record<string, Session> = {};
    const login = async () => {
      for (const u of ['manager', 'dispatcher', 'engineer', 'cust_a', 'lead_a', 'cust_b', 'lead_b'])
        s[u] = await t.login(u);
    };
    /** A ticket taken to resolved; `by` reports it. */
    const resolved = async (by: string, title: string) => {
      const tk = (await s[by]!.post(`${V}/tickets`, ticketInput(ids.projectA, { title }))).body;
      expect(
        (
          await s.dispatcher!.post(`${V}/tickets/${tk.id}/actions`, {
            action: 'dispatch',
            assigneeId: ids.users.engineer,
          })
        ).status,
      ).toBe(200);
      await s.engineer!.post(`${V}/tickets/${tk.id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
      const r = await s.engineer!.post(`${V}/tickets/${tk.id}/actions`, {
        action: 'resolve',
        solution: '已恢复',
        faultCause: 'non_human',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return tk;
    };
    const linkFor = async (ticketNumber: string) => {
      const mail = await t.database.db
        .selectFrom('mail_outbox')
        .select(['to_addr', 'body'])
        .where('subject', 'like', `请评价：${ticketNumber}%`)
        .executeTakeFirstOrThrow();
      return { to: mail.to_addr, token: /\/rate\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1]!, body: mail.body };
    };
    beforeAll(async () => {
      t = await testApp(dialect, { config: { publicUrl: 'https://weibao.example.cn' } });
      ids = await demoIds(t);
      await login();
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('a resolved ticket e-mails its reporter a one-time link that rates without logging in; a low score alerts the manager', async () => {
      const tk = await resolved('cust_a', '打印服务异常');
      const mail = await linkFor(tk.number);
      expect(mail.to).toBe('chen@sxxzx.example.cn');
      expect(mail.body).toContain(`https://weibao.example.cn/rate/${mail.token}`);
      // Only the hash is stored.
      expect(
        await t.database.db
          .selectFrom('rating_requests')
          .select('id')
          .where('token_hash', '=', mail.token)
          .executeTakeFirst(),
      ).toBeUndefined();
      const view = await call(t.app, null, 'GET', `${V}/public/ratings/${mail.token}`);
      expect(view.body).toEqual({
        state: 'pending',
        kind: 'ticket',
        projectName: '省级政务信息系统运维项目',
        subject: `${tk.number} 打印服务异常`,
        score: null,
        expiresAt: t.clock.now + 30 * DAY,
      });
      await expectRefused(
        t,
        null,
        'POST',
        `${V}/public/ratings/${mail.token}`,
        { score: 6 },
        { status: 400, code: 'VALIDATION', field: 'score' },
      );
      await expectRefused(
        t,
        null,
        'POST',
        `${V}/public/ratings/${'x'.repeat(43)}`,
        { score: 5 },
        { status: 404, code: 'NOT_FOUND' },
      );
      const rated = await call(t.app, null, 'POST', `${V}/public/ratings/${mail.token}`, {
        payload: { score: 2, comment: '等了很久' },
        headers: { 'x-forwarded-for': '10.1.2.3' },
      });
      expect(rated.status, rated.raw).toBe(200);
      expect(rated.body).toMatchObject({ state: 'rated', score: 2 });
      // Once only.
      await expectRefused(
        t,
        null,
        'POST',
        `${V}/public/ratings/${mail.token}`,
        { score: 5 },
        { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'score' },
      );
      const r = (await s.cust_a!.get(`${V}/tickets/${tk.id}/rating`)).body;
      expect(r).toMatchObject({
        state: 'rated',
        score: 2,
        comment: '等了很久',
        channel: 'email',
        userId: ids.users.cust_a,
        ticketNumber: tk.number,
      });
      expect(
        (await t.database.db.selectFrom('tickets').select('rating').where('id', '=', tk.id).executeTakeFirstOrThrow())
          .rating,
      ).toBe(2);
      expect((await s.cust_b!.get(`${V}/tickets/${tk.id}/rating`)).status).toBe(404);
      const alert = (await s.manager!.get(`${V}/notifications`)).body.find((n: any) => n.kind === 'rating_low');
      expect(alert).toMatchObject({ title: `低分评价：工单 ${tk.number} 2 分`, ticketId: tk.id });
      expect(alert.body).toContain('等了很久');
      const audit = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'satisfaction.rate')
        .where('target_id', '=', tk.id)
        .executeTakeFirstOrThrow();
      expect({ actor: audit.actor_id, ip: audit.ip }).toEqual({ actor: ids.users.cust_a, ip: '10.1.2.3' });
    });

    it('a phone report has no account to ask: the desk records the callback (回访); the customer cannot', async () => {
      const tk = await resolved('dispatcher', '电话报修：网络中断');
      const req = (await s.dispatcher!.get(`${V}/tickets/${tk.id}/rating`)).body;
      expect(req).toMatchObject({ state: 'pending', userId: null, channel: null });
      expect((await s.cust_a!.post(`${V}/rating-requests/${req.id}/rate`, { score: 5 })).status).toBe(403);
      expect((await s.engineer!.post(`${V}/rating-requests/${req.id}/rate`, { score: 5 })).status).toBe(403);
      const r = await s.dispatcher!.post(`${V}/rating-requests/${req.id}/rate`, {
        score: 5,
        comment: '电话回访：满意',
      });
      expect(r.body).toMatchObject({ state: 'rated', score: 5, channel: 'callback' });
    });

    it("the confirmation's rating answers the request; resolving again after a reopen asks afresh", async () => {
      const tk = await resolved('cust_a', '报表导出失败');
      expect(
        (await s.cust_a!.post(`${V}/tickets/${tk.id}/actions`, { action: 'reopen', reason: '又出现了' })).status,
      ).toBe(200);
      const first = (await s.cust_a!.get(`${V}/tickets/${tk.id}/rating`)).body;
      expect(
        (
          await s.engineer!.post(`${V}/tickets/${tk.id}/actions`, {
            action: 'resolve',
            solution: '修复模板',
            faultCause: 'non_human',
          })
        ).status,
      ).toBe(200);
      const second = (await s.cust_a!.get(`${V}/tickets/${tk.id}/rating`)).body;
      expect(second.id).not.toBe(first.id);
      expect(
        (
          await t.database.db
            .selectFrom('rating_requests')
            .select('state')
            .where('id', '=', first.id)
            .executeTakeFirstOrThrow()
        ).state,
      ).toBe('superseded');
      expect((await s.cust_a!.post(`${V}/tickets/${tk.id}/actions`, { action: 'confirm', rating: 4 })).status).toBe(
        200,
      );
      expect((await s.cust_a!.get(`${V}/tickets/${tk.id}/rating`)).body).toMatchObject({
        id: second.id,
        state: 'rated',
        score: 4,
        channel: 'portal',
      });
    });

    it('a survey asks every user of the customer; each answers in the portal or by link', async () => {
      await expectRefused(
        t,
        s.manager!,
        'POST',
        `${V}/projects/${ids.projectA}/satisfaction-surveys`,
        { title: '四季度满意度调查', closesOn: '2026-10-11' },
        { status: 400, code: 'VALIDATION', field: 'closesOn' },
      );
      expect(
        (
          await s.lead_a!.post(`${V}/projects/${ids.projectA}/satisfaction-surveys`, {
            title: 'x',
            closesOn: '2026-10-31',
          })
        ).status,
      ).toBe(403);
      const survey = (
        await s.manager!.post(`${V}/projects/${ids.projectA}/satisfaction-surveys`, {
          title: '四季度满意度调查',
          closesOn: '2026-10-31',
        })
      ).body;
      expect(survey).toMatchObject({ sent: 2, answered: 0 }); // 陈科员 and 刘处长
      const mine = (await s.lead_a!.get(`${V}/rating-requests?state=pending`)).body.items;
      expect(mine.map((x: any) => [x.kind, x.surveyTitle, x.userName])).toEqual([
        ['survey', '四季度满意度调查', '刘处长'],
      ]);
      expect((await s.cust_a!.post(`${V}/rating-requests/${mine[0].id}/rate`, { score: 1 })).status).toBe(403); // not theirs
      expect(
        (await s.lead_a!.post(`${V}/rating-requests/${mine[0].id}/rate`, { score: 5, comment: '驻场工程师很负责' }))
          .body,
      ).toMatchObject({ state: 'rated', channel: 'portal' });
      expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/satisfaction-surveys`)).status).toBe(404);
      expect((await s.manager!.get(`${V}/projects/${ids.projectA}/satisfaction-surveys`)).body[0]).toMatchObject({
        title: '四季度满意度调查',
        sent: 2,
        answered: 1,
      });
      const note = (await s.cust_a!.get(`${V}/notifications`)).body.find(
        (n: any) => n.title === '满意度调查：四季度满意度调查',
      );
      expect(note.body).toMatch(/https:\/\/weibao\.example\.cn\/rate\/[A-Za-z0-9_-]{43}/);
    });

    it('the rate is satisfied (4–5) ÷ rated in the period, against the contract target; no rating is "no data", not met', async () => {
      // The demo seed closed two of project A's tickets with a 5 confirmed by the desk (a callback).
      const seeded = await t.database.db
        .selectFrom('rating_requests')
        .innerJoin('tickets', 'tickets.id', 'rating_requests.ticket_id')
        .select(['rating_requests.score', 'rating_requests.channel'])
        .where('rating_requests.project_id', '=', ids.projectA)
        .where('rating_requests.state', '=', 'rated')
        .where('tickets.title', 'not in', ['打印服务异常', '电话报修：网络中断', '报表导出失败'])
        .execute();
      expect(seeded).toEqual([
        { score: 5, channel: 'callback' },
        { score: 5, channel: 'callback' },
      ]);
      // Hand count for October: seeded 5, 5 + ours 2 (link), 5 (callback), 4 (confirm), 5 (survey) → 5 of 6 = 83.3 %.
      const demo = await t.database.db
        .selectFrom('rating_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('project_id', '=', ids.projectA)
        .where('state', '!=', 'superseded')
        .executeTakeFirstOrThrow();
      const rep = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/satisfaction?from=2026-10-01&to=2026-10-31`))
        .body;
      expect(rep).toMatchObject({
        rated: 6,
        satisfied: 5,
        ratePct: 83.3,
        targetPct: 95,
        met: false,
        requested: Number(demo.n),
      });
      expect(rep.byScore).toEqual([
        { score: 5, count: 4 },
        { score: 4, count: 1 },
        { score: 3, count: 0 },
        { score: 2, count: 1 },
        { score: 1, count: 0 },
      ]);
      expect(rep.byChannel).toEqual([
        { channel: 'portal', count: 2 },
        { channel: 'email', count: 1 },
        { channel: 'callback', count: 3 },
      ]);
      expect(rep.low.map((x: any) => [x.score, x.comment])).toEqual([[2, '等了很久']]);
      expect(rep.responsePct).toBe(Math.round((6 / Number(demo.n)) * 1000) / 10);
      // The target is the contract's.
      expect((await s.manager!.patch(`${V}/contracts/${ids.contractA}`, { satisfactionTargetPct: 80 })).status).toBe(
        200,
      );
      expect(
        (await s.lead_a!.get(`${V}/projects/${ids.projectA}/satisfaction?from=2026-10-01&to=2026-10-31`)).body,
      ).toMatchObject({ targetPct: 80, met: true });
      expect((await s.manager!.get(`${V}/contracts/${ids.contractA}`)).body).toMatchObject({
        satisfactionTargetPct: 80,
        warrantyMonths: 36,
      });
      // A month without ratings: no data.
      expect(
        (await s.manager!.get(`${V}/projects/${ids.projectA}/satisfaction?from=2026-09-01&to=2026-09-30`)).body,
      ).toMatchObject({ rated: 0, ratePct: null, met: null });
      expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/satisfaction`)).status).toBe(404);
      await expectRefused(
        t,
        s.manager!,
        'GET',
        `${V}/projects/${ids.projectA}/satisfaction?from=2026-10-31&to=2026-10-01`,
        undefined,
        { status: 400, code: 'VALIDATION', field: 'to' },
      );
    });

    it('a recurring survey goes out on its day, once, and moves on by its interval; paused ones wait', async () => {
      await expectRefused(
        t,
        s.manager!,
        'POST',
        `${V}/projects/${ids.projectA}/survey-schedules`,
        { title: '月度满意度调查', everyMonths: 1, openDays: 14, firstOn: '2026-10-11' },
        { status: 400, code: 'VALIDATION', field: 'firstOn' },
      );
      expect(
        (
          await s.lead_a!.post(`${V}/projects/${ids.projectA}/survey-schedules`, {
            title: 'x',
            everyMonths: 1,
            openDays: 14,
            firstOn: '2026-10-12',
          })
        ).status,
      ).toBe(403);
      const sched = (
        await s.manager!.post(`${V}/projects/${ids.projectA}/survey-schedules`, {
          title: '月度满意度调查',
          everyMonths: 1,
          openDays: 14,
          firstOn: '2026-10-12',
        })
      ).body;
      expect(sched).toMatchObject({ nextOn: '2026-10-12', active: true, lastSentOn: null });
      const other = (
        await s.manager!.post(`${V}/projects/${ids.projectB}/survey-schedules`, {
          title: '半年调查',
          everyMonths: 6,
          openDays: 7,
          firstOn: '2026-10-12',
        })
      ).body;
      expect((await s.manager!.patch(`${V}/survey-schedules/${other.id}`, { active: false })).body.active).toBe(false);
      // As if the app had been off since August: one survey for the latest period due, not three.
      await t.database.db
        .updateTable('survey_schedules')
        .set({ next_on: '2026-08-12' })
        .where('id', '=', sched.id)
        .execute();
      const jobs = t.app.services.surveySchedules;
      t.clock.advance(60_000);
      expect(await jobs.sendDue()).toBe(1);
      expect(await jobs.sendDue()).toBe(0);
      const surveys = (await s.lead_a!.get(`${V}/projects/${ids.projectA}/satisfaction-surveys`)).body;
      expect(surveys[0]).toMatchObject({ title: '月度满意度调查（2026-10）', closesOn: '2026-10-25', sent: 2 });
      expect((await s.lead_a!.get(`${V}/projects/${ids.projectA}/survey-schedules`)).body).toEqual([
        expect.objectContaining({ nextOn: '2026-11-12', lastSentOn: '2026-10-12' }),
      ]);
      expect((await s.lead_b!.get(`${V}/projects/${ids.projectA}/survey-schedules`)).status).toBe(404);
      expect((await s.lead_b!.patch(`${V}/survey-schedules/${sched.id}`, { active: false })).status).toBe(403);
      // A month on: the next one.
      t.clock.advance(31 * DAY); // 2026-11-12
      await login();
      expect(await jobs.sendDue()).toBe(1);
      const later = (await s.manager!.get(`${V}/projects/${ids.projectA}/satisfaction-surveys`)).body;
      expect(later.map((x: any) => x.title)).toEqual([
        '月度满意度调查（2026-11）',
        '月度满意度调查（2026-10）',
        '四季度满意度调查',
      ]);
      expect((await s.manager!.get(`${V}/projects/${ids.projectA}/survey-schedules`)).body[0].nextOn).toBe(
        '2026-12-12',
      );
      // The paused one resumes from today, without catching up.
      expect((await s.manager!.patch(`${V}/survey-schedules/${other.id}`, { active: true })).body).toMatchObject({
        active: true,
        nextOn: '2026-11-12',
      });
      expect(await jobs.sendDue()).toBe(1);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['actor_id', 'actor_name', 'summary'])
        .where('action', '=', 'satisfaction.survey')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_id: null, actor_name: '系统（定期调查）' });
      expect(audit.summary).toContain('按计划发起满意度调查「半年调查（2026-11）」');
    });

    it('links expire after 30 days', async () => {
      const tk = await resolved('cust_a', '到期测试');
      const { token } = await linkFor(tk.number);
      t.clock.advance(31 * DAY);
      await login();
      expect((await call(t.app, null, 'GET', `${V}/public/ratings/${token}`)).body.state).toBe('expired');
      await expectRefused(
        t,
        null,
        'POST',
        `${V}/public/ratings/${token}`,
        { score: 5 },
        { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'score' },
      );
      expect(
        (await s.cust_a!.get(`${V}/rating-requests?state=expired`)).body.items.map((x: any) => x.ticketId),
      ).toContain(tk.id);
    });
  },
);
