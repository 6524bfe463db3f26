import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, expectRefused, multipart, ticketInput } from '../../test/api.js';
import { fetchFile } from '../../test/files.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';

describe.each(DIALECTS)(
  'knowledge base: articles, versions, Chinese and English search, ticket links (R25) (%s)',
  (dialect) => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    const s: Record<string, Session> = {};
    const a: Record<string, any> = {};
    const titles = async (who: string, q: string) =>
      (await s[who]!.get(`${V}/kb/articles?q=${encodeURIComponent(q)}`)).body.items.map((x: any) => x.title);
    beforeAll(async () => {
      t = await testApp(dialect);
      ids = await demoIds(t);
      for (const u of ['manager', 'dispatcher', 'engineer', 'cust_a', 'cust_b']) s[u] = await t.login(u);
      const cat = (await s.manager!.post(`${V}/kb/categories`, { name: '硬件故障' })).body;
      const put = async (key: string, body: object) => {
        const r = await s.engineer!.post(`${V}/kb/articles`, { categoryId: cat.id, status: 'published', ...body });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        a[key] = r.body;
      };
      await put('printer', {
        title: '打印机无法连接的处理方法',
        body: '## 现象\n网络打印机显示 offline。\n## 解决\n重启打印服务 spooler，检查 IP 地址。',
        tags: ['打印机', '网络'],
        visibility: 'customer',
      });
      await put('backup', {
        title: '数据库备份失败排查',
        body: 'Oracle RMAN backup 报错 ORA-19502 时，检查磁盘空间。',
        tags: ['备份'],
      });
      await put('vpn', {
        title: 'VPN 客户端证书过期',
        body: 'Renew the client certificate in the VPN portal; 证书有效期一年。',
        visibility: 'customer',
        projectId: ids.projectB,
      });
      await put('draft', { title: '打印队列卡死（草稿）', body: '整理中', status: 'draft', visibility: 'customer' });
      await put('machine', { title: '机器打印异常', body: '打印 质量差', visibility: 'customer' });
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('finds Chinese by two-character and longer queries, bigrams adjacent; English by word and prefix', async () => {
      expect(await titles('engineer', '备份')).toEqual(['数据库备份失败排查']);
      expect((await titles('engineer', '打印')).sort()).toEqual(
        ['打印机无法连接的处理方法', '打印队列卡死（草稿）', '机器打印异常'].sort(),
      );
      // 打印机 must be adjacent: "机器打印异常 … 打印 质量差" has 打印 and 机 but not 打印机.
      expect(await titles('engineer', '打印机')).toEqual(['打印机无法连接的处理方法']);
      expect(await titles('engineer', '无法连接 spooler')).toEqual(['打印机无法连接的处理方法']);
      expect(await titles('engineer', 'RMAN')).toEqual(['数据库备份失败排查']);
      expect(await titles('engineer', 'certif')).toEqual(['VPN 客户端证书过期']); // prefix of the last word
      expect(await titles('engineer', 'ORA-19502')).toEqual(['数据库备份失败排查']);
      expect(await titles('engineer', '打印 卫星')).toEqual([]);
      // One character: the index has no unigrams, so titles are scanned.
      expect(await titles('engineer', '机')).toEqual(
        expect.arrayContaining(['打印机无法连接的处理方法', '机器打印异常']),
      );
      // A hit in the title ranks above the same hit only in the body.
      expect(await titles('engineer', '证书')).toEqual(['VPN 客户端证书过期']);
      expect(await titles('engineer', 'offline spooler')).toEqual(['打印机无法连接的处理方法']);
    });

    it('customers see published customer-facing articles for all customers or their own project; never internal ones or drafts', async () => {
      expect((await titles('cust_a', '打印')).sort()).toEqual(['打印机无法连接的处理方法', '机器打印异常'].sort());
      expect(await titles('cust_a', '备份')).toEqual([]);
      expect(await titles('cust_a', 'VPN')).toEqual([]);
      expect(await titles('cust_b', 'VPN')).toEqual(['VPN 客户端证书过期']);
      expect((await s.cust_a!.get(`${V}/kb/articles/${a.backup.id}`)).status).toBe(404);
      expect((await s.cust_a!.get(`${V}/kb/articles/${a.vpn.id}`)).status).toBe(404);
      expect((await s.cust_a!.get(`${V}/kb/articles/${a.draft.id}`)).status).toBe(404);
      const list = (await s.cust_a!.get(`${V}/kb/articles`)).body.items.map((x: any) => x.title);
      expect(list.sort()).toEqual(['打印机无法连接的处理方法', '机器打印异常'].sort());
      expect((await s.cust_a!.post(`${V}/kb/articles`, { title: 'x' })).status).toBe(403);
    });

    it('every edit is a new version with its note; the index follows the text', async () => {
      const r = await s.manager!.patch(`${V}/kb/articles/${a.backup.id}`, {
        body: '检查归档日志目录空间，清理后重跑 RMAN。',
        note: '补充归档日志',
      });
      expect(r.body).toMatchObject({
        version: 2,
        versions: [
          { version: 2, note: '补充归档日志' },
          { version: 1, note: '新建' },
        ],
      });
      expect(await titles('engineer', '归档日志')).toEqual(['数据库备份失败排查']);
      expect(await titles('engineer', 'ORA')).toEqual([]);
      expect((await s.engineer!.get(`${V}/kb/articles/${a.backup.id}/versions/1`)).body.body).toContain('ORA-19502');
      // A PATCH naming one field leaves the others (tags, visibility) alone.
      expect(r.body).toMatchObject({ tags: ['备份'], visibility: 'internal', status: 'published' });
      await expectRefused(
        t,
        s.manager!,
        'PATCH',
        `${V}/kb/articles/${a.backup.id}`,
        { categoryId: 'nope' },
        { status: 400, code: 'VALIDATION', field: 'categoryId' },
      );
      await expectRefused(
        t,
        s.manager!,
        'PATCH',
        `${V}/kb/articles/${a.backup.id}`,
        { projectId: ids.projectA },
        { status: 400, code: 'VALIDATION', field: 'projectId' },
      );
      await expectRefused(
        t,
        s.manager!,
        'POST',
        `${V}/kb/categories`,
        { name: '硬件故障' },
        { status: 409, code: 'DUPLICATE', field: 'name' },
      );
      // Archived articles leave the customers' search.
      await s.manager!.patch(`${V}/kb/articles/${a.machine.id}`, { status: 'archived', note: '过时' });
      expect(await titles('cust_a', '打印')).toEqual(['打印机无法连接的处理方法']);
    });

    it('saving an article with no change creates no new version (a note alone is no change)', async () => {
      const before = (await s.engineer!.get(`${V}/kb/articles/${a.vpn.id}`)).body;
      const same = {
        title: before.title,
        body: before.body,
        tags: before.tags,
        categoryId: before.categoryId,
        visibility: before.visibility,
        projectId: before.projectId,
        status: before.status,
      };
      for (const body of [same, { ...same, note: '仅保存' }, {}]) {
        const r = await s.manager!.patch(`${V}/kb/articles/${a.vpn.id}`, body);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body).toMatchObject({ version: before.version, updatedAt: before.updatedAt });
        expect(r.body.versions).toHaveLength(before.versions.length);
      }
      const changed = await s.manager!.patch(`${V}/kb/articles/${a.vpn.id}`, { ...same, tags: ['VPN'] });
      expect(changed.body).toMatchObject({ version: before.version + 1, tags: ['VPN'] });
    });

    it('attachments download for readers of the article only', async () => {
      const m = multipart('接线图.pdf', 'diagram', 'application/pdf');
      const r = await t.app.inject({
        method: 'POST',
        url: `${V}/kb/articles/${a.printer.id}/attachments`,
        headers: { ...s.engineer!.headers, ...m.headers },
        payload: m.payload,
      });
      expect(r.statusCode, r.body).toBe(200);
      const att = r.json().attachments[0];
      const f = await fetchFile(t, s.cust_a!, `${V}/kb/attachments/${att.id}/file`);
      expect([f.status, f.body.toString()]).toEqual([200, 'diagram']);
      const m2 = multipart('内部.txt', 'secret');
      const r2 = await t.app.inject({
        method: 'POST',
        url: `${V}/kb/articles/${a.backup.id}/attachments`,
        headers: { ...s.engineer!.headers, ...m2.headers },
        payload: m2.payload,
      });
      expect((await fetchFile(t, s.cust_a!, `${V}/kb/attachments/${r2.json().attachments[0].id}/file`)).status).toBe(
        404,
      );
    });

    it('the ticket form suggests articles as the title is typed; a solution becomes a draft; links both ways', async () => {
      expect(
        (await s.cust_a!.get(`${V}/kb/suggest?q=${encodeURIComponent('打印机连不上')}`)).body.map((x: any) => x.title),
      ).toEqual(['打印机无法连接的处理方法']);
      expect((await s.cust_a!.get(`${V}/kb/suggest?q=${encodeURIComponent('打')}`)).body).toEqual([]);
      const tk = (
        await s.cust_a!.post(
          `${V}/tickets`,
          ticketInput(ids.projectA, { title: '三楼打印机无法连接', description: '整层打印机 offline' }),
        )
      ).body;
      await expectRefused(t, s.engineer!, 'POST', `${V}/tickets/${tk.id}/kb-draft`, undefined, {
        status: 409,
        code: 'ACTION_NOT_ALLOWED',
        field: 'ticketId',
      });
      await s.dispatcher!.post(`${V}/tickets/${tk.id}/actions`, { action: 'dispatch', assigneeId: ids.users.engineer });
      await s.engineer!.post(`${V}/tickets/${tk.id}/actions`, { action: 'arrival_not_needed', reason: '远程' });
      await s.engineer!.post(`${V}/tickets/${tk.id}/actions`, {
        action: 'resolve',
        solution: '交换机端口被禁用，已启用 Gi0/12。',
        faultCause: 'non_human',
      });
      const solved = await s.engineer!.post(`${V}/kb/articles/${a.printer.id}/links`, {
        ticketId: tk.id,
        kind: 'solved_by',
      });
      expect(solved.body.tickets).toEqual([
        { ticketId: tk.id, number: tk.number, title: '三楼打印机无法连接', kind: 'solved_by' },
      ]);
      const draft = (await s.engineer!.post(`${V}/tickets/${tk.id}/kb-draft`)).body;
      expect(draft).toMatchObject({
        status: 'draft',
        visibility: 'internal',
        title: '三楼打印机无法连接',
        sourceTicketId: tk.id,
        tickets: [{ ticketId: tk.id, kind: 'created_from' }],
      });
      expect(draft.body).toContain('交换机端口被禁用');
      expect((await s.engineer!.get(`${V}/tickets/${tk.id}/kb`)).body.map((x: any) => [x.number, x.kind])).toEqual([
        [a.printer.number, 'solved_by'],
        [draft.number, 'created_from'],
      ]);
      // The customer sees the published article on their ticket, not the internal draft.
      expect((await s.cust_a!.get(`${V}/tickets/${tk.id}/kb`)).body.map((x: any) => x.kind)).toEqual(['solved_by']);
      expect((await s.cust_b!.get(`${V}/tickets/${tk.id}/kb`)).status).toBe(404);
      await expectRefused(
        t,
        s.engineer!,
        'POST',
        `${V}/kb/articles/${a.printer.id}/links`,
        { ticketId: 'nope' },
        { status: 400, code: 'VALIDATION', field: 'ticketId' },
      );
    });

    it('lists newest edits first, keyset-paginated, by category and tag', async () => {
      const p1 = (await s.engineer!.get(`${V}/kb/articles?limit=2`)).body;
      expect(p1.items).toHaveLength(2);
      const p2 = (await s.engineer!.get(`${V}/kb/articles?limit=50&cursor=${p1.nextCursor}`)).body;
      const all = [...p1.items, ...p2.items];
      expect(all.map((x: any) => x.updatedAt)).toEqual([...all.map((x: any) => x.updatedAt)].sort((x, y) => y - x));
      expect(new Set(all.map((x: any) => x.id)).size).toBe(all.length);
      expect(
        (await s.engineer!.get(`${V}/kb/articles?tag=${encodeURIComponent('备份')}`)).body.items.map(
          (x: any) => x.title,
        ),
      ).toEqual(['数据库备份失败排查']);
    });
  },
);
