import type { Role } from '@weibao/schema';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, fingerprint, multipart, type Res, ticketInput } from '../test/api.js';
import { DIALECTS, type Session, testApp } from '../test/harness.js';
import { DEMO_USERS } from '../modules/seed/demo.js';
import { type Entity, entityOf, FIXTURES, LIST_QUERY, type Org } from '../test/access-fixtures.js';

/**
 * Every route in app.routeTable × every demo user (one per role, and both customers) × no session.
 * Expectations come from each route's declared `access`; a route without a fixture here fails the
 * test, so a new route cannot ship untested.
 */
describe.each(DIALECTS)('access matrix: every route × every role (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const sessions: Record<string, Session> = {};
  /** Ids of records per customer organisation; staff probes use org A's (all visible to them). */
  const rec = {} as Record<Org, Record<Entity, string>>;
  /** Text that must never appear in a response to the other customer. */
  const secrets = {} as Record<Org, string[]>;

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of DEMO_USERS) sessions[u.username] = await t.login(u.username);
    const disp = sessions.dispatcher!;
    const eng = sessions.engineer!;
    for (const [org, cust, projectId, contractId] of [
      ['A', 'cust_a', ids.projectA, ids.contractA],
      ['B', 'cust_b', ids.projectB, ids.contractB],
    ] as const) {
      const c = sessions[cust]!;
      const tk = (await c.post('/api/v1/tickets', ticketInput(projectId, { title: `机密工单-${org}` }))).body;
      await disp.post(`/api/v1/tickets/${tk.id}/actions`, { action: 'dispatch', assigneeId: ids.users.engineer });
      await eng.post(`/api/v1/tickets/${tk.id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
      await eng.post(`/api/v1/tickets/${tk.id}/comments`, { body: `机密评论-${org}` });
      await eng.post(`/api/v1/tickets/${tk.id}/actions`, {
        action: 'resolve',
        solution: `机密方案-${org}`,
        faultCause: 'non_human',
      });
      const m = multipart(`机密附件-${org}.txt`, `机密内容-${org}`);
      const att = await call(t.app, c, 'POST', `/api/v1/tickets/${tk.id}/attachments`, m);
      const token = (await c.post('/api/v1/auth/tokens', { name: `机密令牌-${org}` })).body;
      const note = await t.database.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', ids.users[cust]!)
        .where('ticket_id', '=', tk.id)
        .executeTakeFirstOrThrow();
      // A check-in and a submitted O&M record on the customer's project (engineer2, so the engineer's own probes stay valid).
      const e2 = sessions.engineer2!;
      const visit = (await e2.post('/api/v1/site-visits/check-in', { projectId, location: `机密地点-${org}` })).body;
      await e2.post(`/api/v1/site-visits/${visit.id}/check-out`, {});
      const record = (
        await e2.post('/api/v1/om-records', {
          projectId,
          kind: 'daily',
          serviceStart: t.clock.now - 3_600_000,
          serviceEnd: t.clock.now,
          location: `机密地点-${org}`,
          content: `机密运维-${org}`,
          result: '正常',
          visitIds: [visit.id],
        })
      ).body;
      expect(record.id, JSON.stringify(record)).toBeDefined();
      await e2.post(`/api/v1/om-records/${record.id}/submit`, {});
      // An accepted asset (year-1 inspection overdue), its repair on the ticket with a cost, a repair point.
      const mgr = sessions.manager!;
      const acc = (
        await mgr.post(`/api/v1/projects/${projectId}/acceptances`, {
          batch: `机密批次-${org}`,
          acceptedOn: '2025-01-02',
        })
      ).body;
      const asset = (
        await mgr.post(`/api/v1/projects/${projectId}/assets`, {
          kind: 'hardware',
          type: '服务器',
          name: `机密资产-${org}`,
          model: 'M',
          serial: `SN-SECRET-${org}`,
          acceptanceId: acc.id,
        })
      ).body;
      expect((await disp.put(`/api/v1/tickets/${tk.id}/repair`, { assetId: asset.id })).status).toBe(200);
      expect(
        (
          await eng.post(`/api/v1/tickets/${tk.id}/cost-items`, {
            kind: 'other',
            description: `机密费用-${org}`,
            quantity: 1,
            unitCostCents: 100,
          })
        ).status,
      ).toBe(200);
      // A checklist template (shared by both, created once) and a monthly inspection plan per project.
      const tplId =
        org === 'A'
          ? (
              await mgr.post('/api/v1/checklist-templates', {
                name: '机密模板',
                scope: 'system',
                items: [{ key: 'a', title: '检查' }],
              })
            ).body.id
          : rec.A.template;
      const plan = (
        await mgr.post(`/api/v1/projects/${projectId}/inspection-plans`, {
          name: `机密计划-${org}`,
          kind: 'monthly',
          templateId: tplId,
          startsOn: '2026-10-01',
          assigneeIds: [ids.users.engineer],
        })
      ).body;
      expect(plan.id, JSON.stringify(plan)).toBeDefined();
      const task = (await mgr.get(`/api/v1/inspection-tasks?projectId=${projectId}&from=2026-10-01&to=2026-10-31`)).body
        .items[0];
      const point = (
        await mgr.post('/api/v1/repair-points', {
          name: `机密维修点-${org}`,
          address: `机密地址-${org}`,
          personInCharge: '某人',
          phone: '12345',
          capabilities: [],
          staff: [],
          projectIds: [projectId],
        })
      ).body;
      // A training plan with a course, a material, a trainee in a batch and a session.
      const tp = (await mgr.post(`/api/v1/projects/${projectId}/training-plans`, { name: `机密培训-${org}` })).body;
      const withCourse = (await mgr.post(`/api/v1/training-plans/${tp.id}/courses`, { title: `机密课程-${org}` })).body;
      const courseId = withCourse.courses[0].id;
      const mat = (
        await call(
          t.app,
          mgr,
          'POST',
          `/api/v1/training-courses/${courseId}/materials`,
          multipart(`机密资料-${org}.pdf`, `机密资料内容-${org}`, 'application/pdf'),
        )
      ).body;
      const withTrainee = (await mgr.post(`/api/v1/training-plans/${tp.id}/trainees`, { name: `机密学员-${org}` }))
        .body;
      const traineeId = withTrainee.trainees[0].id;
      const withBatch = (
        await mgr.post(`/api/v1/training-plans/${tp.id}/batches`, {
          name: `机密培训批次-${org}`,
          traineeIds: [traineeId],
        })
      ).body;
      const batchId = withBatch.batches[0].id;
      const withSession = (
        await mgr.post(`/api/v1/training-batches/${batchId}/sessions`, {
          courseId,
          startsAt: t.clock.now + 86_400_000,
          endsAt: t.clock.now + 90_000_000,
          mode: 'onsite',
          place: `机密教室-${org}`,
          trainerName: '讲师',
        })
      ).body;
      const sessionId = withSession.batches[0].sessions[0].id;
      expect(sessionId, JSON.stringify(withSession)).toBeDefined();
      // The resolved ticket's rating request (to the reporting customer user) and a piece of feedback.
      const rating = await t.database.db
        .selectFrom('rating_requests')
        .select('id')
        .where('ticket_id', '=', tk.id)
        .executeTakeFirstOrThrow();
      const fb = (
        await c.post('/api/v1/feedback', {
          projectId,
          category: 'suggestion',
          title: `机密反馈-${org}`,
          body: `机密建议-${org}`,
        })
      ).body;
      expect(fb.id, JSON.stringify(fb)).toBeDefined();
      // A customer-facing knowledge article for this customer's project, with an attachment.
      const art = (
        await mgr.post('/api/v1/kb/articles', {
          title: `机密文章-${org}`,
          body: `机密正文-${org}`,
          visibility: 'customer',
          projectId,
          status: 'published',
        })
      ).body;
      const withFile = (
        await call(
          t.app,
          mgr,
          'POST',
          `/api/v1/kb/articles/${art.id}/attachments`,
          multipart(`机密图纸-${org}.pdf`, `机密图纸内容-${org}`, 'application/pdf'),
        )
      ).body;
      expect(withFile.attachments?.[0]?.id, JSON.stringify(withFile)).toBeDefined();
      const schedule = (
        await mgr.post(`/api/v1/projects/${projectId}/survey-schedules`, {
          title: `机密调查-${org}`,
          everyMonths: 3,
          openDays: 14,
          firstOn: '2026-12-01',
        })
      ).body;
      expect(schedule.id, JSON.stringify(schedule)).toBeDefined();
      // The contract's commitments and an archived monthly report (issued by the service manager; a download archives nothing).
      const commitment = await t.database.db
        .selectFrom('commitments')
        .select('id')
        .where('contract_id', '=', contractId)
        .where('kind', '=', 'satisfaction')
        .executeTakeFirstOrThrow();
      const issued = await call(t.app, mgr, 'POST', `/api/v1/projects/${projectId}/monthly-reports/issue`, {
        payload: { month: '2026-09', formats: ['xlsx'] },
      });
      expect(issued.status, issued.raw.slice(0, 300)).toBe(200);
      const report = { headers: { 'x-report-id': issued.body.items[0].id } };
      // A saved queue filter of the customer user's own (only its owner may read or delete it).
      const filter = (
        await c.post('/api/v1/saved-filters', {
          scope: 'tickets',
          name: `机密筛选-${org}`,
          query: { q: `机密查询-${org}` },
        })
      ).body;
      expect(filter.id, JSON.stringify(filter)).toBeDefined();
      rec[org] = {
        commitment: commitment.id,
        report: String(report.headers['x-report-id']),
        ticket: tk.id,
        project: projectId,
        contract: contractId,
        attachment: att.body.id,
        token: token.id,
        user: ids.users[cust]!,
        notification: note.id,
        visit: visit.id,
        record: record.id,
        asset: asset.id,
        acceptance: acc.id,
        repair_point: point.id,
        customer: org === 'A' ? ids.orgA : ids.orgB,
        template: tplId,
        plan: plan.id,
        task: task.id,
        tplan: tp.id,
        course: courseId,
        material: mat.courses[0].materials[0].id,
        batch: batchId,
        session: sessionId,
        trainee: traineeId,
        rating: rating.id,
        feedback: fb.id,
        article: art.id,
        kbfile: withFile.attachments[0].id,
        schedule: schedule.id,
        saved_filter: filter.id,
      };
      const project = (await disp.get(`/api/v1/projects/${projectId}`)).body;
      const contract = (await sessions.manager!.get(`/api/v1/contracts/${contractId}`)).body;
      secrets[org] = [
        tk.id,
        tk.number,
        `机密工单-${org}`,
        `机密评论-${org}`,
        `机密方案-${org}`,
        `机密内容-${org}`,
        `机密附件-${org}`,
        `机密令牌-${org}`,
        project.code,
        contract.code,
        att.body.id,
        token.id,
        note.id,
        visit.id,
        record.id,
        record.number,
        `机密地点-${org}`,
        `机密运维-${org}`,
        asset.id,
        `机密资产-${org}`,
        `SN-SECRET-${org}`,
        acc.id,
        `机密批次-${org}`,
        point.id,
        `机密维修点-${org}`,
        `机密地址-${org}`,
        plan.id,
        `机密计划-${org}`,
        task.id,
        tp.id,
        `机密培训-${org}`,
        courseId,
        `机密课程-${org}`,
        `机密资料-${org}`,
        `机密资料内容-${org}`,
        traineeId,
        `机密学员-${org}`,
        batchId,
        `机密培训批次-${org}`,
        sessionId,
        `机密教室-${org}`,
        rating.id,
        fb.id,
        `机密反馈-${org}`,
        `机密建议-${org}`,
        art.id,
        `机密文章-${org}`,
        `机密正文-${org}`,
        withFile.attachments[0].id,
        `机密图纸-${org}`,
        `机密图纸内容-${org}`,
        schedule.id,
        `机密调查-${org}`,
        filter.id,
        `机密筛选-${org}`,
        `机密查询-${org}`,
      ];
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('has a fixture for every route in the route table, and every :id names a known record kind', () => {
    const keys = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      keys.filter((k) => !FIXTURES[k]),
      'routes without an access fixture',
    ).toEqual([]);
    expect(
      Object.keys(FIXTURES).filter((k) => !keys.includes(k)),
      'fixtures for routes that no longer exist',
    ).toEqual([]);
    for (const r of t.app.routeTable.filter((x) => x.url.includes(':id'))) {
      expect(entityOf(r.url), r.url).not.toBeNull();
      expect(
        FIXTURES[`${r.method} ${r.url}`]!.foreign,
        `${r.method} ${r.url} needs a foreign-id request`,
      ).toBeDefined();
    }
    expect(t.app.routeTable.length).toBeGreaterThanOrEqual(39);
  });

  /** A refusal by the access rule is in the audit log: who, which route, which record. */
  const expectDenialAudited = async (key: string, username: string, r: Res) => {
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(
      [row.action, row.result, row.actor_id, JSON.parse(row.detail_json).route],
      `${key} as ${username}: ${r.raw}`,
    ).toEqual(['access.denied', 'failure', ids.users[username], key]);
    if (key.includes(':id')) expect(row.target_id, `${key} as ${username}`).not.toBeNull();
  };

  it('refuses every non-public route without a session (401) and excluded roles (403); admits the rest', async () => {
    const before = await fingerprint(t.database, ['sessions', 'users', 'audit_log', 'audit_head']);
    const outcomes: string[] = [];
    for (const route of t.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const fx = FIXTURES[key]!;
      // Other path parameters get a valid value, so only the :id decides the outcome.
      const url = (org: Org) => route.url.replace(':id', rec[org][entityOf(route.url)!]).replace(':version', '1');
      const staffUrl = route.url.includes(':id') ? url('A') : route.url;

      const anon = await call(t.app, null, route.method, staffUrl, fx.probe);
      if (route.access === 'public') expect(anon.status, key).not.toBe(401);
      else expect([anon.status, anon.body.code], `${key} without a session`).toEqual([401, 'UNAUTHENTICATED']);

      for (const u of DEMO_USERS) {
        const role = u.roles[0] as Role;
        const admitted = route.access === 'public' || route.access === 'authenticated' || route.access.includes(role);
        const customerOrg: Org | null = u.org === 'a' ? 'A' : u.org === 'b' ? 'B' : null;
        const s = fx.freshSession ? await t.login(u.username) : sessions[u.username]!;
        let r: Res;
        if (customerOrg && route.url.includes(':id')) {
          // Customers are always pointed at the other customer's record.
          const other: Org = customerOrg === 'A' ? 'B' : 'A';
          r = await call(t.app, s, route.method, url(other), fx.foreign);
          expect([403, 404], `${key} as ${u.username} on ${other}'s record: ${r.raw}`).toContain(r.status);
          if (!admitted) {
            expect(r.body.code, `${key} as ${u.username}`).toBe('FORBIDDEN');
            await expectDenialAudited(key, u.username, r);
          }
          for (const secret of secrets[other])
            expect(r.raw, `${key} as ${u.username} leaked ${secret}`).not.toContain(secret);
        } else {
          // Staff probe customer A's records; tokens and notifications are cust_a's, so theirs are 404 as well.
          const entity = entityOf(route.url);
          const path = (
            entity ? route.url.replace(':id', entity === 'user' ? 'no-such-user' : rec.A[entity]) : route.url
          ).replace(':version', '1');
          r = await call(t.app, s, route.method, `${path}${fx.probeQuery ?? ''}`, fx.probe);
          if (admitted) {
            expect(r.status, `${key} as ${u.username}: ${r.raw}`).toBeLessThan(500);
            expect([401, 403], `${key} as ${u.username} should be admitted: ${r.raw}`).not.toContain(r.status);
            if (entity === 'token' || entity === 'notification' || entity === 'saved_filter')
              expect(r.status, `${key} as ${u.username}`).toBe(404);
          } else {
            expect([r.status, r.body.code], `${key} as ${u.username} (${role})`).toEqual([403, 'FORBIDDEN']);
            await expectDenialAudited(key, u.username, r);
          }
        }
        outcomes.push(`${key} ${u.username} ${r.status}`);
      }
    }
    expect(outcomes.length).toBe(t.app.routeTable.length * DEMO_USERS.length);
    // Probes are invalid and foreign ids out of scope: nothing changed anywhere.
    expect(await fingerprint(t.database, ['sessions', 'users', 'audit_log', 'audit_head'])).toEqual(before);
  }, 180_000); // ~100 routes × 12 callers, two requests each

  it("list routes show customers only their own organisation's rows", async () => {
    const checks: Record<string, (r: Res, user: string, org: Org) => Promise<void> | void> = {
      'GET /api/v1/health': (r) => {
        expect(r.body.ok).toBe(true);
      },
      'GET /api/v1/auth/me': (r, user) => {
        expect(r.body.id).toBe(ids.users[user]);
      },
      'GET /api/v1/orgs': (r, _u, org) => {
        expect(r.body.map((o: any) => o.id)).toEqual([org === 'A' ? ids.orgA : ids.orgB]);
      },
      'GET /api/v1/projects': (r, _u, org) => {
        expect(r.body.map((p: any) => p.id)).toEqual([rec[org].project]);
      },
      'GET /api/v1/tickets': async (r, user, org) => {
        const own = org === 'A' ? ids.orgA : ids.orgB;
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === own)).toBe(true);
        const sneaky = await call(
          t.app,
          sessions[user]!,
          'GET',
          `/api/v1/tickets?limit=100&customerId=${org === 'A' ? ids.orgB : ids.orgA}`,
        );
        expect(sneaky.body.items.every((x: any) => x.customerId === own)).toBe(true);
      },
      // The export holds the same rows as the queue: the own organisation's tickets only, whatever the filter says.
      'GET /api/v1/tickets/export.xlsx': async (r, user, org) => {
        const own = await t.database.db
          .selectFrom('tickets')
          .select('number')
          .where('customer_id', '=', org === 'A' ? ids.orgA : ids.orgB)
          .execute();
        const numbers = async (res: Res) => {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(res.bytes as never);
          const sheet = book.worksheets[0]!;
          const found: string[] = [];
          sheet.eachRow((row) => {
            const v = String(row.getCell(1).value ?? '');
            if (/^GD-/.test(v)) found.push(v);
          });
          return found;
        };
        const mine = await numbers(r);
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.every((n) => own.some((o) => o.number === n))).toBe(true);
        const sneaky = await call(
          t.app,
          sessions[user]!,
          'GET',
          `/api/v1/tickets/export.xlsx?customerId=${org === 'A' ? ids.orgB : ids.orgA}`,
        );
        expect((await numbers(sneaky)).every((n) => own.some((o) => o.number === n))).toBe(true);
      },
      'GET /api/v1/saved-filters': async (r, user) => {
        const mine = (
          await t.database.db.selectFrom('saved_filters').select('id').where('user_id', '=', ids.users[user]!).execute()
        ).map((x) => x.id);
        expect(r.body.every((x: any) => mine.includes(x.id))).toBe(true);
      },
      'GET /api/v1/notifications': async (r, user) => {
        const mine = (
          await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', ids.users[user]!).execute()
        ).map((n) => n.id);
        expect(r.body.every((n: any) => mine.includes(n.id))).toBe(true);
      },
      'GET /api/v1/notifications/page': async (r, user) => {
        const mine = (
          await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', ids.users[user]!).execute()
        ).map((n) => n.id);
        expect(r.body.items.flatMap((n: any) => n.ids).every((id: string) => mine.includes(id))).toBe(true);
      },
      'GET /api/v1/notifications/summary': async (r, user) => {
        const mine = await t.database.db
          .selectFrom('notifications')
          .select(['kind', 'read_at'])
          .where('user_id', '=', ids.users[user]!)
          .execute();
        expect(r.body).toEqual({
          unread: mine.filter((n) => n.read_at === null).length,
          kinds: [...new Set(mine.map((n) => n.kind))].sort(),
        });
      },
      'GET /api/v1/auth/session': (r, user) => {
        expect(r.body.user.id).toBe(ids.users[user]);
      },
      'GET /api/v1/site-visits': async (r, user, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
        const sneaky = await call(
          t.app,
          sessions[user]!,
          'GET',
          `/api/v1/site-visits?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`,
        );
        expect(sneaky.body.items).toEqual([]);
      },
      'GET /api/v1/om-records': async (r, user, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === (org === 'A' ? ids.orgA : ids.orgB))).toBe(true);
        const sneaky = await call(
          t.app,
          sessions[user]!,
          'GET',
          `/api/v1/om-records?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`,
        );
        expect(sneaky.body.items).toEqual([]);
      },
      'GET /api/v1/assets': async (r, user, org) => {
        const own = org === 'A' ? ids.orgA : ids.orgB;
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === own)).toBe(true);
        const sneaky = await call(
          t.app,
          sessions[user]!,
          'GET',
          `/api/v1/assets?customerId=${org === 'A' ? ids.orgB : ids.orgA}`,
        );
        expect(sneaky.body.items.every((x: any) => x.customerId === own)).toBe(true);
        expect(
          (
            await call(
              t.app,
              sessions[user]!,
              'GET',
              `/api/v1/assets?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`,
            )
          ).status,
        ).toBe(404);
      },
      'GET /api/v1/inspections/annual': (r, _u, org) => {
        expect(r.body.items.map((x: any) => x.asset.id)).toEqual([rec[org].asset]);
      },
      'GET /api/v1/repair-points': (r, _u, org) => {
        expect(r.body.map((x: any) => x.id)).toEqual([rec[org].repair_point]);
      },
      'GET /api/v1/inspection-tasks': (r, _u, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
      },
      'GET /api/v1/cost-statement': (r, _u, org) => {
        expect(r.body.customerId).toBe(org === 'A' ? ids.orgA : ids.orgB);
      },
      'GET /api/v1/cost-statement.pdf': (r) => {
        expect(r.raw.startsWith('%PDF')).toBe(true);
      },
      'GET /api/v1/cost-statement.xlsx': (r) => {
        expect(r.raw.startsWith('PK')).toBe(true);
      },
      'GET /api/v1/om-records/export': async (r, user, org) => {
        expect(r.raw.startsWith('PK')).toBe(true);
        const other = rec[org === 'A' ? 'B' : 'A'].project;
        const sneaky = await call(
          t.app,
          sessions[user]!,
          'GET',
          `/api/v1/om-records/export?projectId=${other}&month=2026-10`,
        );
        expect([sneaky.status, sneaky.body.field]).toEqual([400, 'projectId']);
      },
      'GET /api/v1/rating-requests': async (r, user, org) => {
        expect(r.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
        const all = await call(t.app, sessions[user]!, 'GET', '/api/v1/rating-requests?mine=0');
        expect(all.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
        expect(
          (
            await call(
              t.app,
              sessions[user]!,
              'GET',
              `/api/v1/rating-requests?mine=0&projectId=${rec[org === 'A' ? 'B' : 'A'].project}`,
            )
          ).status,
        ).toBe(404);
      },
      'GET /api/v1/feedback': async (r, user, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === (org === 'A' ? ids.orgA : ids.orgB))).toBe(true);
        expect(
          (
            await call(
              t.app,
              sessions[user]!,
              'GET',
              `/api/v1/feedback?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`,
            )
          ).status,
        ).toBe(404);
      },
      'GET /api/v1/analytics': async (r, user, org) => {
        const other = org === 'A' ? 'B' : 'A';
        expect(r.body.projectIds).toEqual([rec[org].project]);
        expect(
          (
            await call(
              t.app,
              sessions[user]!,
              'GET',
              `/api/v1/analytics?customerId=${other === 'A' ? ids.orgA : ids.orgB}`,
            )
          ).status,
        ).toBe(404);
        expect(
          (await call(t.app, sessions[user]!, 'GET', `/api/v1/analytics?projectId=${rec[other].project}`)).status,
        ).toBe(404);
      },
      'GET /api/v1/commitments': (r, _u, org) => {
        expect(r.body.items.map((x: any) => x.projectId)).toEqual([rec[org].project]);
      },
      'GET /api/v1/kb/categories': (r) => {
        expect(Array.isArray(r.body)).toBe(true);
      },
      'GET /api/v1/kb/articles': (r, _u, org) => {
        expect(r.body.items.map((x: any) => x.id)).toEqual([rec[org].article]);
      },
      'GET /api/v1/kb/suggest': (r, _u, org) => {
        expect(r.body.map((x: any) => x.id)).toEqual([rec[org].article]);
      },
      // A lead's 待签字 counts their own organisation's submitted records only; a reporting user gets no badge.
      'GET /api/v1/me/badges': async (r, user, org) => {
        if (!user.startsWith('lead_')) {
          expect(r.body).toEqual({});
          return;
        }
        const own = await t.database.db
          .selectFrom('om_records')
          .select('id')
          .where('customer_id', '=', org === 'A' ? ids.orgA : ids.orgB)
          .where('status', '=', 'submitted')
          .execute();
        expect(r.body).toEqual({ toSign: Math.min(own.length, 100) });
      },
      'GET /api/v1/search': async (r, user, org) => {
        expect(r.body.tickets.map((x: any) => x.id)).toEqual([rec[org].ticket]);
        expect(r.body.articles.map((x: any) => x.id)).toEqual([rec[org].article]);
        const find = async (q: string) =>
          (await call(t.app, sessions[user]!, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body;
        expect((await find('SN-SECRET')).assets.map((x: any) => x.id)).toEqual([rec[org].asset]);
        const records = (await find('YW-')).records.map((x: any) => x.id);
        expect(records).toContain(rec[org].record);
        expect(records).not.toContain(rec[org === 'A' ? 'B' : 'A'].record);
      },
      'GET /api/v1/auth/tokens': async (r, user) => {
        const mine = (
          await t.database.db.selectFrom('api_tokens').select('id').where('user_id', '=', ids.users[user]!).execute()
        ).map((x) => x.id);
        expect(r.body.every((x: any) => mine.includes(x.id))).toBe(true);
      },
    };
    const customers = DEMO_USERS.filter((u) => u.org !== 'provider');
    const lists = t.app.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        !/:\w/.test(r.url) &&
        (r.access === 'public' ||
          r.access === 'authenticated' ||
          r.access.some((role) => role.startsWith('customer_'))),
    );
    expect(
      lists.map((r) => r.url).filter((u) => !checks[`GET ${u}`]),
      'customer-visible lists without a scope check',
    ).toEqual([]);
    for (const route of lists) {
      for (const u of customers) {
        const org: Org = u.org === 'a' ? 'A' : 'B';
        if (Array.isArray(route.access) && !route.access.includes(u.roles[0]!)) continue; // e.g. statements are for the lead
        const r = await call(
          t.app,
          sessions[u.username]!,
          'GET',
          `${route.url}${LIST_QUERY[route.url]?.(org === 'A' ? ids.orgA : ids.orgB, rec[org].project) ?? ''}`,
        );
        expect(r.status, `${route.url} as ${u.username}`).toBe(200);
        await checks[`GET ${route.url}`]!(r, u.username, org);
        for (const secret of secrets[org === 'A' ? 'B' : 'A'])
          expect(r.raw, `${route.url} as ${u.username}`).not.toContain(secret);
      }
    }
  });
});
