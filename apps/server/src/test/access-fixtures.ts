import { multipart } from './api.js';

/**
 * The access matrix's fixtures: per route, a harmless probe for callers it admits and the request
 * a customer sends at the other customer's record; which kind of record each :id names.
 */
export type Org = 'A' | 'B';
export type Entity =
  | 'ticket'
  | 'project'
  | 'contract'
  | 'attachment'
  | 'token'
  | 'user'
  | 'notification'
  | 'visit'
  | 'record'
  | 'asset'
  | 'acceptance'
  | 'repair_point'
  | 'customer'
  | 'template'
  | 'plan'
  | 'task'
  | 'tplan'
  | 'course'
  | 'material'
  | 'batch'
  | 'session'
  | 'trainee'
  | 'rating'
  | 'feedback'
  | 'article'
  | 'kbfile'
  | 'schedule'
  | 'commitment'
  | 'report'
  | 'saved_filter';
interface Body {
  payload?: unknown;
  headers?: Record<string, string>;
}
interface Fixture {
  /** Request for callers the route admits: harmless (invalid body or someone else's id) and must get past access control. */
  probe: Body;
  /** For customers on :id routes: a request that would succeed if the id were in scope. */
  foreign?: Body;
  freshSession?: true;
  /** Appended to the probe's path: keeps a GET that writes (a generated report) harmless. */
  probeQuery?: string;
}

