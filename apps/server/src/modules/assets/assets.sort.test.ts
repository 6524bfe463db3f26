import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, tokenSession } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

/** The ledger's sortable columns: every order, both directions, paged by keyset with no gap or repeat, on an index. */
describe.each(DIALECTS)('asset ledger sorting (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let manager: Session;
  let leadB: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    manager = await tokenSession(t, 'manager');
    leadB = await tokenSession(t, 'lead_b');
    const acc = (
      await manager.post(`${V}/projects/${ids.projectA}/acceptances`, { batch: '排序批次', acceptedOn: '2025-03-01' })
    ).body;
    // Repeated names and types, so ties are broken by id; some items accepted (with a warranty end), some not.
    const rows = [
      ['服务器', '核心交换机', 'S-07'],
      ['服务器', '核心交换机', 'S-03'],
      ['存储', '磁盘阵列', 'S-11'],
      ['防火墙', 'Alpha', 'S-01'],
      ['服务器', 'beta', 'S-05'],
      ['存储', '核心交换机', 'S-09'],
      ['UPS', '不间断电源', 'S-02'],
    ];
    for (const [i, [type, name, serial]] of rows.entries()) {
      const r = await manager.post(`${V}/projects/${ids.projectA}/assets`, {
        kind: 'hardware',
        type,
        name,
        model: 'M',
        serial: `SORT-${serial}`,
        acceptanceId: i % 2 ? acc.id : null,
        warrantyMonths: 12 + i,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  const all = async (query: string, limit: number) => {
    const out: any[] = [];
    let cursor: string | null = null;
    do {
      const r = await manager.get(
        `${V}/assets?projectId=${ids.projectA}&${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      out.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return out;
  };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('name, type and serial sort both ways with ties broken by id, pages of 2 joining into the full order', async () => {
    const everything = await all('sort=recent', 200);
    expect(everything.length).toBeGreaterThanOrEqual(7);
    for (const [sort, field] of [
      ['name', 'name'],
      ['type', 'type'],
      ['serial', 'serial'],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = [...everything]
          .sort((a, b) => (cmp(a[field], b[field]) || cmp(a.id, b.id)) * (order === 'asc' ? 1 : -1))
          .map((a) => a.id);
        expect(
          (await all(`sort=${sort}&order=${order}`, 2)).map((a) => a.id),
          `${sort} ${order}`,
        ).toEqual(expected);
      }
    }
    const endAsc = [...everything]
      .filter((a) => a.warrantyEnd)
      .sort((a, b) => cmp(a.warrantyEnd, b.warrantyEnd) || cmp(a.id, b.id))
      .map((a) => a.id);
    expect((await all('sort=warranty_end', 2)).map((a) => a.id)).toEqual(endAsc);
    expect((await all('sort=warranty_end&order=desc', 3)).map((a) => a.id)).toEqual([...endAsc].reverse());
    expect((await all('sort=recent&order=asc', 3)).map((a) => a.id)).toEqual(everything.map((a) => a.id).reverse());
  });

  it('filters keep their order; items not accepted yet can be listed and sorted', async () => {
    const servers = await all(`sort=name&q=${encodeURIComponent('SORT-')}&kind=hardware`, 2);
    expect(servers.map((a) => a.name)).toEqual([...servers.map((a) => a.name)].sort(cmp));
    const waiting = await all('warranty=not_accepted&sort=serial', 2);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((a) => a.warrantyEnd === null)).toBe(true);
    expect(waiting.map((a) => a.serial)).toEqual([...waiting.map((a) => a.serial)].sort(cmp));
  });

  it('a cursor only continues the order it came from; bad sorts and orders are 400s naming the field', async () => {
    const first = (await manager.get(`${V}/assets?projectId=${ids.projectA}&sort=name&limit=2`)).body;
    await expectRefused(
      t,
      manager,
      'GET',
      `${V}/assets?projectId=${ids.projectA}&sort=type&limit=2&cursor=${first.nextCursor}`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'cursor' },
    );
    await expectRefused(
      t,
      manager,
      'GET',
      `${V}/assets?projectId=${ids.projectA}&sort=name&order=desc&cursor=${first.nextCursor}`,
      undefined,
      { status: 400, code: 'VALIDATION', field: 'cursor' },
    );
    await expectRefused(t, manager, 'GET', `${V}/assets?sort=model`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'sort',
    });
    await expectRefused(t, manager, 'GET', `${V}/assets?sort=name&order=up`, undefined, {
      status: 400,
      code: 'VALIDATION',
      field: 'order',
    });
  });

  it("a customer sorting sees only its organisation's items", async () => {
    const r = (await leadB.get(`${V}/assets?sort=name&limit=200`)).body.items as any[];
    expect(r.every((a) => a.projectId === ids.projectB)).toBe(true);
    expect(r.some((a) => String(a.serial).startsWith('SORT-'))).toBe(false);
  });

  it('every order is read from an index, not sorted afterwards (SQLite plans)', async () => {
    if (dialect !== 'sqlite') return;
    for (const col of ['name', 'type', 'serial', 'warranty_end']) {
      for (const scope of ['project_id', 'customer_id', null]) {
        for (const dir of ['asc', 'desc']) {
          const where = [scope ? `${scope} = 'x'` : null, col === 'warranty_end' ? 'warranty_end is not null' : null]
            .filter(Boolean)
            .join(' and ');
          const q = `explain query plan select id from assets ${where ? `where ${where}` : ''} order by ${col} ${dir}, id ${dir} limit 51`;
          const plan = (await sql.raw(q).execute(t.database.db)).rows.map((r: any) => String(r.detail)).join(' | ');
          expect(plan, `${col} ${dir} by ${scope ?? 'all'}: ${plan}`).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });
});
