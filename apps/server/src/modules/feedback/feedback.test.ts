import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)(
  'feedback (意见反馈, R21): customers submit, the provider answers and closes (%s)',
  (dialect) => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    const s: Record<string, Session> = {};
    let fb: any;
    beforeAll(async () => {
      t = await testApp(dialect);
      ids = await demoIds(t);
      for (const u of ['manager', 'dispatcher', 'engineer', 'cust_a', 'lead_a', 'cust_b']) s[u] = await t.login(u);
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('a customer submits for their own project only; the service manager is told', async () => {
      await expectRefused(
        t,
        s.cust_a!,
        'POST',
        `${V}/feedback`,
        { projectId: ids.projectB, category: 'suggestion', title: '建议', body: '内容' },
        { status: 400, code: 'VALIDATION', field: 'projectId' },
      );
      await expectRefused(
        t,
        s.cust_a!,
        'POST',
        `${V}/feedback`,
        { projectId: ids.projectA, category: 'bogus', title: '建议', body: '内容' },
        { status: 400, code: 'VALIDATION', field: 'category' },
      );
      await expectRefused(
        t,
        s.cust_a!,
        'POST',
        `${V}/feedback`,
        { projectId: ids.projectA, category: 'suggestion', title: '', body: '内容' },
        { status: 400, code: 'VALIDATION', field: 'title' },
      );
      expect(
        (
          await s.engineer!.post(`${V}/feedback`, {
            projectId: ids.projectA,
            category: 'suggestion',
            title: '建议',
            body: '内容',
          })
        ).status,
      ).toBe(403);
      const r = await s.cust_a!.post(`${V}/feedback`, {
        projectId: ids.projectA,
        category: 'suggestion',
        title: '希望增加夜间值班电话',
        body: '夜间报修只能发邮件，建议公布值班手机。',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      fb = r.body;
      expect(fb).toMatchObject({
        status: 'open',
        authorName: '陈科员',
        projectName: '省级政务信息系统运维项目',
        answer: null,
      });
      const note = (await s.manager!.get(`${V}/notifications`)).body.find((n: any) => n.kind === 'feedback');
      expect(note.title).toBe('新的建议：希望增加夜间值班电话');
    });

    it('the desk answers; the customer sees the answer; only then the desk closes it', async () => {
      await expectRefused(t, s.dispatcher!, 'POST', `${V}/feedback/${fb.id}/close`, undefined, {
        status: 409,
        code: 'ACTION_NOT_ALLOWED',
        field: 'answer',
      });
      expect((await s.cust_a!.post(`${V}/feedback/${fb.id}/answer`, { answer: '自己答' })).status).toBe(403);
      await expectRefused(
        t,
        s.dispatcher!,
        'POST',
        `${V}/feedback/${fb.id}/answer`,
        { answer: ' ' },
        { status: 400, code: 'VALIDATION', field: 'answer' },
      );
      const a = (
        await s.dispatcher!.post(`${V}/feedback/${fb.id}/answer`, { answer: '已公布 7×24 值班手机 138-0000-0000。' })
      ).body;
      expect(a).toMatchObject({
        status: 'answered',
        answeredByName: expect.any(String),
        answer: '已公布 7×24 值班手机 138-0000-0000。',
      });
      expect((await s.lead_a!.get(`${V}/feedback/${fb.id}`)).body.answer).toBe('已公布 7×24 值班手机 138-0000-0000。');
      expect(
        (await s.cust_a!.get(`${V}/notifications`)).body.some(
          (n: any) => n.kind === 'feedback_answer' && n.body.includes('值班手机'),
        ),
      ).toBe(true);
      expect((await s.dispatcher!.post(`${V}/feedback/${fb.id}/close`)).body).toMatchObject({
        status: 'closed',
        closedByName: expect.any(String),
      });
      await expectRefused(
        t,
        s.dispatcher!,
        'POST',
        `${V}/feedback/${fb.id}/answer`,
        { answer: '再答' },
        { status: 409, code: 'ACTION_NOT_ALLOWED', field: 'answer' },
      );
    });

    it('the author may withdraw an open one; another customer user may not close it', async () => {
      const mine = (
        await s.cust_a!.post(`${V}/feedback`, {
          projectId: ids.projectA,
          category: 'complaint',
          title: '投诉',
          body: '响应慢',
        })
      ).body;
      expect((await s.lead_a!.post(`${V}/feedback/${mine.id}/close`)).status).toBe(403);
      expect((await s.cust_a!.post(`${V}/feedback/${mine.id}/close`)).body.status).toBe('closed');
    });

    it("lists newest first, keyset-paginated; customers see only their own organisation's", async () => {
      for (let i = 0; i < 3; i++) {
        t.clock.advance(1000);
        await s.lead_a!.post(`${V}/feedback`, {
          projectId: ids.projectA,
          category: 'opinion',
          title: `意见 ${i}`,
          body: 'x',
        });
      }
      const p1 = (await s.manager!.get(`${V}/feedback?limit=2`)).body;
      expect(p1.items.map((x: any) => x.title)).toEqual(['意见 2', '意见 1']);
      const p2 = (await s.manager!.get(`${V}/feedback?limit=2&cursor=${p1.nextCursor}`)).body;
      expect(p2.items.map((x: any) => x.title)).toEqual(['意见 0', '投诉']);
      expect((await s.manager!.get(`${V}/feedback?status=closed`)).body.items).toHaveLength(2);
      expect((await s.cust_b!.get(`${V}/feedback`)).body.items).toEqual([]);
      expect((await s.cust_b!.get(`${V}/feedback/${fb.id}`)).status).toBe(404);
      expect((await s.cust_b!.get(`${V}/feedback?projectId=${ids.projectA}`)).status).toBe(404);
    });
  },
);