const json = (payload: unknown): Body => ({ payload });
const file = (): Body => multipart('probe.txt', 'probe');
export const FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/health': { probe: {} },
  'POST /api/v1/auth/login': { probe: json({}) },
  'POST /api/v1/auth/logout': { probe: {}, freshSession: true },
  'GET /api/v1/auth/me': { probe: {} },
  'GET /api/v1/auth/session': { probe: {} },
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
  'POST /api/v1/projects/:id/contracts': {
    probe: json({}),
    foreign: json({ code: 'HT-EVIL', name: 'x', startsOn: '2026-01-01', endsOn: '2026-12-31' }),
  },
  'GET /api/v1/contracts/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/contracts/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'GET /api/v1/users': { probe: {} },
  'GET /api/v1/staff': { probe: {} },
  'POST /api/v1/users': { probe: json({}) },
  'PATCH /api/v1/users/:id': { probe: json({ level: 0 }), foreign: json({ level: 2 }) },
  'PUT /api/v1/users/:id/roles': { probe: json({ roles: [] }), foreign: json({ roles: ['customer_lead'] }) },
  'POST /api/v1/users/:id/unlock': { probe: {}, foreign: {} },
  'GET /api/v1/tickets': { probe: {} },
  'POST /api/v1/tickets/bulk': { probe: json({}) },
  'GET /api/v1/tickets/export.xlsx': { probe: {} },
  'GET /api/v1/saved-filters': { probe: {} },
  'POST /api/v1/saved-filters': { probe: json({}) },
  'DELETE /api/v1/saved-filters/:id': { probe: {}, foreign: {} },
  'POST /api/v1/tickets': { probe: json({}) },
  'GET /api/v1/tickets/:id': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/actions': {
    probe: json({ action: 'bogus' }),
    foreign: json({ action: 'urge', reason: '催' }),
  },
  'GET /api/v1/tickets/:id/timeline': { probe: {}, foreign: {} },
  'GET /api/v1/tickets/:id/clock-history': { probe: {}, foreign: {} },
  'GET /api/v1/tickets/:id/comments': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/comments': { probe: json({ body: '' }), foreign: json({ body: '串单评论' }) },
  'GET /api/v1/tickets/:id/attachments': { probe: {}, foreign: {} },
  'POST /api/v1/tickets/:id/attachments': { probe: json({}), foreign: file() },
  'GET /api/v1/attachments/:id': { probe: {}, foreign: {} },
  'GET /api/v1/audit': { probe: {} },
  'GET /api/v1/audit/actors': { probe: {} },
  'GET /api/v1/audit/export.:format': { probe: {} },
  'GET /api/v1/audit/verify': { probe: {} },
  'GET /api/v1/search': { probe: {} },
  'GET /api/v1/notifications': { probe: {} },
  'GET /api/v1/notifications/page': { probe: {} },
  'GET /api/v1/notifications/summary': { probe: {} },
  'POST /api/v1/notifications/read-all': { probe: json({ kind: 'NOT A KIND' }) },
  'POST /api/v1/notifications/:id/read': { probe: {}, foreign: {} },
  'GET /api/v1/dashboard': { probe: {} },
  'GET /api/v1/me/badges': { probe: {} },
  'GET /api/v1/intake/lookup': { probe: {} },
  'GET /api/v1/security-policy': { probe: {} },
  'PUT /api/v1/security-policy': { probe: json({}) },
  'GET /api/v1/holiday-years': { probe: {} },
  'GET /api/v1/holiday-years/:year': { probe: {} },
  'PUT /api/v1/holiday-years/:year': { probe: json({}) },
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
  'PUT /api/v1/projects/:id/resident-plan': {
    probe: json({}),
    foreign: json({
      headcount: 0,
      weekdays: [],
      chinaCalendar: false,
      start: '08:00',
      end: '09:00',
      lateGraceMin: 0,
      engineerIds: [],
    }),
  },
  'GET /api/v1/projects/:id/presence/daily': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/presence/monthly': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/presence/monthly.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/engineers': { probe: {} },
  'PUT /api/v1/engineers/:id/profile': {
    probe: json({}),
    foreign: json({ disciplines: [], skillLevel: 1, certifications: [] }),
  },
  'GET /api/v1/projects/:id/staffing': { probe: {}, foreign: {} },
  'PUT /api/v1/projects/:id/staffing': { probe: json({}), foreign: json({ requirements: [], assignments: [] }) },
  'GET /api/v1/assets': { probe: {} },
  'GET /api/v1/assets/import-template.xlsx': { probe: {} },
  'GET /api/v1/assets/:id': { probe: {}, foreign: {} },
  'PATCH /api/v1/assets/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'POST /api/v1/projects/:id/assets': {
    probe: json({}),
    foreign: json({ kind: 'hardware', type: '服务器', name: '串单资产', model: 'x', serial: 'EVIL-1' }),
  },
  'POST /api/v1/projects/:id/assets/import': { probe: json({}), foreign: file() },
  'GET /api/v1/projects/:id/assets.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/acceptances': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/acceptances': {
    probe: json({}),
    foreign: json({ batch: '串单批次', acceptedOn: '2026-01-01' }),
  },
  'POST /api/v1/acceptances/:id/document': { probe: json({}), foreign: file() },
  'GET /api/v1/acceptances/:id/document': { probe: {}, foreign: {} },
  'POST /api/v1/assets/:id/inspections': { probe: json({}), foreign: json({ doneOn: '2026-10-01' }) },
  'GET /api/v1/inspections/annual': { probe: {} },
  'GET /api/v1/tickets/:id/repair': { probe: {}, foreign: {} },
  'PUT /api/v1/tickets/:id/repair': { probe: json({}), foreign: json({ assetId: 'x' }) },
  'POST /api/v1/tickets/:id/replacements': {
    probe: json({}),
    foreign: json({ oldAssetId: 'x', newSerial: 'EVIL-2', replacedOn: '2026-10-12' }),
  },
  'POST /api/v1/tickets/:id/cost-items': {
    probe: json({}),
    foreign: json({ kind: 'other', description: '串单费用', quantity: 1, unitCostCents: 1 }),
  },
  'GET /api/v1/cost-statement': { probe: {} },
  'GET /api/v1/cost-statement.pdf': { probe: {} },
  'GET /api/v1/cost-statement.xlsx': { probe: {} },
  'GET /api/v1/repair-points': { probe: {} },
  'POST /api/v1/repair-points': { probe: json({}) },
  'PUT /api/v1/repair-points/:id': {
    probe: json({}),
    foreign: json({
      name: '改',
      address: '改',
      personInCharge: '改',
      phone: '12345',
      capabilities: [],
      staff: [],
      projectIds: [],
    }),
  },
  'GET /api/v1/assets/:id/archive': { probe: {}, foreign: {} },
  'GET /api/v1/assets/:id/archive.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/customers/:id/archive': { probe: {}, foreign: {} },
  'GET /api/v1/customers/:id/archive.xlsx': { probe: {}, foreign: {} },
  'GET /api/v1/checklist-templates': { probe: {} },
  'POST /api/v1/checklist-templates': { probe: json({}) },
  'GET /api/v1/checklist-templates/:id': { probe: {}, foreign: {} },
  'PUT /api/v1/checklist-templates/:id': {
    probe: json({}),
    foreign: json({ name: '改', scope: 'system', items: [{ key: 'a', title: 'a' }] }),
  },
  'GET /api/v1/projects/:id/inspection-plans': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/inspection-plans': {
    probe: json({}),
    foreign: json({ name: '串单计划', kind: 'monthly', templateId: 'x', startsOn: '2026-10-01', assigneeIds: ['x'] }),
  },
  'PATCH /api/v1/inspection-plans/:id': { probe: json({ name: '' }), foreign: json({ name: '改名' }) },
  'POST /api/v1/inspection-plans/:id/pause': { probe: json({}), foreign: json({ reason: '串单暂停' }) },
  'POST /api/v1/inspection-plans/:id/resume': { probe: json({ bogus: 1 }), foreign: {} },
  'GET /api/v1/inspection-tasks': { probe: {} },
  'GET /api/v1/projects/:id/inspection-completion': { probe: {}, foreign: {} },
  'GET /api/v1/inspection-tasks/:id': { probe: {}, foreign: {} },
  'PUT /api/v1/inspection-tasks/:id/results/:key': { probe: json({}), foreign: json({ outcome: 'pass' }) },
  'POST /api/v1/inspection-tasks/:id/results/:key/photo': {
    probe: json({}),
    foreign: multipart('p.png', 'png', 'image/png'),
  },
  'GET /api/v1/inspection-tasks/:id/results/:key/photo': { probe: {}, foreign: {} },
  'POST /api/v1/inspection-tasks/:id/adjustments': {
    probe: json({}),
    foreign: json({ parameter: 'p', before: '1', after: '2', reason: '串单' }),
  },
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
  'POST /api/v1/training-batches/:id/sessions': {
    probe: json({}),
    foreign: json({
      courseId: 'x',
      startsAt: Date.UTC(2026, 9, 20, 1),
      endsAt: Date.UTC(2026, 9, 20, 3),
      mode: 'online',
      place: 'x',
      trainerName: 'x',
    }),
  },
  'PATCH /api/v1/training-sessions/:id': { probe: json({ place: '' }), foreign: json({ place: '串单' }) },
  'PUT /api/v1/training-sessions/:id/attendance': {
    probe: json({}),
    foreign: json({ entries: [{ traineeId: 'x', status: 'present' }] }),
  },
  'POST /api/v1/training-plans/:id/assessments': {
    probe: json({}),
    foreign: json({ traineeId: 'x', courseId: 'x', batchId: 'x', independent: true, assessedOn: '2026-10-12' }),
  },
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
  'POST /api/v1/projects/:id/satisfaction-surveys': {
    probe: json({}),
    foreign: json({ title: '串单调查', closesOn: '2026-12-31' }),
  },
  'GET /api/v1/projects/:id/survey-schedules': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/survey-schedules': {
    probe: json({}),
    foreign: json({ title: '串单调查', everyMonths: 1, openDays: 1, firstOn: '2026-12-31' }),
  },
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
  'GET /api/v1/analytics': { probe: {} },
  'GET /api/v1/commitments': { probe: {} },
  'GET /api/v1/projects/:id/commitments': { probe: {}, foreign: {} },
  'PATCH /api/v1/commitments/:id': { probe: json({ target: -1 }), foreign: json({ note: '串单' }) },
  'GET /api/v1/projects/:id/report-notes': { probe: {}, foreign: {} },
  'PUT /api/v1/projects/:id/report-notes': {
    probe: json({ nextMonthPlan: 5 }),
    foreign: json({ nextMonthPlan: '串单计划' }),
  },
  'GET /api/v1/projects/:id/monthly-report.docx': { probe: {}, foreign: {}, probeQuery: '?month=2026-13' },
  'GET /api/v1/projects/:id/monthly-report.pdf': { probe: {}, foreign: {}, probeQuery: '?month=2026-13' },
  'GET /api/v1/projects/:id/monthly-report.xlsx': { probe: {}, foreign: {}, probeQuery: '?month=2026-13' },
  'GET /api/v1/projects/:id/monthly-reports': { probe: {}, foreign: {} },
  'POST /api/v1/projects/:id/monthly-reports/issue': {
    probe: json({ month: '2026-13' }),
    foreign: json({ month: '2026-09', formats: ['pdf'] }),
  },
  'GET /api/v1/monthly-reports/:id/file': { probe: {}, foreign: {} },
  'GET /api/v1/projects/:id/report-schedule': { probe: {}, foreign: {} },
  'PUT /api/v1/projects/:id/report-schedule': { probe: json({ enabled: 'x' }), foreign: json({ enabled: false }) },
  'POST /api/v1/inspection-tasks/:id/finish': { probe: json({ summary: 'x'.repeat(5001) }), foreign: json({}) },
};
/** Query strings list routes need, per customer organisation. */
export const LIST_QUERY: Record<string, (own: string, project: string) => string> = {
  '/api/v1/tickets': () => '?limit=100',
  '/api/v1/inspection-tasks': () => '?from=2026-01-01&to=2027-12-31',
  '/api/v1/kb/suggest': () => `?q=${encodeURIComponent('机密文章')}`,
  '/api/v1/search': () => `?q=${encodeURIComponent('机密')}`,
  '/api/v1/saved-filters': () => '?scope=tickets',
  '/api/v1/cost-statement': (own) => `?customerId=${own}&from=2026-01-01&to=2026-12-31`,
  '/api/v1/cost-statement.pdf': (own) => `?customerId=${own}&from=2026-01-01&to=2026-12-31`,
  '/api/v1/cost-statement.xlsx': (own) => `?customerId=${own}&from=2026-01-01&to=2026-12-31`,
  '/api/v1/om-records/export': (_own, project) => `?projectId=${project}&month=2026-10`,
};

