import { auditActionLabel, TICKET_ACTIONS } from '@weibao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, call, demoIds, multipart, type Res, signaturePng, ticketInput } from '../../test/api.js';
import { xlsxOf } from '../../test/files.js';
import { AUDIT_IP, auditProbe } from '../../test/audit.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import { HEADER } from '../../test/ledger.js';
import { DEMO_PASSWORD } from '../seed/demo.js';

/**
 * Every state-changing route (from app.routeTable) is called once for real, from a known address,
 * and must leave an audit row naming the actor, the actor's roles, the ip, the action, the target
 * and the result. A new write route without an entry here fails the test.
 */
const IP = AUDIT_IP;
const V = '/api/v1';
type Step = () => Promise<{ who: string; res: Res; action: string; target: string }>;

describe.each(DIALECTS)('audit coverage of every state change (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const { req, check } = auditProbe(() => t, s);

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['admin', 'secadmin', 'manager', 'dispatcher', 'engineer', 'engineer2', 'cust_a'])
      s[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('every write route leaves an audit row with actor, roles, ip, action, target and result', async () => {
    const ctx: Record<string, string> = {};
    const tk = async (who = 'dispatcher', over = {}) =>
      (await req(who, 'POST', `${V}/tickets`, ticketInput(ids.projectA, { assigneeId: ids.users.engineer, ...over })))
        .body.id as string;
    const steps: Record<string, Step> = {
      'POST /api/v1/auth/login': async () => {
        const res = await call(t.app, null, 'POST', `${V}/auth/login`, {
          payload: { username: 'auditor', password: DEMO_PASSWORD },
          headers: { 'x-forwarded-for': IP },
        });
        return { who: 'auditor', res, action: 'auth.login', target: ids.users.auditor! };
      },
      'POST /api/v1/auth/logout': async () => {
        s.lead_a = await t.login('lead_a');
        return {
          who: 'lead_a',
          res: await req('lead_a', 'POST', `${V}/auth/logout`),
          action: 'auth.logout',
          target: ids.users.lead_a!,
        };
      },
      'POST /api/v1/auth/password': async () => ({
        who: 'cust_a',
        res: await req('cust_a', 'POST', `${V}/auth/password`, {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'Changed#2026',
        }),
        action: 'auth.password_change',
        target: ids.users.cust_a!,
      }),
      'POST /api/v1/auth/tokens': async () => {
        const res = await req('engineer', 'POST', `${V}/auth/tokens`, { name: 'ci' });
        ctx.token = res.body.id;
        return { who: 'engineer', res, action: 'auth.token_create', target: res.body.id };
      },
      'DELETE /api/v1/auth/tokens/:id': async () => ({
        who: 'engineer',
        res: await req('engineer', 'DELETE', `${V}/auth/tokens/${ctx.token}`),
        action: 'auth.token_revoke',
        target: ctx.token!,
      }),
      'POST /api/v1/orgs': async () => {
        const res = await req('admin', 'POST', `${V}/orgs`, { name: '审计测试单位', kind: 'customer' });
        ctx.org = res.body.id;
        return { who: 'admin', res, action: 'org.create', target: res.body.id };
      },
      'POST /api/v1/projects': async () => {
        const res = await req('manager', 'POST', `${V}/projects`, {
          customerId: ctx.org,
          code: 'PRJ-AUDIT',
          name: '审计项目',
        });
        ctx.project = res.body.id;
        return { who: 'manager', res, action: 'project.create', target: res.body.id };
      },
      'PATCH /api/v1/projects/:id': async () => ({
        who: 'admin',
        res: await req('admin', 'PATCH', `${V}/projects/${ctx.project}`, { name: '审计项目二' }),
        action: 'project.update',
        target: ctx.project!,
      }),
      'POST /api/v1/projects/:id/contracts': async () => {
        const res = await req('manager', 'POST', `${V}/projects/${ctx.project}/contracts`, {
          code: 'HT-AUDIT',
          name: '审计合同',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        });
        ctx.contract = res.body.id;
        return { who: 'manager', res, action: 'contract.create', target: res.body.id };
      },
      'PATCH /api/v1/contracts/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/contracts/${ctx.contract}`, { warrantyMonths: 12 }),
        action: 'contract.update',
        target: ctx.contract!,
      }),
      'POST /api/v1/users': async () => {
        const res = await req('admin', 'POST', `${V}/users`, {
          username: 'audited',
          displayName: '被审计',
          orgId: ids.provider,
          roles: ['engineer'],
          password: 'Start#2026',
        });
        ctx.user = res.body.id;
        return { who: 'admin', res, action: 'user.create', target: res.body.id };
      },
      'PATCH /api/v1/users/:id': async () => ({
        who: 'admin',
        res: await req('admin', 'PATCH', `${V}/users/${ctx.user}`, { level: 2 }),
        action: 'user.update',
        target: ctx.user!,
      }),
      'PUT /api/v1/users/:id/roles': async () => ({
        who: 'secadmin',
        res: await req('secadmin', 'PUT', `${V}/users/${ctx.user}/roles`, { roles: ['dispatcher'] }),
        action: 'user.roles',
        target: ctx.user!,
      }),
      'POST /api/v1/users/:id/unlock': async () => ({
        who: 'secadmin',
        res: await req('secadmin', 'POST', `${V}/users/${ids.users.lead_b}/unlock`),
        action: 'user.unlock',
        target: ids.users.lead_b!,
      }),
      'POST /api/v1/tickets': async () => {
        const res = await req('dispatcher', 'POST', `${V}/tickets`, ticketInput(ids.projectA));
        ctx.ticket = res.body.id;
        return { who: 'dispatcher', res, action: 'ticket.create', target: res.body.id };
      },
      'POST /api/v1/tickets/:id/actions': async () => ({
        who: 'dispatcher',
        res: await req('dispatcher', 'POST', `${V}/tickets/${ctx.ticket}/actions`, {
          action: 'dispatch',
          assigneeId: ids.users.engineer,
        }),
        action: 'ticket.dispatch',
        target: ctx.ticket!,
      }),
      // Bulk: each ticket's action is audited as if done singly (the request as a whole gets ticket.bulk too).
      'POST /api/v1/tickets/bulk': async () => {
        const id = await tk();
        return {
          who: 'dispatcher',
          res: await req('dispatcher', 'POST', `${V}/tickets/bulk`, { ids: [id], action: 'urge' }),
          action: 'ticket.urge',
          target: id,
        };
      },
      'POST /api/v1/saved-filters': async () => {
        const res = await req('dispatcher', 'POST', `${V}/saved-filters`, {
          scope: 'tickets',
          name: '一级未派',
          query: { level: '1', status: 'new' },
        });
        ctx.savedFilter = res.body.id;
        return { who: 'dispatcher', res, action: 'saved_filter.create', target: res.body.id };
      },
      'DELETE /api/v1/saved-filters/:id': async () => ({
        who: 'dispatcher',
        res: await req('dispatcher', 'DELETE', `${V}/saved-filters/${ctx.savedFilter}`),
        action: 'saved_filter.delete',
        target: ctx.savedFilter!,
      }),
      'POST /api/v1/tickets/:id/comments': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/tickets/${ctx.ticket}/comments`, { body: '内部备注', internal: true }),
        action: 'ticket.note',
        target: ctx.ticket!,
      }),
      'POST /api/v1/tickets/:id/attachments': async () => {
        const m = multipart('log.txt', 'log');
        return {
          who: 'engineer',
          res: await req('engineer', 'POST', `${V}/tickets/${ctx.ticket}/attachments`, m.payload, m.headers),
          action: 'ticket.attach',
          target: ctx.ticket!,
        };
      },
      'POST /api/v1/notifications/:id/read': async () => {
        const n = (await req('engineer', 'GET', `${V}/notifications`)).body[0];
        return {
          who: 'engineer',
          res: await req('engineer', 'POST', `${V}/notifications/${n.id}/read`),
          action: 'notification.read',
          target: n.id,
        };
      },
      'POST /api/v1/notifications/read-all': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/notifications/read-all`, {}),
        action: 'notification.read_all',
        target: ids.users.engineer!,
      }),
      'POST /api/v1/site-visits/check-in': async () => {
        const res = await req('engineer', 'POST', `${V}/site-visits/check-in`, {
          projectId: ids.projectA,
          location: '机房',
        });
        ctx.visit = res.body.id;
        return { who: 'engineer', res, action: 'fieldwork.check_in', target: res.body.id };
      },
      'POST /api/v1/site-visits/:id/check-out': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/site-visits/${ctx.visit}/check-out`, {}),
        action: 'fieldwork.check_out',
        target: ctx.visit!,
      }),
      'POST /api/v1/site-visits/:id/photo': async () => {
        const m = multipart('site.png', Buffer.from(signaturePng().split(',')[1]!, 'base64'), 'image/png');
        return {
          who: 'engineer',
          res: await req('engineer', 'POST', `${V}/site-visits/${ctx.visit}/photo`, m.payload, m.headers),
          action: 'fieldwork.photo',
          target: ctx.visit!,
        };
      },
      'POST /api/v1/om-records': async () => {
        const res = await req('engineer', 'POST', `${V}/om-records`, {
          projectId: ids.projectA,
          kind: 'daily',
          serviceStart: t.clock.now - 3_600_000,
          serviceEnd: t.clock.now,
          location: '机房',
          content: '巡视',
          result: '正常',
          visitIds: [ctx.visit],
        });
        ctx.record = res.body.id;
        return { who: 'engineer', res, action: 'om_record.create', target: res.body.id };
      },
      'POST /api/v1/om-records/sign': async () => {
        const draft = (
          await req('engineer', 'POST', `${V}/om-records`, {
            projectId: ids.projectA,
            kind: 'remote',
            serviceStart: t.clock.now - 60_000,
            serviceEnd: t.clock.now,
            location: '远程',
            content: '远程巡检',
            result: '正常',
          })
        ).body;
        expect((await req('engineer', 'POST', `${V}/om-records/${draft.id}/submit`)).status).toBe(200);
        ctx.signed = draft.id;
        s.lead_a = await t.login('lead_a');
        return {
          who: 'lead_a',
          res: await req('lead_a', 'POST', `${V}/om-records/sign`, {
            recordIds: [draft.id],
            signature: signaturePng(),
          }),
          action: 'om_record.sign',
          target: draft.id,
        };
      },
      'PATCH /api/v1/om-records/:id': async () => ({
        who: 'engineer',
        res: await req('engineer', 'PATCH', `${V}/om-records/${ctx.record}`, { result: '正常，已优化参数' }),
        action: 'om_record.update',
        target: ctx.record!,
      }),
      'POST /api/v1/om-records/:id/submit': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/om-records/${ctx.record}/submit`),
        action: 'om_record.submit',
        target: ctx.record!,
      }),
      'POST /api/v1/om-records/:id/review': async () => ({
        who: 'manager',
        res: await req('manager', 'POST', `${V}/om-records/${ctx.record}/review`, { note: '已核' }),
        action: 'om_record.review',
        target: ctx.record!,
      }),
      'POST /api/v1/om-records/:id/reject': async () => ({
        who: 'lead_a',
        res: await req('lead_a', 'POST', `${V}/om-records/${ctx.record}/reject`, { reason: '时间不对' }),
        action: 'om_record.reject',
        target: ctx.record!,
      }),
      'POST /api/v1/om-records/:id/amend': async () => {
        const res = await req('engineer', 'POST', `${V}/om-records/${ctx.signed}/amend`, {
          amendReason: '结束时间写错',
          content: '远程巡检（更正）',
        });
        return { who: 'engineer', res, action: 'om_record.amend', target: res.body.id };
      },
      'POST /api/v1/om-records/sheets': async () => ({
        who: 'cust_a',
        res: await req('cust_a', 'POST', `${V}/om-records/sheets`, { recordIds: [ctx.signed] }),
        action: 'om_record.export_pdf',
        target: ctx.signed!,
      }),
      'PUT /api/v1/projects/:id/resident-plan': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/projects/${ids.projectA}/resident-plan`, {
          headcount: 2,
          weekdays: [1, 2, 3, 4, 5],
          chinaCalendar: true,
          start: '08:30',
          end: '17:30',
          lateGraceMin: 15,
          engineerIds: [ids.users.engineer, ids.users.engineer2],
        }),
        action: 'presence.plan',
        target: ids.projectA,
      }),
      'PUT /api/v1/engineers/:id/profile': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/engineers/${ids.users.engineer2}/profile`, {
          disciplines: ['network_security'],
          skillLevel: 3,
          certifications: [{ name: 'CISP', expiresOn: '2027-12-31' }],
        }),
        action: 'staffing.profile',
        target: ids.users.engineer2!,
      }),
      'PUT /api/v1/projects/:id/staffing': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/projects/${ids.projectA}/staffing`, {
          requirements: [{ discipline: 'network_security', count: 1, resident: false, builtProject: false }],
          assignments: [
            { userId: ids.users.engineer2, discipline: 'network_security', resident: false, builtProject: false },
          ],
        }),
        action: 'staffing.plan',
        target: ids.projectA,
      }),
      'PATCH /api/v1/assets/:id': async () => {
        const acc = (
          await req('manager', 'POST', `${V}/projects/${ids.projectA}/acceptances`, {
            batch: '审计批次',
            acceptedOn: '2025-05-01',
          })
        ).body;
        ctx.acceptance = acc.id;
        ctx.asset = (
          await req('manager', 'POST', `${V}/projects/${ids.projectA}/assets`, {
            kind: 'hardware',
            type: '服务器',
            name: '审计服务器',
            model: 'M1',
            serial: 'AUD-1',
            acceptanceId: acc.id,
          })
        ).body.id;
        return {
          who: 'manager',
          res: await req('manager', 'PATCH', `${V}/assets/${ctx.asset}`, { location: '机房B' }),
          action: 'asset.update',
          target: ctx.asset!,
        };
      },
      'POST /api/v1/projects/:id/assets': async () => {
        const res = await req('manager', 'POST', `${V}/projects/${ids.projectA}/assets`, {
          kind: 'hardware',
          type: '硬盘',
          name: '审计硬盘',
          model: 'D1',
          serial: 'AUD-DISK',
          parentId: ctx.asset,
          acceptanceId: ctx.acceptance,
        });
        ctx.part = res.body.id;
        return { who: 'manager', res, action: 'asset.create', target: res.body.id };
      },
      'POST /api/v1/projects/:id/assets/import': async () => {
        const mp = multipart(
          'a.xlsx',
          await xlsxOf(HEADER, [['软件', '数据库', '审计数据库', 'v1', 'AUD-LIC', '', '', '', '', '审计批次', '', '']]),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        return {
          who: 'manager',
          res: await req('manager', 'POST', `${V}/projects/${ids.projectA}/assets/import`, mp.payload, mp.headers),
          action: 'asset.import',
          target: ids.projectA,
        };
      },
      'POST /api/v1/projects/:id/acceptances': async () => ({
        who: 'manager',
        res: await req('manager', 'POST', `${V}/projects/${ids.projectA}/acceptances`, {
          batch: '审计二期',
          acceptedOn: '2026-01-05',
        }),
        action: 'acceptance.create',
        target: ids.projectA,
      }),
      'POST /api/v1/acceptances/:id/document': async () => {
        const mp = multipart('验收报告.pdf', '%PDF-1.4', 'application/pdf');
        return {
          who: 'manager',
          res: await req('manager', 'POST', `${V}/acceptances/${ctx.acceptance}/document`, mp.payload, mp.headers),
          action: 'acceptance.document',
          target: ids.projectA,
        };
      },
      'POST /api/v1/assets/:id/inspections': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/assets/${ctx.asset}/inspections`, { doneOn: '2026-05-02' }),
        action: 'asset.inspection',
        target: ctx.asset!,
      }),
      'PUT /api/v1/tickets/:id/repair': async () => {
        ctx.repairTicket = await tk();
        return {
          who: 'dispatcher',
          res: await req('dispatcher', 'PUT', `${V}/tickets/${ctx.repairTicket}/repair`, { assetId: ctx.asset }),
          action: 'repair.asset',
          target: ctx.repairTicket!,
        };
      },
      'POST /api/v1/tickets/:id/replacements': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/tickets/${ctx.repairTicket}/replacements`, {
          oldAssetId: ctx.part,
          newSerial: 'AUD-DISK-2',
          replacedOn: '2026-10-12',
        }),
        action: 'repair.replace',
        target: ctx.repairTicket!,
      }),
      'POST /api/v1/tickets/:id/cost-items': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/tickets/${ctx.repairTicket}/cost-items`, {
          kind: 'labour',
          description: '更换',
          quantity: 1,
        }),
        action: 'repair.cost',
        target: ctx.repairTicket!,
      }),
      'POST /api/v1/repair-points': async () => {
        const res = await req('manager', 'POST', `${V}/repair-points`, {
          name: '审计维修点',
          address: '某路 1 号',
          personInCharge: '某人',
          phone: '12345',
          capabilities: ['服务器'],
          staff: [{ discipline: 'hardware', count: 2 }],
          projectIds: [ids.projectA],
        });
        ctx.point = res.body.id;
        return { who: 'manager', res, action: 'repair_point.create', target: res.body.id };
      },
      'PUT /api/v1/repair-points/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/repair-points/${ctx.point}`, {
          name: '审计维修点',
          address: '某路 2 号',
          personInCharge: '某人',
          phone: '12345',
          capabilities: [],
          staff: [],
          projectIds: [ids.projectA],
        }),
        action: 'repair_point.update',
        target: ctx.point!,
      }),
      'POST /api/v1/checklist-templates': async () => {
        const res = await req('manager', 'POST', `${V}/checklist-templates`, {
          name: '审计巡检模板',
          scope: 'system',
          items: [{ key: 'a', title: '检查' }],
        });
        ctx.template = res.body.id;
        return { who: 'manager', res, action: 'checklist.create', target: res.body.id };
      },
      'PUT /api/v1/checklist-templates/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/checklist-templates/${ctx.template}`, {
          name: '审计巡检模板',
          scope: 'system',
          items: [
            { key: 'a', title: '检查' },
            { key: 'b', title: '再查' },
          ],
        }),
        action: 'checklist.revise',
        target: ctx.template!,
      }),
      'POST /api/v1/projects/:id/inspection-plans': async () => {
        const res = await req('manager', 'POST', `${V}/projects/${ids.projectA}/inspection-plans`, {
          name: '审计月度巡检',
          kind: 'monthly',
          templateId: ctx.template,
          startsOn: '2026-10-01',
          assigneeIds: [ids.users.engineer],
        });
        ctx.plan = res.body.id;
        return { who: 'manager', res, action: 'inspection_plan.create', target: res.body.id };
      },
      'PATCH /api/v1/inspection-plans/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/inspection-plans/${ctx.plan}`, { assigneeIds: [ids.users.engineer2] }),
        action: 'inspection_plan.update',
        target: ctx.plan!,
      }),
      'POST /api/v1/inspection-plans/:id/pause': async () => ({
        who: 'manager',
        res: await req('manager', 'POST', `${V}/inspection-plans/${ctx.plan}/pause`, { reason: '停机' }),
        action: 'inspection_plan.pause',
        target: ctx.plan!,
      }),
      'POST /api/v1/inspection-plans/:id/resume': async () => ({
        who: 'manager',
        res: await req('manager', 'POST', `${V}/inspection-plans/${ctx.plan}/resume`),
        action: 'inspection_plan.resume',
        target: ctx.plan!,
      }),
      'PUT /api/v1/inspection-tasks/:id/results/:key': async () => {
        const tpl = (
          await req('manager', 'POST', `${V}/checklist-templates`, {
            name: '审计执行模板',
            scope: 'system',
            items: [{ key: 'cpu', title: 'CPU', max: 80, unit: '%', photoRequired: true }],
          })
        ).body;
        const plan = (
          await req('manager', 'POST', `${V}/projects/${ids.projectB}/inspection-plans`, {
            name: '审计执行计划',
            kind: 'monthly',
            templateId: tpl.id,
            startsOn: '2026-10-12',
            assigneeIds: [ids.users.engineer],
          })
        ).body;
        ctx.task = (
          await req('engineer', 'GET', `${V}/inspection-tasks?projectId=${ids.projectB}&from=2026-10-01&to=2026-10-31`)
        ).body.items.find((x: any) => x.planId === plan.id).id;
        return {
          who: 'engineer',
          res: await req('engineer', 'PUT', `${V}/inspection-tasks/${ctx.task}/results/cpu`, {
            outcome: 'fail',
            value: 95,
          }),
          action: 'inspection.result',
          target: ctx.task!,
        };
      },
      'POST /api/v1/inspection-tasks/:id/results/:key/photo': async () => {
        const mp = multipart('cpu.png', Buffer.from(signaturePng().split(',')[1]!, 'base64'), 'image/png');
        return {
          who: 'engineer',
          res: await req(
            'engineer',
            'POST',
            `${V}/inspection-tasks/${ctx.task}/results/cpu/photo`,
            mp.payload,
            mp.headers,
          ),
          action: 'inspection.photo',
          target: ctx.task!,
        };
      },
      'POST /api/v1/inspection-tasks/:id/adjustments': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/inspection-tasks/${ctx.task}/adjustments`, {
          parameter: '线程数',
          before: '8',
          after: '16',
          reason: '负载高',
        }),
        action: 'inspection.adjust',
        target: ctx.task!,
      }),
      'POST /api/v1/inspection-tasks/:id/results/:key/ticket': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/inspection-tasks/${ctx.task}/results/cpu/ticket`, { level: 4 }),
        action: 'inspection.ticket',
        target: ctx.task!,
      }),
      'POST /api/v1/inspection-tasks/:id/finish': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/inspection-tasks/${ctx.task}/finish`, {}),
        action: 'inspection.finish',
        target: ctx.task!,
      }),
      'POST /api/v1/projects/:id/training-plans': async () => {
        const res = await req('manager', 'POST', `${V}/projects/${ids.projectA}/training-plans`, { name: '审计培训' });
        ctx.tplan = res.body.id;
        return { who: 'manager', res, action: 'training.create', target: res.body.id };
      },
      'PATCH /api/v1/training-plans/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/training-plans/${ctx.tplan}`, { description: '说明' }),
        action: 'training.update',
        target: ctx.tplan!,
      }),
      'POST /api/v1/training-plans/:id/courses': async () => {
        const res = await req('manager', 'POST', `${V}/training-plans/${ctx.tplan}/courses`, { title: '审计课程' });
        ctx.course = res.body.courses?.[0]?.id;
        return { who: 'manager', res, action: 'training.course.create', target: ctx.tplan! };
      },
      'PATCH /api/v1/training-courses/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/training-courses/${ctx.course}`, { objective: '独立操作' }),
        action: 'training.course.update',
        target: ctx.tplan!,
      }),
      'POST /api/v1/training-courses/:id/materials': async () => {
        const mp = multipart('手册.pdf', 'v1', 'application/pdf');
        const res = await req(
          'engineer',
          'POST',
          `${V}/training-courses/${ctx.course}/materials`,
          mp.payload,
          mp.headers,
        );
        ctx.material = res.body.courses?.[0]?.materials?.[0]?.id;
        return { who: 'engineer', res, action: 'training.material.upload', target: ctx.tplan! };
      },
      'POST /api/v1/training-materials/:id/versions': async () => {
        const mp = multipart('手册.pdf', 'v2', 'application/pdf');
        return {
          who: 'engineer',
          res: await req(
            'engineer',
            'POST',
            `${V}/training-materials/${ctx.material}/versions`,
            mp.payload,
            mp.headers,
          ),
          action: 'training.material.revise',
          target: ctx.tplan!,
        };
      },
      'POST /api/v1/training-plans/:id/trainees': async () => {
        const res = await req('manager', 'POST', `${V}/training-plans/${ctx.tplan}/trainees`, {
          userId: ids.users.cust_a,
        });
        ctx.trainee = res.body.trainees?.[0]?.id;
        return { who: 'manager', res, action: 'training.trainee.create', target: ctx.tplan! };
      },
      'PATCH /api/v1/training-trainees/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/training-trainees/${ctx.trainee}`, { phone: '138' }),
        action: 'training.trainee.update',
        target: ctx.tplan!,
      }),
      'POST /api/v1/training-plans/:id/batches': async () => {
        const res = await req('manager', 'POST', `${V}/training-plans/${ctx.tplan}/batches`, {
          name: '第一批',
          traineeIds: [ctx.trainee],
        });
        ctx.batch = res.body.batches?.[0]?.id;
        return { who: 'manager', res, action: 'training.batch.create', target: ctx.tplan! };
      },
      'PATCH /api/v1/training-batches/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/training-batches/${ctx.batch}`, { name: '首批' }),
        action: 'training.batch.update',
        target: ctx.tplan!,
      }),
      'POST /api/v1/training-batches/:id/sessions': async () => {
        const res = await req('manager', 'POST', `${V}/training-batches/${ctx.batch}/sessions`, {
          courseId: ctx.course,
          startsAt: t.clock.now,
          endsAt: t.clock.now + 3_600_000,
          mode: 'onsite',
          place: '会议室',
          trainerId: ids.users.engineer,
        });
        ctx.tsession = res.body.batches?.[0]?.sessions?.[0]?.id;
        return { who: 'manager', res, action: 'training.session.create', target: ctx.tplan! };
      },
      'PATCH /api/v1/training-sessions/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/training-sessions/${ctx.tsession}`, { place: '大会议室' }),
        action: 'training.session.update',
        target: ctx.tplan!,
      }),
      'PUT /api/v1/training-sessions/:id/attendance': async () => ({
        who: 'engineer',
        res: await req('engineer', 'PUT', `${V}/training-sessions/${ctx.tsession}/attendance`, {
          entries: [{ traineeId: ctx.trainee, status: 'present' }],
        }),
        action: 'training.attendance',
        target: ctx.tplan!,
      }),
      'POST /api/v1/training-plans/:id/assessments': async () => ({
        who: 'engineer',
        res: await req('engineer', 'POST', `${V}/training-plans/${ctx.tplan}/assessments`, {
          traineeId: ctx.trainee,
          courseId: ctx.course,
          batchId: ctx.batch,
          independent: true,
          assessedOn: '2026-10-12',
        }),
        action: 'training.assess',
        target: ctx.tplan!,
      }),
      'POST /api/v1/public/ratings/:token': async () => {
        const id = await tk('cust_a', { assigneeId: undefined });
        expect(
          (
            await req('dispatcher', 'POST', `${V}/tickets/${id}/actions`, {
              action: 'dispatch',
              assigneeId: ids.users.engineer,
            })
          ).status,
        ).toBe(200);
        await req('engineer', 'POST', `${V}/tickets/${id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
        expect(
          (
            await req('engineer', 'POST', `${V}/tickets/${id}/actions`, {
              action: 'resolve',
              solution: '已处理',
              faultCause: 'non_human',
            })
          ).status,
        ).toBe(200);
        const number = (
          await t.database.db.selectFrom('tickets').select('number').where('id', '=', id).executeTakeFirstOrThrow()
        ).number;
        const mail = await t.database.db
          .selectFrom('mail_outbox')
          .select('body')
          .where('subject', 'like', `请评价：${number}%`)
          .executeTakeFirstOrThrow();
        const token = /\/rate\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1];
        const res = await call(t.app, null, 'POST', `${V}/public/ratings/${token}`, {
          payload: { score: 5 },
          headers: { 'x-forwarded-for': IP },
        });
        return { who: 'cust_a', res, action: 'satisfaction.rate', target: id };
      },
      'POST /api/v1/rating-requests/:id/rate': async () => {
        const id = await tk('dispatcher');
        await req('engineer', 'POST', `${V}/tickets/${id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
        await req('engineer', 'POST', `${V}/tickets/${id}/actions`, {
          action: 'resolve',
          solution: '已处理',
          faultCause: 'non_human',
        });
        const r = (await req('dispatcher', 'GET', `${V}/tickets/${id}/rating`)).body;
        return {
          who: 'dispatcher',
          res: await req('dispatcher', 'POST', `${V}/rating-requests/${r.id}/rate`, { score: 4, comment: '回访' }),
          action: 'satisfaction.rate',
          target: id,
        };
      },
      'POST /api/v1/projects/:id/satisfaction-surveys': async () => ({
        who: 'manager',
        res: await req('manager', 'POST', `${V}/projects/${ids.projectA}/satisfaction-surveys`, {
          title: '审计调查',
          closesOn: '2026-12-31',
        }),
        action: 'satisfaction.survey',
        target: ids.projectA,
      }),
      'POST /api/v1/projects/:id/survey-schedules': async () => {
        const res = await req('manager', 'POST', `${V}/projects/${ids.projectA}/survey-schedules`, {
          title: '审计定期调查',
          everyMonths: 3,
          openDays: 14,
          firstOn: '2026-12-01',
        });
        ctx.schedule = res.body.id;
        return { who: 'manager', res, action: 'satisfaction.schedule', target: res.body.id };
      },
      'PATCH /api/v1/survey-schedules/:id': async () => ({
        who: 'manager',
        res: await req('manager', 'PATCH', `${V}/survey-schedules/${ctx.schedule}`, { active: false }),
        action: 'satisfaction.schedule',
        target: ctx.schedule!,
      }),
      'POST /api/v1/feedback': async () => {
        const res = await req('cust_a', 'POST', `${V}/feedback`, {
          projectId: ids.projectA,
          category: 'opinion',
          title: '审计意见',
          body: '内容',
        });
        ctx.feedback = res.body.id;
        return { who: 'cust_a', res, action: 'feedback.submit', target: res.body.id };
      },
      'POST /api/v1/feedback/:id/answer': async () => ({
        who: 'dispatcher',
        res: await req('dispatcher', 'POST', `${V}/feedback/${ctx.feedback}/answer`, { answer: '已答复' }),
        action: 'feedback.answer',
        target: ctx.feedback!,
      }),
      'POST /api/v1/feedback/:id/close': async () => ({
        who: 'dispatcher',
        res: await req('dispatcher', 'POST', `${V}/feedback/${ctx.feedback}/close`),
        action: 'feedback.close',
        target: ctx.feedback!,
      }),
      'POST /api/v1/kb/categories': async () => {
        const res = await req('manager', 'POST', `${V}/kb/categories`, { name: '审计分类' });
        return { who: 'manager', res, action: 'kb.category', target: res.body.id };
      },
      'POST /api/v1/kb/articles': async () => {
        const res = await req('engineer', 'POST', `${V}/kb/articles`, { title: '审计文章', body: '正文' });
        ctx.article = res.body.id;
        return { who: 'engineer', res, action: 'kb.create', target: res.body.id };
      },
      'PATCH /api/v1/kb/articles/:id': async () => ({
        who: 'engineer',
        res: await req('engineer', 'PATCH', `${V}/kb/articles/${ctx.article}`, { status: 'published', note: '发布' }),
        action: 'kb.update',
        target: ctx.article!,
      }),
      'POST /api/v1/kb/articles/:id/attachments': async () => {
        const mp = multipart('附件.txt', 'x');
        return {
          who: 'engineer',
          res: await req('engineer', 'POST', `${V}/kb/articles/${ctx.article}/attachments`, mp.payload, mp.headers),
          action: 'kb.attach',
          target: ctx.article!,
        };
      },
      'POST /api/v1/kb/articles/:id/links': async () => {
        const id = await tk('dispatcher');
        return {
          who: 'engineer',
          res: await req('engineer', 'POST', `${V}/kb/articles/${ctx.article}/links`, { ticketId: id }),
          action: 'kb.link',
          target: ctx.article!,
        };
      },
      'POST /api/v1/tickets/:id/kb-draft': async () => {
        const id = await tk('dispatcher');
        await req('engineer', 'POST', `${V}/tickets/${id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
        await req('engineer', 'POST', `${V}/tickets/${id}/actions`, {
          action: 'resolve',
          solution: '已处理',
          faultCause: 'non_human',
        });
        const res = await req('engineer', 'POST', `${V}/tickets/${id}/kb-draft`, {});
        return { who: 'engineer', res, action: 'kb.create', target: res.body.id };
      },
      'PATCH /api/v1/commitments/:id': async () => {
        const c = await t.database.db
          .selectFrom('commitments')
          .select('id')
          .where('contract_id', '=', ids.contractA)
          .where('kind', '=', 'report_delivery')
          .executeTakeFirstOrThrow();
        return {
          who: 'manager',
          res: await req('manager', 'PATCH', `${V}/commitments/${c.id}`, { target: 6 }),
          action: 'commitment.update',
          target: c.id,
        };
      },
      'PUT /api/v1/projects/:id/report-notes': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/projects/${ids.projectA}/report-notes?month=2026-10`, {
          nextMonthPlan: '审计计划',
        }),
        action: 'report.notes',
        target: ids.projectA,
      }),
      'POST /api/v1/projects/:id/monthly-reports/issue': async () => {
        const res = await req('manager', 'POST', `${V}/projects/${ids.projectA}/monthly-reports/issue`, {
          month: '2026-09',
          formats: ['xlsx'],
        });
        return { who: 'manager', res, action: 'report.issue', target: res.body.items?.[0]?.id };
      },
      'PUT /api/v1/projects/:id/report-schedule': async () => ({
        who: 'manager',
        res: await req('manager', 'PUT', `${V}/projects/${ids.projectA}/report-schedule`, {
          enabled: true,
          dayOfMonth: 3,
          formats: ['pdf'],
          recipients: [],
        }),
        action: 'report.schedule',
        target: ids.projectA,
      }),
      'PUT /api/v1/security-policy': async () => {
        const current = (await req('secadmin', 'GET', `${V}/security-policy`)).body;
        return {
          who: 'secadmin',
          res: await req('secadmin', 'PUT', `${V}/security-policy`, { ...current, lockoutMinutes: 45 }),
          action: 'security.policy',
          target: 'security_policy',
        };
      },
      'PUT /api/v1/holiday-years/:year': async () => ({
        who: 'admin',
        res: await req('admin', 'PUT', `${V}/holiday-years/2030`, {
          holidays: [{ date: '2030-01-01', name: '元旦' }],
          workdays: [],
        }),
        action: 'holiday_year.save',
        target: '2030',
      }),
    };
    const writes = t.app.routeTable.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(
      writes.filter((k) => !steps[k]),
      'write routes without an audit check',
    ).toEqual([]);
    for (const key of writes) {
      const seq = await auditHead(t.database);
      const { who, res, action, target } = await steps[key]!();
      expect(res.status, `${key}: ${res.raw}`).toBeLessThan(300);
      await check(seq, who, action, target);
    }
    // Each workflow action is audited under its own name, by whoever did it.
    const seen = new Set<string>();
    const run = async (who: string, id: string, body: Record<string, unknown>) => {
      const seq = await auditHead(t.database);
      const r = await req(who, 'POST', `${V}/tickets/${id}/actions`, body);
      expect(r.status, `${body.action}: ${r.raw}`).toBe(200);
      await check(seq, who, `ticket.${body.action}`, id);
      seen.add(String(body.action));
    };
    const a = await tk('dispatcher', { assigneeId: undefined });
    await run('engineer2', a, { action: 'claim' });
    await run('engineer2', a, { action: 'transfer', assigneeId: ids.users.engineer, reason: '转派' });
    await run('dispatcher', a, { action: 'dispatch', assigneeId: ids.users.engineer2 });
    await run('engineer2', a, { action: 'respond' });
    await run('engineer2', a, { action: 'suspend', suspendReason: 'waiting_customer', reason: '等客户' });
    await run('engineer2', a, { action: 'resume' });
    await run('dispatcher', a, { action: 'urge' });
    await run('dispatcher', a, { action: 'change_level', level: 1, reason: '升级' });
    await run('engineer2', a, { action: 'arrive' });
    await run('engineer2', a, { action: 'resolve', solution: '处理完毕', faultCause: 'non_human' });
    await run('dispatcher', a, { action: 'confirm' });
    await run('engineer2', a, { action: 'reopen', reason: '复发' });
    const b = await tk();
    await run('engineer', b, { action: 'arrival_not_needed', reason: '远程' });
    await run('dispatcher', b, { action: 'cancel', reason: '重复' });
    expect([...TICKET_ACTIONS].filter((x) => !seen.has(x))).toEqual([]);
    // Every action written above reads as a word in the auditor's view and export, in both languages.
    const written = (await t.database.db.selectFrom('audit_log').select('action').distinct().execute()).map(
      (r) => r.action,
    );
    expect(written.filter((a) => auditActionLabel(a, 'zh-CN') === a || auditActionLabel(a, 'en') === a)).toEqual([]);
    expect(await t.app.services.audit.verify()).toEqual({ ok: true, checked: await auditHead(t.database) });
  });
});
