import type { Role } from '@weibao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, fingerprint, multipart, type Res, ticketInput } from '../test/api.js';
import { DIALECTS, type Session, testApp } from '../test/harness.js';
import { DEMO_USERS } from '../modules/seed/demo.js';

/**
 * Every route in app.routeTable × every demo user (one per role, and both customers) × no session.
 * Expectations come from each route's declared `access`; a route without a fixture here fails the
 * test, so a new route cannot ship untested.
 */
type Org = 'A' | 'B';
type Entity = 'ticket' | 'project' | 'contract' | 'attachment' | 'token' | 'user' | 'notification' | 'visit' | 'record' | 'asset' | 'acceptance' | 'repair_point' | 'customer' | 'template' | 'plan' | 'task'
  | 'tplan' | 'course' | 'material' | 'batch' | 'session' | 'trainee' | 'rating' | 'feedback' | 'article' | 'kbfile' | 'schedule';
interface Body { payload?: unknown; headers?: Record<string, string> }
interface Fixture {
  /** Request for callers the route admits: harmless (invalid body or someone else's id) and must get past access control. */
  probe: Body;
  /** For customers on :id routes: a request that would succeed if the id were in scope. */
  foreign?: Body;
  freshSession?: true;
}

const json = (payload: unknown): Body => ({ payload });
const file = (): Body => multipart('probe.txt', 'probe');
const FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/health': { probe: {} },
  'POST /api/v1/auth/login': { probe: json({}) },
  'POST /api/v1/auth/logout': { probe: {}, freshSession: true },
  'GET /api/v1/auth/me': { probe: {} },
  'POST /api/v1/auth/password': { probe: json({}) },
  'GET /api/v1/auth/tokens': { probe: {} },
  'POST /api/v1/auth/tokens': { probe: json({}) },
  'DELETE /api/v1/auth/tokens/:id': { probe: {}, foreign: {} },
  'GET /api/v1/orgs': { probe: {} },
  'POST /api/v1/orgs': { probe: json({}) },
  'GET /api/v1/projects': { probe: {} },
  'POST /api/v1/projects': { probe: json({}) },
  'GET /api/v1/projects/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/projects/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'GET /api/v1/projects/:id/assignees': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/contracts': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/contracts': { probe: json({}), foreign: json({ code: 'HT-EVIL', name: 'x', startsOn: '2026-01-01', endsOn: '2026-12-31' }) },
  'GET /api/v1/contracts/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/contracts/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'GET /api/v1/users': { probe: {} },
  'GET /api/v1/staff': { probe: {} },
  'POST /api/v1/users': { probe: json({}) },
  'PATCH /api/v1/users/:id': { probe: json({ level: 0 }), foreign: json({ level: 2 }) },
  'PUT /api/v1/users/:id/roles': { probe: json({ roles: [] }), foreign: json({ roles: ['customer_lead'] }) },
  'POST /api/v1/users/:id/unlock': { probe: {}, foreign: {} },
  'GET /api/v1/tickets': { probe: {} },
  'POST /api/v1/tickets': { probe: json({}) },
  'GET /api/v1/tickets/:id': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/actions': { probe: json({ action: 'bogus' }), foreign: json({ action: 'urge', reason: '催' }) },
  'GET /api/v1/tickets/:id/timeline': { probe: {}, foreign: {} },
  'GET /api/v1/tickets/:id/clock-history': { probe: {}, foreign: {} },
  'GET /api/v1/tickets/:id/comments': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/comments': { probe: json({ body: '' }), foreign: json({ body: '串单评论' }) },
  'GET /api/v1/tickets/:id/attachments': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/attachments': { probe: json({}), foreign: file() },
  'GET /api/v1/attachments/:id': { probe: {}, foreign: {} },
  'GET /api/v1/audit': { probe: {} },
  'GET /api/v1/notifications': { probe: {} },
  'POST /api/v1/notifications/:id/read': { probe: {}, foreign: {} },
  'GET /api/v1/dashboard': { probe: {} },
  'GET /api/v1/security-policy': { probe: {} },
  'PUT /api/v1/security-policy': { probe: json({}) },
  'GET /api/v1/site-visits/current': { probe: {} },
  'POST /api/v1/site-visits/check-in': { probe: json({}) },
  'POST /api/v1/site-visits/:id/check-out': { probe: json({ location: '' }), foreign: json({}) },
  'GET /api/v1/site-visits': { probe: {} },
  'POST /api/v1/site-visits/:id/photo': { probe: json({}), foreign: multipart('p.png', 'png', 'image/png') },
  'GET /api/v1/site-visits/:id/photo': { probe: {}, foreign: {} },
  'GET /api/v1/om-records': { probe: {} },
  'POST /api/v1/om-records': { probe: json({}) },
  'POST /api/v1/om-records/sign': { probe: json({}) },
  'GET /api/v1/om-records/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/om-records/:id': { probe: json({ location: '' }), foreign: json({ location: '改' }) },
  'POST /api/v1/om-records/:id/submit': { probe: {}, foreign: {} },
  'POST /api/v1/om-records/:id/review': { probe: json({ note: 'x'.repeat(1001) }), foreign: json({}) },
  'POST /api/v1/om-records/:id/reject': { probe: json({}), foreign: json({ reason: '串单退回' }) },
  'POST /api/v1/om-records/:id/amend': { probe: json({}), foreign: json({ amendReason: '串单更正' }) },
  'GET /api/v1/om-records/:id/signature': { probe: {}, foreign: {} },
  'GET /api/v1/om-records/export': { probe: {} },
  'GET /api/v1/om-records/:id/pdf': { probe: {}, foreign: {} },
  'POST /api/v1/om-records/sheets': { probe: json({}) },
  'GET /api/v1/public/om-records/:id/verify': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/resident-plan': { probe: {}, foreign: {} },
  'PUT /api/v1/projects/:id/resident-plan': { probe: json({}), foreign: json({ headcount: 0, weekdays: [], chinaCalendar: false, start: '08:00', end: '09:00', lateGraceMin: 0, engineerIds: [] }) },
  'GET /api/v1/projects/:id/presence/daily': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/presence/monthly': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/presence/monthly.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/engineers': { probe: {} },
  'PUT /api/v1/engineers/:id/profile': { probe: json({}), foreign: json({ disciplines: [], skillLevel: 1, certifications: [] }) },
  'GET /api/v1/projects/:id/staffing': { probe: {}, foreign: {} },
  'PUT /api/v1/projects/:id/staffing': { probe: json({}), foreign: json({ requirements: [], assignments: [] }) },
  'GET /api/v1/assets': { probe: {} },
  'GET /api/v1/assets/import-template.xlsx': { probe: {} },
  'GET /api/v1/assets/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/assets/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'POST /api/v1/projects/:id/assets': { probe: json({}), foreign: json({ kind: 'hardware', type: '服务器', name: '串单资产', model: 'x', serial: 'EVIL-1' }) },
  'POST /api/v1/projects/:id/assets/import': { probe: json({}), foreign: file() },
  'GET /api/v1/projects/:id/assets.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/acceptances': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/acceptances': { probe: json({}), foreign: json({ batch: '串单批次', acceptedOn: '2026-01-01' }) },
  'POST /api/v1/acceptances/:id/document': { probe: json({}), foreign: file() },
  'GET /api/v1/acceptances/:id/document': { probe: {}, foreign: {} },
  'POST /api/v1/assets/:id/inspections': { probe: json({}), foreign: json({ doneOn: '2026-10-01' }) },
  'GET /api/v1/inspections/annual': { probe: {} },
  'GET /api/v1/tickets/:id/repair': { probe: {}, foreign: {} },
  'PUT /api/v1/tickets/:id/repair': { probe: json({}), foreign: json({ assetId: 'x' }) },
  'POST /api/v1/tickets/:id/replacements': { probe: json({}), foreign: json({ oldAssetId: 'x', newSerial: 'EVIL-2', replacedOn: '2026-10-12' }) },
  'POST /api/v1/tickets/:id/cost-items': { probe: json({}), foreign: json({ kind: 'other', description: '串单费用', quantity: 1, unitCostCents: 1 }) },
  'GET /api/v1/cost-statement': { probe: {} },
  'GET /api/v1/cost-statement.pdf': { probe: {} },
  'GET /api/v1/cost-statement.xlsx': { probe: {} },
  'GET /api/v1/repair-points': { probe: {} },
  'POST /api/v1/repair-points': { probe: json({}) },
  'PUT /api/v1/repair-points/:id': { probe: json({}), foreign: json({ name: '改', address: '改', personInCharge: '改', phone: '12345', capabilities: [], staff: [], projectIds: [] }) },
  'GET /api/v1/assets/:id/archive': { probe: {}, foreign: {} },
  'GET /api/v1/assets/:id/archive.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/customers/:id/archive': { probe: {}, foreign: {} },
  'GET /api/v1/customers/:id/archive.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/checklist-templates': { probe: {} },
  'POST /api/v1/checklist-templates': { probe: json({}) },
  'GET /api/v1/checklist-templates/:id': { probe: {}, foreign: {} },
  'PUT /api/v1/checklist-templates/:id': { probe: json({}), foreign: json({ name: '改', scope: 'system', items: [{ key: 'a', title: 'a' }] }) },
  'GET /api/v1/projects/:id/inspection-plans': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/inspection-plans': { probe: json({}), foreign: json({ name: '串单计划', kind: 'monthly', templateId: 'x', startsOn: '2026-10-01', assigneeIds: ['x'] }) },
  'PATCH /api/v1/inspection-plans/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'POST /api/v1/inspection-plans/:id/pause': { probe: json({}), foreign: json({ reason: '串单暂停' }) },
  'POST /api/v1/inspection-plans/:id/resume': { probe: json({ bogus: 1 }), foreign: {} },
  'GET /api/v1/inspection-tasks': { probe: {} },
  'GET /api/v1/projects/:id/inspection-completion': { probe: {}, foreign: {} },
  'GET /api/v1/inspection-tasks/:id': { probe: {}, foreign: {} },
  'PUT /api/v1/inspection-tasks/:id/results/:key': { probe: json({}), foreign: json({ outcome: 'pass' }) },
  'POST /api/v1/inspection-tasks/:id/results/:key/photo': { probe: json({}), foreign: multipart('p.png', 'png', 'image/png') },
  'GET /api/v1/inspection-tasks/:id/results/:key/photo': { probe: {}, foreign: {} },
  'POST /api/v1/inspection-tasks/:id/adjustments': { probe: json({}), foreign: json({ parameter: 'p', before: '1', after: '2', reason: '串单' }) },
  'POST /api/v1/inspection-tasks/:id/results/:key/ticket': { probe: json({}), foreign: json({ level: 4 }) },
  'GET /api/v1/inspection-tasks/:id/report.pdf': { probe: {}, foreign: {} },
  'GET /api/v1/inspection-tasks/:id/report.docx': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/training-plans': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/training-plans': { probe: json({}), foreign: json({ name: '串单培训' }) },
  'GET /api/v1/training-plans/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/training-plans/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'POST /api/v1/training-plans/:id/courses': { probe: json({}), foreign: json({ title: '串单课程' }) },
  'PATCH /api/v1/training-courses/:id': { probe: json({ title: '' }), foreign: json({ title: '改名' }) },
  'POST /api/v1/training-courses/:id/materials': { probe: json({}), foreign: file() },
  'POST /api/v1/training-materials/:id/versions': { probe: json({}), foreign: file() },
  'GET /api/v1/training-materials/:id/file': { probe: {}, foreign: {} },
  'POST /api/v1/training-plans/:id/trainees': { probe: json({}), foreign: json({ name: '串单学员' }) },
  'PATCH /api/v1/training-trainees/:id': { probe: json({ name: 'x'.repeat(81) }), foreign: json({ phone: '1' }) },
  'POST /api/v1/training-plans/:id/batches': { probe: json({}), foreign: json({ name: '串单批次' }) },
  'PATCH /api/v1/training-batches/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'POST /api/v1/training-batches/:id/sessions': { probe: json({}), foreign: json({ courseId: 'x', startsAt: 1, endsAt: 2, mode: 'online', place: 'x', trainerName: 'x' }) },
  'PATCH /api/v1/training-sessions/:id': { probe: json({ place: '' }), foreign: json({ place: '串单' }) },
  'PUT /api/v1/training-sessions/:id/attendance': { probe: json({}), foreign: json({ entries: [{ traineeId: 'x', status: 'present' }] }) },
  'POST /api/v1/training-plans/:id/assessments': { probe: json({}), foreign: json({ traineeId: 'x', courseId: 'x', batchId: 'x', independent: true, assessedOn: '2026-10-12' }) },
  'GET /api/v1/training-sessions/:id/attendance.pdf': { probe: {}, foreign: {} },
  'GET /api/v1/training-sessions/:id/attendance.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/training-plans/:id/report.pdf': { probe: {}, foreign: {} },
  'GET /api/v1/training-plans/:id/report.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/public/ratings/:token': { probe: {} },
  'POST /api/v1/public/ratings/:token': { probe: json({}) },
  'GET /api/v1/rating-requests': { probe: {} },
  'POST /api/v1/rating-requests/:id/rate': { probe: json({}), foreign: json({ score: 5 }) },
  'GET /api/v1/tickets/:id/rating': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/satisfaction': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/satisfaction-surveys': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/satisfaction-surveys': { probe: json({}), foreign: json({ title: '串单调查', closesOn: '2026-12-31' }) },
  'GET /api/v1/projects/:id/survey-schedules': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/survey-schedules': { probe: json({}), foreign: json({ title: '串单调查', everyMonths: 1, openDays: 1, firstOn: '2026-12-31' }) },
  'PATCH /api/v1/survey-schedules/:id': { probe: json({ everyMonths: 0 }), foreign: json({ active: false }) },
  'GET /api/v1/feedback': { probe: {} },
  'POST /api/v1/feedback': { probe: json({}) },
  'GET /api/v1/feedback/:id': { probe: {}, foreign: {} },
  'POST /api/v1/feedback/:id/answer': { probe: json({}), foreign: json({ answer: '串单答复' }) },
  'POST /api/v1/feedback/:id/close': { probe: {}, foreign: {} },
  'GET /api/v1/kb/categories': { probe: {} },
  'POST /api/v1/kb/categories': { probe: json({}) },
  'GET /api/v1/kb/articles': { probe: {} },
  'GET /api/v1/kb/suggest': { probe: {} },
  'POST /api/v1/kb/articles': { probe: json({}) },
  'GET /api/v1/kb/articles/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/kb/articles/:id': { probe: json({ title: '' }), foreign: json({ title: '改名' }) },
  'GET /api/v1/kb/articles/:id/versions/:version': { probe: {}, foreign: {} },
  'POST /api/v1/kb/articles/:id/attachments': { probe: json({}), foreign: file() },
  'GET /api/v1/kb/attachments/:id/file': { probe: {}, foreign: {} },
  'POST /api/v1/kb/articles/:id/links': { probe: json({}), foreign: json({ ticketId: 'x' }) },
  'GET /api/v1/tickets/:id/kb': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/kb-draft': { probe: json({ visibility: 'bogus' }), foreign: json({}) },
  'POST /api/v1/inspection-tasks/:id/finish': { probe: json({ summary: 'x'.repeat(5001) }), foreign: json({}) },
};
/** Query strings list routes need, per customer organisation. */
const LIST_QUERY: Record<string, (own: string) => string> = {
  '/api/v1/tickets': () => '?limit=100',
  '/api/v1/inspection-tasks': () => '?from=2026-01-01&to=2027-12-31',
  '/api/v1/kb/suggest': () => `?q=${encodeURIComponent('机密文章')}`,
  '/api/v1/cost-statement': (own) => `?customerId=${own}&from=2026-01-01&to=2026-12-31`,
  '/api/v1/cost-statement.pdf': (own) => `?customerId=${own}&from=2026-01-01&to=2026-12-31`,
  '/api/v1/cost-statement.xlsx': (own) => `?customerId=${own}&from=2026-01-01&to=2026-12-31`,
};

