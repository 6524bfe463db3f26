import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CJK, type DemoUser, demoIds, signaturePng, ticketInput } from '../../test/api.js';
import { DIALECTS, type Session, testApp } from '../../test/harness.js';
import type { Locale } from '../../http/messages.js';
import { warrantyReminderText } from '../assets/texts.js';
import { forgottenCheckoutText } from '../fieldwork/texts.js';
import { holidayHorizonText } from '../holidays/texts.js';
import { inspectionOverdueText } from '../inspections/texts.js';
import { surveyRequestText } from '../satisfaction/texts.js';
import { trainingCompleteText } from '../training/texts.js';

const V = '/api/v1';
const MIN = 60_000;

/**
 * Every notification and the e-mail queued from it come in the reader's language (users.locale):
 * the same event reads Chinese to a zh-CN reader and English, with English level, kind and category
 * names from the label table, to an English one.
 */
describe.each(DIALECTS)("notifications in the reader's language (%s)", (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const db = () => t.database.db;
  const speak = (user: DemoUser, locale: Locale) =>
    db().updateTable('users').set({ locale }).where('id', '=', ids.users[user]).execute();
  /** The newest notification of `kind` that `user` got (from `source`), checked against the mail queued for it. */
  const got = async (user: DemoUser, kind: string, source: string) => {
    const n = await db()
      .selectFrom('notifications')
      .select(['title', 'body', 'source_key'])
      .where('user_id', '=', ids.users[user])
      .where('kind', '=', kind)
      .where('source_key', 'like', `${source}%`)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const mail = await db()
      .selectFrom('mail_outbox')
      .select(['subject', 'body'])
      .where('source_key', '=', `${n.source_key}:${ids.users[user]}`)
      .executeTakeFirstOrThrow();
    expect(mail).toEqual({ subject: n.title, body: n.body });
    return { title: n.title, body: n.body };
  };
  const noCjk = (n: { title: string; body: string }) => expect(`${n.title}\n${n.body}`).not.toMatch(CJK);

  beforeAll(async () => {
    t = await testApp(dialect);
    ids = await demoIds(t);
    // Everyone involved has a mailbox, so every notification also queues a mail.
    for (const u of ['lead_a', 'dispatcher'] as const)
      await db()
        .updateTable('users')
        .set({ email: `${u}@weibao.local` })
        .where('id', '=', ids.users[u])
        .execute();
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** One pass through tickets, satisfaction, O&M records and feedback; `L` is the readers' language, the service manager's is set per step. */
  async function scenario(
    L: Locale,
    w: {
      title: string;
      reporter: string;
      comment: string;
      solution: string;
      reason: string;
      fbTitle: string;
      fbBody: string;
      answer: string;
    },
  ) {
    const s: Record<string, Session> = {};
    for (const u of ['dispatcher', 'engineer', 'cust_a', 'lead_a', 'manager']) s[u] = await t.login(u);
    for (const u of ['engineer', 'cust_a', 'lead_a'] as const) await speak(u, L);
    const name = async (u: DemoUser) =>
      (await db().selectFrom('users').select('display_name').where('id', '=', ids.users[u]).executeTakeFirstOrThrow())
        .display_name;
    const [eng, cust, lead] = [await name('engineer'), await name('cust_a'), await name('lead_a')];
    const project = (
      await db().selectFrom('projects').select('name').where('id', '=', ids.projectA).executeTakeFirstOrThrow()
    ).name;
    const en = L === 'en';
    const check = (n: { title: string; body: string }, expected: { title: string; body: string }) => {
      expect(n).toEqual(expected);
      if (en) noCjk(n);
    };
    const act = async (who: Session, id: string, body: Record<string, unknown>) => {
      const r = await who.post(`${V}/tickets/${id}/actions`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };

    // A ticket entered with its assignee: 新派单.
    const t1 = (
      await s.dispatcher!.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, {
          level: 3,
          title: w.title,
          reporterName: w.reporter,
          assigneeId: ids.users.engineer,
        }),
      )
    ).body;
    check(
      await got('engineer', 'ticket.dispatched', `dispatch:${t1.id}:`),
      en
        ? {
            title: `New ticket assigned to you: ${w.title}`,
            body: `Level 3 fault, reported by ${w.reporter} 13800000000`,
          }
        : { title: `新派单：${w.title}`, body: `三级故障，报修人 ${w.reporter} 13800000000` },
    );

    // The customer's ticket, dispatched by the desk.
    const t2 = (
      await s.cust_a!.post(
        `${V}/tickets`,
        ticketInput(ids.projectA, { level: 3, title: w.title, reporterName: w.reporter }),
      )
    ).body;
    t.clock.advance(MIN);
    await act(s.dispatcher!, t2.id, { action: 'dispatch', assigneeId: ids.users.engineer });
    check(
      await got('engineer', 'ticket.dispatch', `dispatch:${t2.id}:`),
      en
        ? { title: `Assigned to you: ${t2.number} ${w.title}`, body: 'Level 3 fault' }
        : { title: `派单：${t2.number} ${w.title}`, body: '三级故障' },
    );

    // The customer comments, then urges: the assignee reads L, the service manager Chinese, of the same urge.
    t.clock.advance(MIN);
    expect((await s.cust_a!.post(`${V}/tickets/${t2.id}/comments`, { body: w.comment, internal: false })).status).toBe(
      200,
    );
    check(
      await got('engineer', 'ticket.comment', 'comment:'),
      en
        ? { title: `${t2.number}: comment from the customer`, body: w.comment }
        : { title: `${t2.number} 客户留言`, body: w.comment },
    );
    await speak('manager', 'zh-CN');
    t.clock.advance(MIN);
    await act(s.cust_a!, t2.id, { action: 'urge' });
    check(
      await got('engineer', 'ticket.urge', `urge:${t2.id}:`),
      en
        ? { title: `Follow-up requested: ${t2.number} ${w.title}`, body: `${cust} asked for a follow-up` }
        : { title: `催办：${t2.number} ${w.title}`, body: `${cust} 催办` },
    );
    expect(await got('manager', 'ticket.urge', `urge:${t2.id}:`)).toEqual({
      title: `催办：${t2.number} ${w.title}`,
      body: `${cust} 催办`,
    });

    // Resolved: the reporter is told and asked to rate (satisfaction).
    t.clock.advance(MIN);
    await act(s.engineer!, t2.id, { action: 'arrive' });
    await act(s.engineer!, t2.id, { action: 'resolve', solution: w.solution, faultCause: 'non_human' });
    check(
      await got('cust_a', 'ticket.resolved', `resolve:${t2.id}:`),
      en ? { title: `Resolved: ${t2.number}`, body: w.solution } : { title: `已解决：${t2.number}`, body: w.solution },
    );
    const ask = await got('cust_a', 'rating_request', `rating:${t2.id}:`);
    expect(ask.title).toBe(en ? `Please rate: ${t2.number} ${w.title}` : `请评价：${t2.number} ${w.title}`);
    expect(ask.body).toMatch(
      en
        ? new RegExp(
            `^Your ticket ${t2.number} has been resolved: please rate our service \\(1–5\\)\\. .*valid for 30 days.*/rate/`,
          )
        : new RegExp(`^您报修的工单 ${t2.number} 已处理完毕，请对本次服务打分（1–5 分）。.*30 天内有效.*/rate/`),
    );
    if (en) noCjk(ask);
    // A low rating on confirmation reaches the service manager, now reading L, with the score's words.
    await speak('manager', L);
    await act(s.cust_a!, t2.id, { action: 'confirm', rating: 2 });
    check(
      await got('manager', 'rating_low', 'rating-low:'),
      en
        ? {
            title: `Low rating: ticket ${t2.number}, 2/5`,
            body: `${project}: ${cust} rated 2/5 (Dissatisfied). No comment given.`,
          }
        : { title: `低分评价：工单 ${t2.number} 2 分`, body: `${project}：${cust}评价 2 分（不满意）。未填写意见` },
    );

    // An O&M record submitted (the lead reads L, the service manager Chinese), rejected, resubmitted and signed.
    await speak('manager', 'zh-CN');
    const rec = (
      await s.engineer!.post(`${V}/om-records`, {
        projectId: ids.projectA,
        kind: 'remote',
        serviceStart: t.clock.now - 2 * 3_600_000,
        serviceEnd: t.clock.now,
        location: 'VPN',
        content: w.solution,
        result: 'OK',
        visitIds: [],
      })
    ).body;
    expect(rec.number, JSON.stringify(rec)).toBeTruthy();
    await s.engineer!.post(`${V}/om-records/${rec.id}/submit`);
    check(
      await got('lead_a', 'om_record.submitted', `om_submit:${rec.id}:`),
      en
        ? { title: `To be signed: O&M record ${rec.number}`, body: `${project}: Remote service, submitted by ${eng}` }
        : { title: `待签字确认：运维记录 ${rec.number}`, body: `${project} 远程服务，${eng} 提交` },
    );
    expect(await got('manager', 'om_record.submitted', `om_submit:${rec.id}:`)).toEqual({
      title: `待签字确认：运维记录 ${rec.number}`,
      body: `${project} 远程服务，${eng} 提交`,
    });
    t.clock.advance(MIN);
    expect((await s.lead_a!.post(`${V}/om-records/${rec.id}/reject`, { reason: w.reason })).body.status).toBe(
      'rejected',
    );
    check(
      await got('engineer', 'om_record.rejected', `om_reject:${rec.id}:`),
      en
        ? { title: `O&M record returned: ${rec.number}`, body: `${lead}: ${w.reason}` }
        : { title: `运维记录被退回：${rec.number}`, body: `${lead}：${w.reason}` },
    );
    t.clock.advance(MIN);
    await s.engineer!.post(`${V}/om-records/${rec.id}/submit`);
    expect(
      (await s.lead_a!.post(`${V}/om-records/sign`, { recordIds: [rec.id], signature: signaturePng() })).status,
    ).toBe(200);
    check(
      await got('engineer', 'om_record.signed', `om_sign:${rec.id}`),
      en
        ? { title: `Signed: O&M record ${rec.number}`, body: `${lead} signed it (on site or online)` }
        : { title: `已签字确认：运维记录 ${rec.number}`, body: `${lead} 于现场/线上签字确认` },
    );

    // Feedback: the category's name comes from the label table.
    await speak('manager', L);
    const fb = (
      await s.cust_a!.post(`${V}/feedback`, {
        projectId: ids.projectA,
        category: 'complaint',
        title: w.fbTitle,
        body: w.fbBody,
      })
    ).body;
    check(
      await got('manager', 'feedback', `feedback:${fb.id}`),
      en
        ? { title: `New complaint: ${w.fbTitle}`, body: `${cust} (${project}): ${w.fbBody}` }
        : { title: `新的投诉：${w.fbTitle}`, body: `${cust}（${project}）：${w.fbBody}` },
    );
    expect((await s.dispatcher!.post(`${V}/feedback/${fb.id}/answer`, { answer: w.answer })).status).toBe(200);
    check(
      await got('cust_a', 'feedback_answer', `feedback-answer:${fb.id}:`),
      en
        ? { title: `Your complaint has been answered: ${w.fbTitle}`, body: w.answer }
        : { title: `您的投诉已答复：${w.fbTitle}`, body: w.answer },
    );
  }

  it('zh-CN readers get the Chinese texts, as before', async () => {
    await scenario('zh-CN', {
      title: '门户首页无法访问',
      reporter: '陈科员',
      comment: '还是打不开',
      solution: '重启应用服务',
      reason: '服务结束时间不符',
      fbTitle: '响应太慢',
      fbBody: '上周报修两小时才响应',
      answer: '已调整值班安排',
    });
  });

  it('English readers get English texts and mails, with English level, kind and category names; a Chinese reader of the same event still reads Chinese', async () => {
    // Users' own words (names, titles) in English too, so any Chinese left in a text would be the product's.
    for (const [u, n] of [
      ['engineer', 'Zhang Wei'],
      ['cust_a', 'Chen Jie'],
      ['lead_a', 'Liu Min'],
    ] as const)
      await db().updateTable('users').set({ display_name: n }).where('id', '=', ids.users[u]).execute();
    await db().updateTable('projects').set({ name: 'Provincial portal O&M' }).where('id', '=', ids.projectA).execute();
    t.clock.advance(60 * MIN);
    await scenario('en', {
      title: 'Portal home page down',
      reporter: 'Chen Jie',
      comment: 'Still not loading',
      solution: 'Restarted the app server',
      reason: 'End time does not match the door log',
      fbTitle: 'Slow response',
      fbBody: 'Two hours to respond last week',
      answer: 'The on-call rota has been changed',
    });
  });
});

describe('notification texts of the date jobs, per language', () => {
  const cases: [string, (l: Locale) => { title: string; body: string }, string][] = [
    [
      'training',
      (l) => trainingCompleteText(l, { name: 'Ops training', project_name: 'Portal O&M' }, 3),
      '培训完成：Ops training',
    ],
    [
      'warranty',
      (l) =>
        warrantyReminderText(
          l,
          'Portal O&M',
          30,
          Array.from({ length: 21 }, (_, i) => ({ name: `Server ${i}`, serial: `SN${i}`, warranty_end: '2026-11-01' })),
        ),
      '保修即将到期：Portal O&M 21 项资产（30 天内）',
    ],
    [
      'inspection',
      (l) =>
        inspectionOverdueText(l, {
          project_name: 'Portal O&M',
          plan_name: 'Monthly',
          due_on: '2026-10-31',
          asset_name: null,
          assignee_name: null,
        }),
      '巡检逾期：Portal O&M Monthly（应于 2026-10-31 前完成）',
    ],
    [
      'holidays',
      (l) => holidayHorizonText(l, { code: 'HT-1', name: 'Portal', project_code: 'P-1' }, 2027),
      '节假日数据缺失：合同 HT-1 的 2027 年',
    ],
    ['survey', (l) => surveyRequestText(l, 'Portal O&M', 'Q4', '2026-12-31', 'https://x/rate/abc'), '满意度调查：Q4'],
    [
      'forgotten check-out',
      (l) =>
        forgottenCheckoutText(l, {
          engineer_name: 'Zhang Wei',
          project_name: 'Portal O&M',
          checked_in_at: Date.UTC(2026, 9, 12, 1, 30),
        }),
      '未签退：Zhang Wei Portal O&M',
    ],
  ];
  it.each(cases)('%s: Chinese as before, English without Chinese', (_, text, zhTitle) => {
    expect(text('zh-CN').title).toBe(zhTitle);
    const en = text('en');
    expect(`${en.title}\n${en.body}`).not.toMatch(CJK);
  });
  it('names times in Beijing time in either language', () => {
    const at = Date.UTC(2026, 9, 12, 1, 30);
    expect(forgottenCheckoutText('zh-CN', { engineer_name: '张工', project_name: 'P', checked_in_at: at }).body).toBe(
      '2026-10-12 09:30 签到后未签退，请补签退并说明离场时间',
    );
    expect(
      forgottenCheckoutText('en', { engineer_name: 'Zhang', project_name: 'P', checked_in_at: at }).body,
    ).toContain('2026-10-12 09:30 (Beijing time)');
    expect(warrantyReminderText('en', 'P', 7, [{ name: 'A', serial: 'S', warranty_end: '2026-11-01' }]).title).toBe(
      'Warranty ending soon: P, 1 asset (within 7 days)',
    );
  });
});
