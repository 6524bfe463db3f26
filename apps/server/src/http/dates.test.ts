import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoIds, sessionAdmitted, fingerprint, type Res } from '../test/api.js';
import { DIALECTS, type Session, testApp } from '../test/harness.js';

const DATE_FIELD = /^(month|day|date|from|to|endedFrom|endedTo|[a-z]+On)$/;
const BAD = {
  month: ['9999-12', '2026-13', '2026-00', '1999-12', '2026-99-99', '2026-2'],
  date: ['9999-12-31', '2026-02-30', '2026-99-99', '1999-12-31', '2026-1-1', '2026-04-31'],
  millis: ['-1', '0', '1e300', String(Date.UTC(2101, 0, 1))],
};
type Kind = keyof typeof BAD;
/** A millisecond instant in a request body, by name; and values outside 2000–2100 (the last is 10000-01-01). */
const MS_FIELD = /^(from|to|start|end|[a-z]+(At|Start|End))$/;
const BAD_MS_BODY = [-1, 1e16, 253402300800000, Date.UTC(1999, 11, 31), Date.UTC(2101, 0, 1), 1.5e12 + 0.5];

/**
 * Every route with a date, month or range in its path, query or body (found in the OpenAPI
 * document, so a new route is covered without touching this test) refuses impossible or
 * out-of-range values, a `from` after its `to` and a span over the limit, with a 400 naming the field.
 */
