import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditHead,
  auditSince,
  call,
  countRows,
  demoIds,
  expectRefused,
  multipart,
  ticketInput,
  tokenSessions,
} from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';

const V = '/api/v1';
const MIN = 60_000;
const clock = (tk: any, kind: string) => tk.clocks.find((c: any) => c.kind === kind);

describe.each(DIALECTS)('ticket comments, attachments, timeline and clock history (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let disp: Session;
  let eng: Session;
  let custA: Session;
  let custB: Session;
  const open = async () =>
    (
      await disp.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { assigneeId: ids.users.engineer, reportedAt: t.clock.now }),
      )
    ).body;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    [disp, eng, custA, custB] = await tokenSessions(t, 'dispatcher', 'engineer', 'cust_a', 'cust_b');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('an internal note does not stop the response clock and customers never see it', async () => {
    const tk = await open();
    const note = await eng.post(`${V}/tickets/${tk.id}/comments`, { body: '怀疑是交换机固件问题', internal: true });
    expect(note.body).toMatchObject({
      internal: true,
      authorId: ids.users.engineer,
      authorName: '张工',
      body: '怀疑是交换机固件问题',
    });
    const after = (await eng.get(`${V}/tickets/${tk.id}`)).body;
    expect([after.status, clock(after, 'response').status]).toEqual(['assigned', 'running']);
    expect((await disp.get(`${V}/tickets/${tk.id}/comments`)).body.map((c: any) => c.internal)).toEqual([true]);
    const seen = await custA.get(`${V}/tickets/${tk.id}/comments`);
    expect([seen.status, seen.body]).toEqual([200, []]);
    expect(JSON.stringify((await custA.get(`${V}/tickets/${tk.id}/timeline`)).body)).not.toMatch(/"note"|交换机固件/);
    expect((await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.map((e: any) => e.type)).toContain('note');
  });

  it("a provider's public comment is the first response: it stops the response clock once", async () => {
    const tk = await open();
    t.clock.advance(7 * MIN);
    const c = await eng.post(`${V}/tickets/${tk.id}/comments`, { body: '您好，我们已收到，正在处理。' });
    expect(c.body.internal).toBe(false);
    const after = (await disp.get(`${V}/tickets/${tk.id}`)).body;
    expect(after.status).toBe('in_progress');
    expect(clock(after, 'response')).toMatchObject({ status: 'met', stoppedAt: t.clock.now, elapsedMs: 7 * MIN });
    expect(after.allowedActions).not.toContain('respond');
    t.clock.advance(MIN);
    await disp.post(`${V}/tickets/${tk.id}/comments`, { body: '补充说明' });
    expect(clock((await disp.get(`${V}/tickets/${tk.id}`)).body, 'response').stoppedAt).toBe(t.clock.now - MIN);
    const types = (await custA.get(`${V}/tickets/${tk.id}/timeline`)).body.map((e: any) => e.type);
    expect(types).toEqual(['created', 'dispatch', 'comment', 'respond', 'comment']);
    expect((await custA.get(`${V}/tickets/${tk.id}/comments`)).body.map((x: any) => x.authorName)).toEqual([
      '张工',
      '李调度',
    ]);
  });

  it("a customer's comment notifies the assignee but is no response", async () => {
    const tk = await open();
    await custA.post(`${V}/tickets/${tk.id}/comments`, { body: '还是打不开' });
    expect(clock((await disp.get(`${V}/tickets/${tk.id}`)).body, 'response').status).toBe('running');
    expect(
      (await eng.get(`${V}/notifications`)).body.find((n: any) => n.ticketId === tk.id && n.kind === 'ticket.comment')
        .body,
    ).toBe('还是打不开');
  });

  it('refuses bad comments naming the field, writing nothing', async () => {
    const tk = await open();
    const url = `${V}/tickets/${tk.id}/comments`;
    await expectRefused(
      t,
      custA,
      'POST',
      url,
      { body: '客户想写内部备注', internal: true },
      { status: 400, code: 'VALIDATION', field: 'internal' },
    );
    await expectRefused(t, eng, 'POST', url, { body: '   ' }, { status: 400, code: 'VALIDATION', field: 'body' });
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { body: 'x', internal: 'yes' },
      { status: 400, code: 'VALIDATION', field: 'internal' },
    );
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      { body: 'x'.repeat(20_001) },
      { status: 400, code: 'VALIDATION', field: 'body' },
    );
    await expectRefused(t, custB, 'POST', url, { body: '串单' }, { status: 404, code: 'NOT_FOUND' });
    await expectRefused(t, custB, 'GET', url, undefined, { status: 404, code: 'NOT_FOUND' });
    await expectRefused(
      t,
      eng,
      'POST',
      `${V}/tickets/nope/comments`,
      { body: 'x' },
      { status: 404, code: 'NOT_FOUND' },
    );
  });

  it('uploads (multipart), lists and downloads attachments in scope; audited with the hash', async () => {
    const tk = await open();
    const content = Buffer.from('PNG\u0000二进制内容'.repeat(100));
    const seq = await auditHead(t.database);
    const up = await call(
      t.app,
      { bearer: (custA as any).bearer },
      'POST',
      `${V}/tickets/${tk.id}/attachments`,
      multipart('故障 截图.png', content, 'image/png'),
    );
    expect(up.status).toBe(200);
    expect(up.body).toEqual({
      id: expect.any(String),
      at: t.clock.now,
      uploaderName: '陈科员',
      fileName: '故障 截图.png',
      size: content.length,
      mime: 'image/png',
    });
    const sha = createHash('sha256').update(content).digest('hex');
    const rows = await auditSince(t.database, seq);
    expect(rows.map((r) => [r.action, r.actor_id, r.target_id])).toEqual([['ticket.attach', ids.users.cust_a, tk.id]]);
    expect(JSON.parse(rows[0]!.detail_json)).toEqual({ sha256: sha });
    const stored = await t.database.db
      .selectFrom('attachments')
      .selectAll()
      .where('id', '=', up.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.sha256).toBe(sha);
    expect(fs.readFileSync(path.join(t.dataDir, stored.storage_path)).equals(content)).toBe(true);

    expect((await eng.get(`${V}/tickets/${tk.id}/attachments`)).body).toEqual([up.body]);
    const down = await t.app.inject({ method: 'GET', url: `${V}/attachments/${up.body.id}`, headers: eng.headers });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('故障 截图.png')}`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(
      (await t.app.inject({ method: 'GET', url: `${V}/attachments/${up.body.id}`, headers: custA.headers })).statusCode,
    ).toBe(200);
    expect((await disp.get(`${V}/tickets/${tk.id}/timeline`)).body.at(-1)).toMatchObject({
      type: 'attachment',
      data: { attachmentId: up.body.id, fileName: '故障 截图.png' },
    });

    // The other customer learns nothing: not the file, not the list, and cannot add one.
    const foreign = await expectRefused(t, custB, 'GET', `${V}/attachments/${up.body.id}`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(foreign.zh.raw).not.toContain('二进制内容');
    await expectRefused(t, custB, 'GET', `${V}/tickets/${tk.id}/attachments`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    const files = fs.readdirSync(path.dirname(path.join(t.dataDir, stored.storage_path))).length;
    const m = multipart('x.txt', 'sneaky');
    await expectRefused(
      t,
      custB,
      'POST',
      `${V}/tickets/${tk.id}/attachments`,
      m.payload,
      { status: 404, code: 'NOT_FOUND' },
      { headers: m.headers },
    );
    expect(fs.readdirSync(path.dirname(path.join(t.dataDir, stored.storage_path))).length).toBe(files);
    await expectRefused(t, eng, 'GET', `${V}/attachments/nope`, undefined, { status: 404, code: 'NOT_FOUND' });
  });

  it('refuses uploads that are not multipart or carry no file, writing nothing', async () => {
    const tk = await open();
    const url = `${V}/tickets/${tk.id}/attachments`;
    await expectRefused(t, eng, 'POST', url, { file: 'abc' }, { status: 400, code: 'VALIDATION', field: 'file' });
    const boundary = 'xyz';
    const onlyField = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`;
    await expectRefused(
      t,
      eng,
      'POST',
      url,
      onlyField,
      { status: 400, code: 'VALIDATION', field: 'file' },
      { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } },
    );
    expect(await countRows(t.database, 'attachments')).toBe(1);
  });

  it('timeline lists every event in order with actor names; clock history shows pauses', async () => {
    const tk = await open();
    t.clock.advance(5 * MIN);
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'respond' });
    t.clock.advance(5 * MIN);
    await eng.post(`${V}/tickets/${tk.id}/actions`, {
      action: 'suspend',
      suspendReason: 'waiting_third_party',
      reason: '等运营商',
    });
    const pausedAt = t.clock.now;
    t.clock.advance(20 * MIN);
    await eng.post(`${V}/tickets/${tk.id}/actions`, { action: 'resume' });
    const resumedAt = t.clock.now;
    const tl = (await disp.get(`${V}/tickets/${tk.id}/timeline`)).body;
    expect(tl.map((e: any) => [e.type, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['created', null, 'assigned', '李调度'],
      ['dispatch', 'new', 'assigned', '李调度'],
      ['respond', 'assigned', 'in_progress', '张工'],
      ['suspend', 'in_progress', 'suspended', '张工'],
      ['resume', 'suspended', 'in_progress', '张工'],
    ]);
    expect(tl.map((e: any) => e.at)).toEqual([...tl.map((e: any) => e.at)].sort((a, b) => a - b));
    const hist = (await custA.get(`${V}/tickets/${tk.id}/clock-history`)).body;
    const res = hist.find((h: any) => h.kind === 'resolution');
    expect(res.cycle).toBe(1);
    expect(res.segments).toEqual([
      { kind: 'running', start: tk.reportedAt, end: pausedAt },
      { kind: 'paused', start: pausedAt, end: resumedAt },
      { kind: 'running', start: resumedAt, end: null },
    ]);
    const resp = hist.find((h: any) => h.kind === 'response');
    expect(resp.segments).toEqual([{ kind: 'running', start: tk.reportedAt, end: tk.reportedAt + 5 * MIN }]);
    await expectRefused(t, custB, 'GET', `${V}/tickets/${tk.id}/clock-history`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
    await expectRefused(t, custB, 'GET', `${V}/tickets/${tk.id}/timeline`, undefined, {
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