/** Which kind of record the :id of a route names. */
function entityOf(url: string): Entity | null {
  const m = /^\/api\/v1\/(auth\/tokens|projects|contracts|users|tickets|attachments|notifications|site-visits|om-records|public\/om-records|engineers|assets|acceptances|repair-points|customers|checklist-templates|inspection-plans|inspection-tasks|training-plans|training-courses|training-materials|training-batches|training-sessions|training-trainees|rating-requests|feedback|kb\/articles|kb\/attachments|survey-schedules)\/:id/.exec(url);
  if (!m) return null;
  return ({
    'auth/tokens': 'token', projects: 'project', contracts: 'contract', users: 'user', tickets: 'ticket', attachments: 'attachment',
    notifications: 'notification', 'site-visits': 'visit', 'om-records': 'record', 'public/om-records': 'record', engineers: 'user',
    assets: 'asset', acceptances: 'acceptance', 'repair-points': 'repair_point', customers: 'customer',
    'checklist-templates': 'template', 'inspection-plans': 'plan', 'inspection-tasks': 'task',
    'training-plans': 'tplan', 'training-courses': 'course', 'training-materials': 'material', 'training-batches': 'batch', 'training-sessions': 'session', 'training-trainees': 'trainee',
    'rating-requests': 'rating', feedback: 'feedback', 'kb/articles': 'article', 'kb/attachments': 'kbfile', 'survey-schedules': 'schedule',
  } as const)[m[1] as 'projects'];
}

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
    for (const [org, cust, projectId, contractId] of [['A', 'cust_a', ids.projectA, ids.contractA], ['B', 'cust_b', ids.projectB, ids.contractB]] as const) {
      const c = sessions[cust]!;
      const tk = (await c.post('/api/v1/tickets', ticketInput(projectId, { title: `机密工单-${org}` }))).body;
      await disp.post(`/api/v1/tickets/${tk.id}/actions`, { action: 'dispatch', assigneeId: ids.users.engineer });
      await eng.post(`/api/v1/tickets/${tk.id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
      await eng.post(`/api/v1/tickets/${tk.id}/comments`, { body: `机密评论-${org}` });
      await eng.post(`/api/v1/tickets/${tk.id}/actions`, { action: 'resolve', solution: `机密方案-${org}`, faultCause: 'non_human' });
      const m = multipart(`机密附件-${org}.txt`, `机密内容-${org}`);
      const att = await call(t.app, c, 'POST', `/api/v1/tickets/${tk.id}/attachments`, m);
      const token = (await c.post('/api/v1/auth/tokens', { name: `机密令牌-${org}` })).body;
      const note = await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', ids.users[cust]!).where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
      // A check-in and a submitted O&M record on the customer's project (engineer2, so the engineer's own probes stay valid).
      const e2 = sessions.engineer2!;
      const visit = (await e2.post('/api/v1/site-visits/check-in', { projectId, location: `机密地点-${org}` })).body;
      await e2.post(`/api/v1/site-visits/${visit.id}/check-out`, {});
      const record = (await e2.post('/api/v1/om-records', { projectId, kind: 'daily', serviceStart: t.clock.now - 3_600_000, serviceEnd: t.clock.now, location: `机密地点-${org}`, content: `机密运维-${org}`, result: '正常', visitIds: [visit.id] })).body;
      expect(record.id, JSON.stringify(record)).toBeDefined();
      await e2.post(`/api/v1/om-records/${record.id}/submit`, {});
      // An accepted asset (year-1 inspection overdue), its repair on the ticket with a cost, a repair point.
      const mgr = sessions.manager!;
      const acc = (await mgr.post(`/api/v1/projects/${projectId}/acceptances`, { batch: `机密批次-${org}`, acceptedOn: '2025-01-02' })).body;
      const asset = (await mgr.post(`/api/v1/projects/${projectId}/assets`, { kind: 'hardware', type: '服务器', name: `机密资产-${org}`, model: 'M', serial: `SN-SECRET-${org}`, acceptanceId: acc.id })).body;
      expect((await disp.put(`/api/v1/tickets/${tk.id}/repair`, { assetId: asset.id })).status).toBe(200);
      expect((await eng.post(`/api/v1/tickets/${tk.id}/cost-items`, { kind: 'other', description: `机密费用-${org}`, quantity: 1, unitCostCents: 100 })).status).toBe(200);
      // A checklist template (shared by both, created once) and a monthly inspection plan per project.
      const tplId = org === 'A' ? (await mgr.post('/api/v1/checklist-templates', { name: '机密模板', scope: 'system', items: [{ key: 'a', title: '检查' }] })).body.id : rec.A.template;
      const plan = (await mgr.post(`/api/v1/projects/${projectId}/inspection-plans`, { name: `机密计划-${org}`, kind: 'monthly', templateId: tplId, startsOn: '2026-10-01', assigneeIds: [ids.users.engineer] })).body;
      expect(plan.id, JSON.stringify(plan)).toBeDefined();
      const task = (await mgr.get(`/api/v1/inspection-tasks?projectId=${projectId}&from=2026-10-01&to=2026-10-31`)).body.items[0];
      const point = (await mgr.post('/api/v1/repair-points', { name: `机密维修点-${org}`, address: `机密地址-${org}`, personInCharge: '某人', phone: '12345', capabilities: [], staff: [], projectIds: [projectId] })).body;
      // A training plan with a course, a material, a trainee in a batch and a session.
      const tp = (await mgr.post(`/api/v1/projects/${projectId}/training-plans`, { name: `机密培训-${org}` })).body;
      const withCourse = (await mgr.post(`/api/v1/training-plans/${tp.id}/courses`, { title: `机密课程-${org}` })).body;
      const courseId = withCourse.courses[0].id;
      const mat = (await call(t.app, mgr, 'POST', `/api/v1/training-courses/${courseId}/materials`, multipart(`机密资料-${org}.pdf`, `机密资料内容-${org}`, 'application/pdf'))).body;
      const withTrainee = (await mgr.post(`/api/v1/training-plans/${tp.id}/trainees`, { name: `机密学员-${org}` })).body;
      const traineeId = withTrainee.trainees[0].id;
      const withBatch = (await mgr.post(`/api/v1/training-plans/${tp.id}/batches`, { name: `机密培训批次-${org}`, traineeIds: [traineeId] })).body;
      const batchId = withBatch.batches[0].id;
      const withSession = (await mgr.post(`/api/v1/training-batches/${batchId}/sessions`, { courseId, startsAt: t.clock.now + 86_400_000, endsAt: t.clock.now + 90_000_000, mode: 'onsite', place: `机密教室-${org}`, trainerName: '讲师' })).body;
      const sessionId = withSession.batches[0].sessions[0].id;
      expect(sessionId, JSON.stringify(withSession)).toBeDefined();
      // The resolved ticket's rating request (to the reporting customer user) and a piece of feedback.
      const rating = await t.database.db.selectFrom('rating_requests').select('id').where('ticket_id', '=', tk.id).executeTakeFirstOrThrow();
      const fb = (await c.post('/api/v1/feedback', { projectId, category: 'suggestion', title: `机密反馈-${org}`, body: `机密建议-${org}` })).body;
      expect(fb.id, JSON.stringify(fb)).toBeDefined();
      // A customer-facing knowledge article for this customer's project, with an attachment.
      const art = (await mgr.post('/api/v1/kb/articles', { title: `机密文章-${org}`, body: `机密正文-${org}`, visibility: 'customer', projectId, status: 'published' })).body;
      const withFile = (await call(t.app, mgr, 'POST', `/api/v1/kb/articles/${art.id}/attachments`, multipart(`机密图纸-${org}.pdf`, `机密图纸内容-${org}`, 'application/pdf'))).body;
      expect(withFile.attachments?.[0]?.id, JSON.stringify(withFile)).toBeDefined();
      const schedule = (await mgr.post(`/api/v1/projects/${projectId}/survey-schedules`, { title: `机密调查-${org}`, everyMonths: 3, openDays: 14, firstOn: '2026-12-01' })).body;
      expect(schedule.id, JSON.stringify(schedule)).toBeDefined();
      rec[org] = {
        ticket: tk.id, project: projectId, contract: contractId, attachment: att.body.id, token: token.id, user: ids.users[cust]!, notification: note.id, visit: visit.id, record: record.id,
        asset: asset.id, acceptance: acc.id, repair_point: point.id, customer: org === 'A' ? ids.orgA : ids.orgB, template: tplId, plan: plan.id, task: task.id,
        tplan: tp.id, course: courseId, material: mat.courses[0].materials[0].id, batch: batchId, session: sessionId, trainee: traineeId, rating: rating.id, feedback: fb.id, article: art.id, kbfile: withFile.attachments[0].id, schedule: schedule.id,
      };
      const project = (await disp.get(`/api/v1/projects/${projectId}`)).body;
      const contract = (await sessions.manager!.get(`/api/v1/contracts/${contractId}`)).body;
      secrets[org] = [tk.id, tk.number, `机密工单-${org}`, `机密评论-${org}`, `机密方案-${org}`, `机密内容-${org}`, `机密附件-${org}`, `机密令牌-${org}`, project.code, contract.code, att.body.id, token.id, note.id, visit.id, record.id, record.number, `机密地点-${org}`, `机密运维-${org}`,
        asset.id, `机密资产-${org}`, `SN-SECRET-${org}`, acc.id, `机密批次-${org}`, point.id, `机密维修点-${org}`, `机密地址-${org}`, plan.id, `机密计划-${org}`, task.id,
        tp.id, `机密培训-${org}`, courseId, `机密课程-${org}`, `机密资料-${org}`, `机密资料内容-${org}`, traineeId, `机密学员-${org}`, batchId, `机密培训批次-${org}`, sessionId, `机密教室-${org}`, rating.id, fb.id, `机密反馈-${org}`, `机密建议-${org}`,
        art.id, `机密文章-${org}`, `机密正文-${org}`, withFile.attachments[0].id, `机密图纸-${org}`, `机密图纸内容-${org}`, schedule.id, `机密调查-${org}`];
    }
  });
  afterAll(async () => { await t?.drop(); });

  it('has a fixture for every route in the route table, and every :id names a known record kind', () => {
    const keys = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => !FIXTURES[k]), 'routes without an access fixture').toEqual([]);
    expect(Object.keys(FIXTURES).filter((k) => !keys.includes(k)), 'fixtures for routes that no longer exist').toEqual([]);
    for (const r of t.app.routeTable.filter((x) => x.url.includes(':id'))) {
      expect(entityOf(r.url), r.url).not.toBeNull();
      expect(FIXTURES[`${r.method} ${r.url}`]!.foreign, `${r.method} ${r.url} needs a foreign-id request`).toBeDefined();
    }
    expect(t.app.routeTable.length).toBeGreaterThanOrEqual(39);
  });

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
          if (!admitted) expect(r.body.code, `${key} as ${u.username}`).toBe('FORBIDDEN');
          for (const secret of secrets[other]) expect(r.raw, `${key} as ${u.username} leaked ${secret}`).not.toContain(secret);
        } else {
          // Staff probe customer A's records; tokens and notifications are cust_a's, so theirs are 404 as well.
          const entity = entityOf(route.url);
          const path = (entity ? route.url.replace(':id', entity === 'user' ? 'no-such-user' : rec.A[entity]) : route.url).replace(':version', '1');
          r = await call(t.app, s, route.method, path, fx.probe);
          if (admitted) {
            expect(r.status, `${key} as ${u.username}: ${r.raw}`).toBeLessThan(500);
            expect([401, 403], `${key} as ${u.username} should be admitted: ${r.raw}`).not.toContain(r.status);
            if (entity === 'token' || entity === 'notification') expect(r.status, `${key} as ${u.username}`).toBe(404);
          } else {
            expect([r.status, r.body.code], `${key} as ${u.username} (${role})`).toEqual([403, 'FORBIDDEN']);
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
      'GET /api/v1/health': (r) => { expect(r.body.ok).toBe(true); },
      'GET /api/v1/auth/me': (r, user) => { expect(r.body.id).toBe(ids.users[user]); },
      'GET /api/v1/orgs': (r, _u, org) => { expect(r.body.map((o: any) => o.id)).toEqual([org === 'A' ? ids.orgA : ids.orgB]); },
      'GET /api/v1/projects': (r, _u, org) => { expect(r.body.map((p: any) => p.id)).toEqual([rec[org].project]); },
      'GET /api/v1/tickets': async (r, user, org) => {
        const own = org === 'A' ? ids.orgA : ids.orgB;
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === own)).toBe(true);
        const sneaky = await call(t.app, sessions[user]!, 'GET', `/api/v1/tickets?limit=100&customerId=${org === 'A' ? ids.orgB : ids.orgA}`);
        expect(sneaky.body.items.every((x: any) => x.customerId === own)).toBe(true);
      },
      'GET /api/v1/notifications': async (r, user) => {
        const mine = (await t.database.db.selectFrom('notifications').select('id').where('user_id', '=', ids.users[user]!).execute()).map((n) => n.id);
        expect(r.body.every((n: any) => mine.includes(n.id))).toBe(true);
      },
      'GET /api/v1/site-visits': async (r, user, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
        const sneaky = await call(t.app, sessions[user]!, 'GET', `/api/v1/site-visits?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`);
        expect(sneaky.body.items).toEqual([]);
      },
      'GET /api/v1/om-records': async (r, user, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === (org === 'A' ? ids.orgA : ids.orgB))).toBe(true);
        const sneaky = await call(t.app, sessions[user]!, 'GET', `/api/v1/om-records?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`);
        expect(sneaky.body.items).toEqual([]);
      },
      'GET /api/v1/assets': async (r, user, org) => {
        const own = org === 'A' ? ids.orgA : ids.orgB;
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === own)).toBe(true);
        const sneaky = await call(t.app, sessions[user]!, 'GET', `/api/v1/assets?customerId=${org === 'A' ? ids.orgB : ids.orgA}`);
        expect(sneaky.body.items.every((x: any) => x.customerId === own)).toBe(true);
        expect((await call(t.app, sessions[user]!, 'GET', `/api/v1/assets?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`)).status).toBe(404);
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
      'GET /api/v1/cost-statement': (r, _u, org) => { expect(r.body.customerId).toBe(org === 'A' ? ids.orgA : ids.orgB); },
      'GET /api/v1/cost-statement.pdf': (r) => { expect(r.raw.startsWith('%PDF')).toBe(true); },
      'GET /api/v1/cost-statement.xlsx': (r) => { expect(r.raw.startsWith('PK')).toBe(true); },
      'GET /api/v1/rating-requests': async (r, user, org) => {
        expect(r.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
        const all = await call(t.app, sessions[user]!, 'GET', '/api/v1/rating-requests?mine=0');
        expect(all.body.items.every((x: any) => x.projectId === rec[org].project)).toBe(true);
        expect((await call(t.app, sessions[user]!, 'GET', `/api/v1/rating-requests?mine=0&projectId=${rec[org === 'A' ? 'B' : 'A'].project}`)).status).toBe(404);
      },
      'GET /api/v1/feedback': async (r, user, org) => {
        expect(r.body.items.length).toBeGreaterThan(0);
        expect(r.body.items.every((x: any) => x.customerId === (org === 'A' ? ids.orgA : ids.orgB))).toBe(true);
        expect((await call(t.app, sessions[user]!, 'GET', `/api/v1/feedback?projectId=${rec[org === 'A' ? 'B' : 'A'].project}`)).status).toBe(404);
      },
      'GET /api/v1/kb/categories': (r) => { expect(Array.isArray(r.body)).toBe(true); },
      'GET /api/v1/kb/articles': (r, _u, org) => {
        expect(r.body.items.map((x: any) => x.id)).toEqual([rec[org].article]);
      },
      'GET /api/v1/kb/suggest': (r, _u, org) => { expect(r.body.map((x: any) => x.id)).toEqual([rec[org].article]); },
      'GET /api/v1/auth/tokens': async (r, user) => {
        const mine = (await t.database.db.selectFrom('api_tokens').select('id').where('user_id', '=', ids.users[user]!).execute()).map((x) => x.id);
        expect(r.body.every((x: any) => mine.includes(x.id))).toBe(true);
      },
    };
    const customers = DEMO_USERS.filter((u) => u.org !== 'provider');
    const lists = t.app.routeTable.filter((r) => r.method === 'GET' && !/:\w/.test(r.url)
      && (r.access === 'public' || r.access === 'authenticated' || r.access.some((role) => role.startsWith('customer_'))));
    expect(lists.map((r) => r.url).filter((u) => !checks[`GET ${u}`]), 'customer-visible lists without a scope check').toEqual([]);
    for (const route of lists) {
      for (const u of customers) {
        const org: Org = u.org === 'a' ? 'A' : 'B';
        if (Array.isArray(route.access) && !route.access.includes(u.roles[0]!)) continue; // e.g. statements are for the lead
        const r = await call(t.app, sessions[u.username]!, 'GET', `${route.url}${LIST_QUERY[route.url]?.(org === 'A' ? ids.orgA : ids.orgB) ?? ''}`);
        expect(r.status, `${route.url} as ${u.username}`).toBe(200);
        await checks[`GET ${route.url}`]!(r, u.username, org);
        for (const secret of secrets[org === 'A' ? 'B' : 'A']) expect(r.raw, `${route.url} as ${u.username}`).not.toContain(secret);
      }
    }
  });
});