describe.each(DIALECTS)('dates: every date, month and range field (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const sessions: Record<string, Session> = {};
  const caller = (access: unknown) => sessionAdmitted(access, sessions);
  /** Valid values for the other parameters, so the date is what is wrong. */
  const context = () => ({ id: ids.projectA, projectId: ids.projectA, customerId: ids.orgA, format: 'csv' });
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of ['manager', 'engineer', 'dispatcher', 'admin', 'secadmin', 'auditor', 'cust_a', 'lead_a'])
      sessions[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const named = (r: Res, field: string) =>
    r.status === 400 &&
    r.body?.code === 'VALIDATION' &&
    [r.body.field, ...(r.body.errors ?? []).map((e: { field: string }) => e.field)].includes(field);

  it('refuses bad dates, months, millisecond bounds and ranges on every route, naming the field', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const bad: string[] = [];
    const seen = new Set<string>();
    const before = await fingerprint(t.database, ['sessions']);
    for (const r of t.app.routeTable) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      if (!op) continue;
      const who = caller(r.access);
      const ctx: Record<string, string> = context();
      const path = r.url.replace(/:(\w+)/g, (_, p: string) => ctx[p] ?? 'x');
      const params = (op.parameters ?? []) as { in: string; name: string; schema?: { type?: string } }[];
      const kindOf = (name: string, type?: string): Kind =>
        name === 'month' ? 'month' : /^ended/.test(name) || type === 'integer' || type === 'number' ? 'millis' : 'date';
      const query = params.filter((p) => p.in === 'query');
      const required = query
        .filter((p) => (p as { required?: boolean }).required && ctx[p.name])
        .map((p) => `${p.name}=${ctx[p.name]}`);
      const dateParams = query.filter((p) => DATE_FIELD.test(p.name));
      // The body is validated before the query: a body's required text gets a valid value.
      const bodySchema = op.requestBody?.content?.['application/json']?.schema as
        { properties?: Record<string, { type?: string | string[] }>; required?: string[] } | undefined;
      const payload = bodySchema
        ? Object.fromEntries(
            (bodySchema.required ?? [])
              .filter((n) => bodySchema.properties?.[n]?.type === 'string')
              .map((n) => [n, 'x']),
          )
        : undefined;
      for (const p of dateParams) {
        seen.add(`${r.method} ${r.url} ?${p.name}`);
        const kind = kindOf(p.name, p.schema?.type);
        for (const v of BAD[kind]) {
          // The partner of a range bound gets a valid value, so only this one is wrong.
          const others = dateParams
            .filter((q) => q.name !== p.name)
            .map(
              (q) =>
                `${q.name}=${kindOf(q.name, q.schema?.type) === 'millis' ? Date.UTC(2026, 9, 1) : kindOf(q.name) === 'month' ? '2026-09' : '2026-09-15'}`,
            );
          const res = await call(
            t.app,
            who,
            r.method,
            `${path}?${[...required.filter((q) => !q.startsWith(`${p.name}=`)), ...others, `${p.name}=${encodeURIComponent(v)}`].join('&')}`,
            { payload },
          );
          if (!named(res, p.name))
            bad.push(`${r.method} ${r.url} ${p.name}=${v}: ${res.status} ${res.raw.slice(0, 200)}`);
        }
      }
      // Ranges: the end before the start, and a span over the limit.
      for (const [from, to] of [
        ['from', 'to'],
        ['endedFrom', 'endedTo'],
      ] as const) {
        const f = dateParams.find((p) => p.name === from);
        if (!f || !dateParams.some((p) => p.name === to)) continue;
        seen.add(`${r.method} ${r.url} ${from}..${to}`);
        const millis = kindOf(from, f.schema?.type) === 'millis';
        const pairs = millis
          ? [
              [Date.UTC(2026, 9, 31), Date.UTC(2026, 9, 1)],
              [Date.UTC(2000, 0, 1), Date.UTC(2100, 11, 31)],
            ]
          : [
              ['2026-10-31', '2026-10-01'],
              ['2000-01-01', '2100-12-31'],
            ];
        for (const [a, b] of pairs) {
          const res = await call(
            t.app,
            who,
            r.method,
            `${path}?${[...required, `${from}=${a}`, `${to}=${b}`].join('&')}`,
            { payload },
          );
          if (!named(res, to))
            bad.push(`${r.method} ${r.url} ${from}=${a}&${to}=${b}: ${res.status} ${res.raw.slice(0, 200)}`);
          // The span's refusal says the limit (a catalogue reason with its parameter).
          else if (a === pairs[1]![0] && !/期间最长 \d+ 天/.test(String(res.body?.detail)))
            bad.push(`${r.method} ${r.url} span: no limit in "${String(res.body?.detail)}"`);
        }
      }
      // Body fields (top level): every bad value is named among the body's errors.
      const body = op.requestBody?.content?.['application/json']?.schema as
        { properties?: Record<string, { type?: string | string[]; anyOf?: unknown[] }> } | undefined;
      for (const [name, prop] of Object.entries(body?.properties ?? {})) {
        if (
          !DATE_FIELD.test(name) ||
          (prop.type && prop.type !== 'string' && !(Array.isArray(prop.type) && prop.type.includes('string')))
        )
          continue;
        seen.add(`${r.method} ${r.url} body.${name}`);
        for (const v of BAD[name === 'month' ? 'month' : 'date']) {
          const res = await call(t.app, who, r.method, path, { payload: { [name]: v } });
          if (!named(res, name))
            bad.push(`${r.method} ${r.url} body ${name}=${v}: ${res.status} ${res.raw.slice(0, 200)}`);
        }
      }
      // Millisecond instants in the body (reportedAt, occurredAt, serviceStart, startsAt…): 2000–2100 only.
      for (const [name, prop] of Object.entries(body?.properties ?? {})) {
        const types = [prop.type, ...((prop.anyOf ?? []) as { type?: string }[]).map((a) => a.type)].flat();
        if (!MS_FIELD.test(name) || !types.some((x) => x === 'integer' || x === 'number')) continue;
        seen.add(`${r.method} ${r.url} body.${name}`);
        for (const v of BAD_MS_BODY) {
          const res = await call(t.app, who, r.method, path, { payload: { [name]: v } });
          if (!named(res, name))
            bad.push(`${r.method} ${r.url} body ${name}=${v}: ${res.status} ${res.raw.slice(0, 200)}`);
        }
      }
    }
    expect(bad).toEqual([]);
    // The walk found the date-bearing routes (a renamed field would silently shrink it).
    for (const k of [
      'GET /api/v1/analytics ?from',
      'GET /api/v1/audit from..to',
      'GET /api/v1/tickets endedFrom..endedTo',
      'GET /api/v1/projects/:id/presence/monthly ?month',
      'GET /api/v1/inspection-tasks from..to',
      'POST /api/v1/projects/:id/contracts body.startsOn',
      'POST /api/v1/tickets body.reportedAt',
      'POST /api/v1/tickets/:id/actions body.occurredAt',
      'POST /api/v1/site-visits/check-in body.occurredAt',
      'POST /api/v1/om-records body.serviceStart',
      'PATCH /api/v1/om-records/:id body.serviceEnd',
      'POST /api/v1/training-batches/:id/sessions body.startsAt',
      'PATCH /api/v1/training-sessions/:id body.endsAt',
    ])
      expect([...seen], k).toContain(k);
    expect(seen.size).toBeGreaterThan(25);
    expect(await fingerprint(t.database, ['sessions'])).toEqual(before);
  });

  it('refuses a month that has not begun on the endpoints that measure a month, instead of a full score', async () => {
    const mgr = sessions.manager!;
    // The harness clock is 2026-10-12 (Beijing): November has not begun.
    for (const url of [
      `/api/v1/projects/${ids.projectA}/presence/monthly?month=2026-11`,
      `/api/v1/projects/${ids.projectA}/presence/monthly.xlsx?month=2026-11`,
      `/api/v1/projects/${ids.projectA}/monthly-report.pdf?month=2026-11`,
      `/api/v1/commitments?month=2026-11`,
      `/api/v1/projects/${ids.projectA}/commitments?month=2026-11`,
      `/api/v1/commitments?month=2100-12`,
      `/api/v1/projects/${ids.projectA}/commitments?month=2027-01`,
    ]) {
      const res = await call(t.app, mgr, 'GET', url);
      expect({ url, status: res.status, field: res.body?.field }, res.raw.slice(0, 300)).toEqual({
        url,
        status: 400,
        field: 'month',
      });
    }
    // This month is measurable.
    expect(
      (await call(t.app, mgr, 'GET', `/api/v1/projects/${ids.projectA}/presence/monthly?month=2026-10`)).status,
    ).toBe(200);
    for (const url of [
      `/api/v1/commitments?month=2026-10`,
      `/api/v1/commitments`,
      `/api/v1/projects/${ids.projectA}/commitments?month=2026-10`,
    ])
      expect((await call(t.app, mgr, 'GET', url)).status, url).toBe(200);
    // Inspection completion of a coming month is the plan (counts, no rate): nothing there reads as done.
    const next = await call(t.app, mgr, 'GET', `/api/v1/projects/${ids.projectA}/inspection-completion?month=2026-11`);
    expect(next.status).toBe(200);
    expect({ done: next.body.done, late: next.body.late }).toEqual({ done: 0, late: 0 });
    // Period figures over days still to come read as "no data", never as met or 100 %.
    const scores = (o: unknown, at = ''): string[] =>
      o && typeof o === 'object'
        ? Object.entries(o).flatMap(([k, v]) =>
            (k === 'met' && v === true) || (/(pct|Pct)$/.test(k) && v === 100)
              ? [`${at}.${k}`]
              : scores(v, `${at}.${k}`),
          )
        : [];
    for (const url of [
      `/api/v1/analytics?projectId=${ids.projectA}&from=2026-11-01&to=2026-11-30`,
      `/api/v1/projects/${ids.projectA}/satisfaction?from=2026-11-01&to=2026-11-30`,
    ]) {
      const res = await call(t.app, mgr, 'GET', url);
      expect({ url, status: res.status, scores: scores(res.body) }, res.raw.slice(0, 300)).toEqual({
        url,
        status: 200,
        scores: [],
      });
    }
  });
});
