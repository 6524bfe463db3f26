import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, ticketInput, tokenSession } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const URL = '/api/v1/search';

describe.each(DIALECTS)('global search (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const s: Record<string, Session> = {};
  const made: Record<string, { id: string; number?: string }> = {};
  const find = async (who: string, q: string) => {
    const r = await s[who]!.get(`${URL}?q=${encodeURIComponent(q)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as {
      tickets: { id: string; number: string }[];
      assets: { id: string }[];
      records: { id: string }[];
      articles: { id: string }[];
    };
  };
  const idsOf = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    for (const u of [
      'dispatcher',
      'engineer',
      'manager',
      'cust_a',
      'lead_a',
      'cust_b',
      'lead_b',
      'auditor',
      'admin',
      'secadmin',
    ])
      s[u] = await tokenSession(t, u);
    for (const [key, projectId, phone, title] of [
      ['ticketA', ids.projectA, '13911112222', '机房空调漏水告警'],
      ['ticketB', ids.projectB, '13911113333', '机房空调不制冷'],
    ] as const) {
      const r = await s.dispatcher!.post('/api/v1/tickets', ticketInput(projectId, { reporterPhone: phone, title }));
      made[key] = { id: r.body.id, number: r.body.number };
    }
    for (const [key, projectId, x] of [
      ['assetA', ids.projectA, 'A'],
      ['assetB', ids.projectB, 'B'],
    ] as const) {
      const r = await s.manager!.post(`/api/v1/projects/${projectId}/assets`, {
        kind: 'hardware',
        type: '服务器',
        name: `检索服务器${x}`,
        model: 'M1',
        serial: `SRCH-${x}-1001`,
        tag: `ZC-SRCH-${x}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      made[key] = { id: r.body.id };
    }
    for (const [key, projectId] of [
      ['recordA', ids.projectA],
      ['recordB', ids.projectB],
      ['draftA', ids.projectA],
    ] as const) {
      const r = await s.engineer!.post('/api/v1/om-records', {
        projectId,
        kind: 'remote',
        serviceStart: t.clock.now - 60_000,
        serviceEnd: t.clock.now,
        location: '远程',
        content: '远程巡检',
        result: '正常',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (key !== 'draftA') expect((await s.engineer!.post(`/api/v1/om-records/${r.body.id}/submit`)).status).toBe(200);
      made[key] = { id: r.body.id, number: r.body.number };
    }
    for (const [key, projectId] of [
      ['articleA', ids.projectA],
      ['articleB', ids.projectB],
    ] as const) {
      const r = await s.engineer!.post('/api/v1/kb/articles', {
        title: `空调漏水处理办法${key}`,
        body: '检查冷凝水管',
        visibility: 'customer',
        projectId,
      });
      expect(
        (await s.engineer!.patch(`/api/v1/kb/articles/${r.body.id}`, { status: 'published', note: '发布' })).status,
      ).toBe(200);
      made[key] = { id: r.body.id };
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('staff find tickets by full number, by the digits of the number, by phone prefix and by title prefix', async () => {
    const a = made.ticketA!;
    expect(idsOf((await find('dispatcher', a.number!)).tickets)).toEqual([a.id]);
    expect(idsOf((await find('dispatcher', a.number!.toLowerCase())).tickets)).toEqual([a.id]);
    const digits = String(Number(a.number!.slice(-6)));
    expect((await find('dispatcher', digits)).tickets.map((x) => x.id)).toContain(a.id);
    expect(idsOf((await find('dispatcher', '13911112222')).tickets)).toEqual([a.id]);
    expect(idsOf((await find('engineer', '1391111')).tickets)).toEqual(idsOf([a, made.ticketB!]));
    expect(idsOf((await find('manager', '机房空调')).tickets)).toEqual(idsOf([a, made.ticketB!]));
    expect((await find('dispatcher', '机房空调漏水')).tickets).toMatchObject([
      { id: a.id, number: a.number, title: '机房空调漏水告警', status: 'new' },
    ]);
  });

  it('staff find assets by tag and serial, records by number, articles by title words', async () => {
    expect(idsOf((await find('engineer', 'ZC-SRCH-A')).assets)).toEqual([made.assetA!.id]);
    expect(idsOf((await find('engineer', 'SRCH-')).assets)).toEqual(idsOf([made.assetA!, made.assetB!]));
    expect(idsOf((await find('engineer', 'srch-b-1001')).assets)).toEqual([]); // serials are exact text: case matters
    expect(idsOf((await find('engineer', made.recordA!.number!)).records)).toEqual([made.recordA!.id]);
    const prefix = made.recordA!.number!.slice(0, 8);
    expect(idsOf((await find('manager', prefix)).records)).toEqual(
      expect.arrayContaining(idsOf([made.recordA!, made.recordB!, made.draftA!])),
    );
    expect(idsOf((await find('engineer', '空调漏水')).articles)).toEqual(idsOf([made.articleA!, made.articleB!]));
  });

  it("a customer only ever finds its own organisation's tickets, assets, records and articles", async () => {
    for (const [who, own, other] of [
      ['cust_a', 'A', 'B'],
      ['lead_a', 'A', 'B'],
      ['cust_b', 'B', 'A'],
      ['lead_b', 'B', 'A'],
    ] as const) {
      expect(idsOf((await find(who, '1391111')).tickets), who).toEqual([made[`ticket${own}`]!.id]);
      expect(idsOf((await find(who, '机房空调')).tickets), who).toEqual([made[`ticket${own}`]!.id]);
      expect((await find(who, made[`ticket${other}`]!.number!)).tickets, who).toEqual([]);
      expect(idsOf((await find(who, 'SRCH-')).assets), who).toEqual([made[`asset${own}`]!.id]);
      expect((await find(who, `ZC-SRCH-${other}`)).assets, who).toEqual([]);
      expect(idsOf((await find(who, made.recordA!.number!.slice(0, 8))).records), who).toEqual([
        made[`record${own}`]!.id,
      ]);
      expect((await find(who, made[`record${other}`]!.number!)).records, who).toEqual([]);
      expect(idsOf((await find(who, '空调漏水')).articles), who).toEqual([made[`article${own}`]!.id]);
    }
    // Drafts stay with the provider.
    expect((await find('lead_a', made.draftA!.number!)).records).toEqual([]);
  });

  it('the auditor and the 三员 admins are refused; a too short or missing query is a 400 naming q', async () => {
    for (const u of ['auditor', 'admin', 'secadmin'])
      await expectRefused(t, s[u]!, 'GET', `${URL}?q=GD`, undefined, { status: 403, code: 'FORBIDDEN' });
    await expectRefused(t, s.dispatcher!, 'GET', `${URL}?q=G`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'q',
    });
    await expectRefused(t, s.dispatcher!, 'GET', URL, undefined, { status: 400, code: 'VALIDATION', field: 'q' });
  });

  it('every finder is an index range, never a table scan (SQLite plans)', async () => {
    if (dialect !== 'sqlite') return;
    const plan = async (q: string) =>
      (await sql.raw(`explain query plan ${q}`).execute(t.database.db)).rows
        .map((r: any) => String(r.detail))
        .join(' | ');
    const range = (col: string) => `${col} >= 'x' and ${col} < 'x\uffff'`;
    for (const [table, col, customer] of [
      ['tickets', 'number', true],
      ['tickets', 'reporter_phone', true],
      ['tickets', 'title', true],
      ['assets', 'serial', true],
      ['assets', 'tag', true],
      ['om_records', 'number', true],
    ] as const) {
      for (const scoped of customer ? [false, true] : [false]) {
        const p = await plan(
          `select id from ${table} where ${range(col)}${scoped ? " and customer_id = 'c'" : ''} order by ${col} limit 5`,
        );
        expect(p, `${table}.${col}${scoped ? ' (customer)' : ''}: ${p}`).toMatch(/USING (COVERING )?INDEX/);
        expect(p).not.toMatch(new RegExp(`SCAN ${table}(?! USING)`));
      }
    }
  });
});
