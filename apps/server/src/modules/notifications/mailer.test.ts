import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, ticketInput, tokenSession } from '../../test/api.js';
import { DIALECTS, testApp } from '../../test/harness.js';
import { Mailer } from './mailer.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** RFC 2047 encoded words (=?UTF-8?B?..?= / Q) in an unfolded header value, back to text. */
function decodeHeader(value: string): string {
  const words = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of value.matchAll(words)) {
    const between = value.slice(last, m.index);
    if (!/^\s*$/.test(between) || last === 0) parts.push(Buffer.from(between));
    const data =
      m[2]!.toUpperCase() === 'B'
        ? Buffer.from(m[3]!, 'base64')
        : Buffer.from(
            m[3]!
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          );
    parts.push(data);
    last = m.index! + m[0].length;
  }
  parts.push(Buffer.from(value.slice(last)));
  return Buffer.concat(parts).toString('utf8');
}
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeHeader(line.slice(name.length + 1).trim()) : '';
}

describe.each(DIALECTS)('e-mail delivery over real SMTP (%s)', (dialect) => {
  let server: SMTPServer;
  let port: number;
  const inbox: Received[] = [];
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const deliverAll = async () => {
    let n = 0;
    for (let k; (k = await t.app.services.mailer.deliverDue()) > 0;) n += k;
    return n;
  };

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    t = await testApp(dialect, {
      config: {
        smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true&pool=true`,
        mailFrom: 'Weibao 维保 <noreply@weibao.local>',
      },
    });
    ids = await demoIds(t);
  });
  afterAll(async () => {
    await t?.drop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends every pending outbox row once, to its address, and marks it sent', async () => {
    const pending = await t.database.db.selectFrom('mail_outbox').selectAll().where('state', '=', 'pending').execute();
    expect(pending.length).toBeGreaterThan(20); // more than one batch
    expect(await deliverAll()).toBe(pending.length);
    expect(inbox).toHaveLength(pending.length);
    expect(inbox.map((m) => m.to[0]).sort()).toEqual(pending.map((p) => p.to_addr).sort());
    expect(inbox.every((m) => m.from === 'noreply@weibao.local')).toBe(true);
    const rows = await t.database.db.selectFrom('mail_outbox').select(['state', 'attempts', 'sent_at']).execute();
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1 && r.sent_at === t.clock.now)).toBe(true);
    expect(await deliverAll()).toBe(0);
    expect(inbox).toHaveLength(pending.length);
  });

  it('an SLA breach e-mails the assignee and the service manager with the right subject', async () => {
    inbox.length = 0;
    const disp = await tokenSession(t, 'dispatcher');
    const tk = (
      await disp.post(
        '/api/v1/tickets',
        ticketInput(ids.projectA, { level: 1, assigneeId: ids.users.engineer, reportedAt: t.clock.now }),
      )
    ).body;
    await deliverAll();
    // The assignee hears of the dispatch; the service manager of a new level-1 fault, at once.
    expect(inbox.map((m) => [m.to, header(m.raw, 'subject')]).sort()).toEqual([
      [['engineer@weibao.local'], `新派单：${tk.title}`],
      [['manager@weibao.local'], `一级故障报修：${tk.number} ${tk.title}`],
    ]);
    inbox.length = 0;
    await t.app.services.mailer.deliverDue();
    t.clock.advance(30 * 60_000 + 1);
    while ((await t.app.services.worker.raiseDueAlerts()) > 0) {
      /* drain */
    }
    expect(await deliverAll()).toBeGreaterThan(0);
    const breach = inbox.filter(
      (m) => header(m.raw, 'subject').includes(tk.number) && header(m.raw, 'subject').startsWith('SLA 已超时'),
    );
    expect(breach.map((m) => `${m.to[0]} ${header(m.raw, 'subject')}`).sort()).toEqual([
      `engineer@weibao.local SLA 已超时：${tk.number} 到场时限`,
      `engineer@weibao.local SLA 已超时：${tk.number} 响应时限`,
      `manager@weibao.local SLA 已超时：${tk.number} 到场时限`,
      `manager@weibao.local SLA 已超时：${tk.number} 响应时限`,
    ]);
    expect(header(breach[0]!.raw, 'from')).toBe('Weibao 维保 <noreply@weibao.local>');
    expect(breach[0]!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
  });

  it('keeps a message queued with a retry time when the SMTP server is unreachable', async () => {
    const cust = await tokenSession(t, 'cust_a');
    const tk = (await cust.post('/api/v1/tickets', ticketInput(ids.projectA, { level: 3 }))).body;
    await (
      await tokenSession(t, 'dispatcher')
    ).post(`/api/v1/tickets/${tk.id}/actions`, { action: 'dispatch', assigneeId: ids.users.engineer });
    // Another node whose SMTP relay is down (nothing listens on port 9 here).
    const down = new Mailer(
      t.database,
      'smtp://127.0.0.1:9?ignoreTLS=true&connectionTimeout=2000',
      'noreply@weibao.local',
      'node-down',
      () => t.clock.now,
    );
    try {
      expect(await down.deliverDue()).toBe(1);
    } finally {
      down.close();
    }
    const row = await t.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', 'like', `%${tk.number}%`)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      to_addr: 'engineer@weibao.local',
      state: 'pending',
      attempts: 1,
      next_attempt_at: t.clock.now + 10_000,
      sent_at: null,
    });
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    // Not before the retry time; then the working relay delivers it.
    inbox.length = 0;
    expect(await t.app.services.mailer.deliverDue()).toBe(0);
    t.clock.advance(10_000);
    expect(await t.app.services.mailer.deliverDue()).toBe(1);
    expect(inbox.map((m) => m.to[0])).toEqual(['engineer@weibao.local']);
  });

  it('sends the scheduled monthly report with its files attached, byte for byte as archived', async () => {
    await deliverAll();
    inbox.length = 0;
    const mgr = await tokenSession(t, 'manager');
    const s = (
      await mgr.put(`/api/v1/projects/${ids.projectA}/report-schedule`, {
        enabled: true,
        dayOfMonth: 1,
        formats: ['pdf'],
        recipients: ['purchaser@sxxzx.example.cn'],
      })
    ).body;
    t.clock.set(s.nextRunAt);
    expect(await t.app.services.reports.sendDue()).toBe(1);
    expect(await deliverAll()).toBe(1);
    expect(inbox.map((m) => m.to)).toEqual([['purchaser@sxxzx.example.cn']]);
    expect(header(inbox[0]!.raw, 'subject')).toMatch(/^【月度运维报告】/);
    // The MIME part: application/pdf, base64, named after the report; its bytes hash to the archived SHA-256.
    const archived = (await mgr.get(`/api/v1/projects/${ids.projectA}/monthly-reports`)).body.items[0];
    const part = inbox[0]!.raw.split(/\r?\n--/).find((p) => /Content-Type: application\/pdf/i.test(p))!;
    expect(part).toBeDefined();
    const body = Buffer.from(
      part
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('')
        .replace(/\s+/g, ''),
      'base64',
    );
    expect(createHash('sha256').update(body).digest('hex')).toBe(archived.sha256);
    // RFC 2231 parameter continuations (filename*0*=utf-8''…; filename*1*=…), joined and decoded.
    const name = [...part.split(/\r?\n\r?\n/)[0]!.matchAll(/filename\*\d+\*?=(?:utf-8'')?"?([^;"\r\n]+)/gi)]
      .map((m) => m[1])
      .join('');
    expect(decodeURIComponent(name)).toBe(archived.fileName);
  });
});