/** Which kind of record the :id of a route names. */
export function entityOf(url: string): Entity | null {
  const m =
    /^\/api\/v1\/(auth\/tokens|projects|contracts|users|tickets|attachments|notifications|site-visits|om-records|public\/om-records|engineers|assets|acceptances|repair-points|customers|checklist-templates|inspection-plans|inspection-tasks|training-plans|training-courses|training-materials|training-batches|training-sessions|training-trainees|rating-requests|feedback|kb\/articles|kb\/attachments|survey-schedules|commitments|monthly-reports|saved-filters)\/:id/.exec(
      url,
    );
  if (!m) return null;
  return (
    {
      'auth/tokens': 'token',
      projects: 'project',
      contracts: 'contract',
      users: 'user',
      tickets: 'ticket',
      attachments: 'attachment',
      notifications: 'notification',
      'site-visits': 'visit',
      'om-records': 'record',
      'public/om-records': 'record',
      engineers: 'user',
      assets: 'asset',
      acceptances: 'acceptance',
      'repair-points': 'repair_point',
      customers: 'customer',
      'checklist-templates': 'template',
      'inspection-plans': 'plan',
      'inspection-tasks': 'task',
      'training-plans': 'tplan',
      'training-courses': 'course',
      'training-materials': 'material',
      'training-batches': 'batch',
      'training-sessions': 'session',
      'training-trainees': 'trainee',
      'rating-requests': 'rating',
      feedback: 'feedback',
      'kb/articles': 'article',
      'kb/attachments': 'kbfile',
      'survey-schedules': 'schedule',
      commitments: 'commitment',
      'monthly-reports': 'report',
      'saved-filters': 'saved_filter',
    } as const
  )[m[1] as 'projects'];
}
