import { createHash, randomBytes } from 'node:crypto';
import {
  type RatingInput,
  type RatingRequestQuery,
  type SatisfactionQuery,
  type SurveyInput,
  label,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { TicketsTable } from '../../db/types.js';
import { type Actor, type RequestMeta, hasRole, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { addDays } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import type { UserDirectory } from '../users/directory.js';
import { SatisfactionRepository } from './repository.js';
import { lowRatingText, surveyRequestText, ticketRatingRequestText } from './texts.js';
import { percent } from '../../lib/percent.js';
import { beijingDay, beijingDayStart } from '../../lib/time.js';

export interface SatisfactionDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  users: UserDirectory;
  notifications: NotificationService;
  now: () => number;
  publicUrl: string;
}
type RequestRow = NonNullable<Awaited<ReturnType<SatisfactionRepository['byId']>>>;
/** Who a change is audited as: a user, or the system (scheduled surveys). */
export type AuditWho = {
  actor: Pick<Actor, 'userId' | 'displayName' | 'roles'> | null;
  ip: string | null;
  actorLabel?: string;
};
const LINK_DAYS = 30;
/** Ratings of 3 (一般) and below count against the 95% and reach the service manager at once. */
export const LOW_SCORE = 3;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * 满意度 (R29): a rating request when a ticket is resolved (portal, one-time e-mail link, or the
 * service desk's callback 回访 for reporters without an account), periodic surveys per project,
 * and the satisfaction rate against the contract's target.
 */
export class SatisfactionService {
  readonly repo = new SatisfactionRepository();
  constructor(readonly d: SatisfactionDeps) {}
  get db() {
    return this.d.database.db;
  }

  present(r: RequestRow, now = this.d.now()) {
    const state = r.state === 'pending' && r.expires_at <= now ? 'expired' : r.state;
    return {
      id: r.id,
      kind: r.ticket_id ? ('ticket' as const) : ('survey' as const),
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_number,
      ticketTitle: r.ticket_title,
      surveyId: r.survey_id,
      surveyTitle: r.survey_title,
      projectId: r.project_id,
      projectName: r.project_name,
      userId: r.user_id,
      userName: r.user_name,
      state: state as 'pending',
      expiresAt: r.expires_at,
      score: r.score,
      comment: r.comment,
      channel: r.channel as 'portal' | null,
      ratedAt: r.rated_at,
      createdAt: r.created_at,
    };
  }

  /** A request with a fresh one-time token; the token is returned for the message and never stored. */
  private async issue(
    tx: Tx,
    row: {
      ticket_id: string | null;
      survey_id: string | null;
      project_id: string;
      customer_id: string;
      user_id: string | null;
      expires_at: number;
    },
  ) {
    const now = this.d.now();
    const token = row.user_id ? randomBytes(32).toString('base64url') : null;
    const id = newId(now);
    await this.repo.insert(tx, {
      id,
      ...row,
      token_hash: token ? hashToken(token) : null,
      state: 'pending',
      score: null,
      comment: null,
      channel: null,
      rated_at: null,
      rated_by: null,
      created_at: now,
    });
    return { id, link: token ? `${this.d.publicUrl.replace(/\/$/, '')}/rate/${token}` : null };
  }

  /** Called by the ticket workflow in the resolve transaction: ask the reporter how it went. */
  async onResolved(
    tx: Tx,
    t: Pick<TicketsTable, 'id' | 'number' | 'title' | 'project_id' | 'customer_id' | 'created_by'>,
  ) {
    await this.repo.supersede(tx, t.id);
    const reporter = await this.d.users.byId(tx, t.created_by);
    const userId = reporter && reporter.org_kind === 'customer' && !reporter.disabled ? reporter.id : null;
    const { link } = await this.issue(tx, {
      ticket_id: t.id,
      survey_id: null,
      project_id: t.project_id,
      customer_id: t.customer_id,
      user_id: userId,
      expires_at: this.d.now() + LINK_DAYS * 86_400_000,
    });
    if (userId && link) {
      await this.d.notifications.notify(tx, [userId], {
        kind: 'rating_request',
        text: (locale) => ticketRatingRequestText(locale, t, link, LINK_DAYS),
        ticketId: t.id,
        sourceKey: `rating:${t.id}:${this.d.now()}`,
      });
    }
  }

  /** The customer's confirmation (确认) may carry a rating: it answers the pending request. */
  async onConfirmed(tx: Tx, meta: RequestMeta, ticketId: string, score: number) {
    const r = await this.repo.pendingForTicket(tx, ticketId);
    if (r && r.expires_at > this.d.now())
      await this.record(tx, meta, r, { score, comment: '' }, isCustomer(meta.actor) ? 'portal' : 'callback');
  }

  private async record(
    tx: Tx,
    who: { actor: Pick<Actor, 'userId' | 'displayName' | 'roles'>; ip: string | null },
    r: RequestRow,
    input: { score: number; comment: string },
    channel: 'portal' | 'email' | 'callback',
  ) {
    const now = this.d.now();
    if (r.state === 'rated')
      throw new AppError('ACTION_NOT_ALLOWED', { action: reason('satisfaction.alreadyRated') }, 'score');
    if (r.state !== 'pending')
      throw new AppError('ACTION_NOT_ALLOWED', { action: reason('satisfaction.noLongerOpen') }, 'score');
    if (r.expires_at <= now)
      throw new AppError('ACTION_NOT_ALLOWED', { action: reason('satisfaction.expired') }, 'score');
    if (
      !(await this.repo.rate(tx, r.id, {
        score: input.score,
        comment: input.comment || null,
        channel,
        rated_at: now,
        rated_by: who.actor.userId,
      }))
    ) {
      throw new AppError('ACTION_NOT_ALLOWED', { action: reason('satisfaction.alreadyRated') }, 'score');
    }
    if (r.ticket_id) await this.repo.setTicketRating(tx, r.ticket_id, input.score);
    const subject = r.ticket_number ? `工单 ${r.ticket_number}` : `调查「${r.survey_title}」`;
    await this.d.audit.record(tx, who, {
      action: 'satisfaction.rate',
      targetType: r.ticket_id ? 'ticket' : 'rating_request',
      targetId: r.ticket_id ?? r.id,
      summary: `${subject} 满意度 ${input.score} 分（${label('satisfactionScore', input.score)}）${channel === 'callback' ? '，回访录入' : channel === 'email' ? '，经邮件链接' : ''}`,
      detail: { requestId: r.id, score: input.score, comment: input.comment, channel },
    });
    if (input.score <= LOW_SCORE) {
      await this.d.notifications.notify(tx, [r.service_manager_id], {
        kind: 'rating_low',
        text: (locale) => lowRatingText(locale, r, input.score, input.comment),
        ticketId: r.ticket_id,
        sourceKey: `rating-low:${r.id}`,
      });
    }
  }

  // ---------- the one-time link (no login) ----------
  private async byToken(db: Tx, token: string) {
    const r = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.repo.byTokenHash(db, hashToken(token)) : undefined;
    if (!r) throw notFound('评价邀请');
    return r;
  }
  async publicView(token: string) {
    const r = this.present(await this.byToken(this.db, token));
    return {
      state: r.state,
      kind: r.kind,
      projectName: r.projectName,
      subject: r.kind === 'ticket' ? `${r.ticketNumber} ${r.ticketTitle}` : (r.surveyTitle ?? ''),
      score: r.score,
      expiresAt: r.expiresAt,
    };
  }
  async rateByToken(token: string, ip: string | null, input: z.infer<typeof RatingInput>) {
    return this.db.transaction().execute(async (tx) => {
      const r = await this.byToken(tx, token);
      const user = (await this.d.users.byId(tx, r.user_id!))!;
      await this.record(
        tx,
        { actor: { userId: user.id, displayName: user.display_name, roles: user.roles }, ip },
        r,
        input,
        'email',
      );
      return this.publicViewTx(tx, r.id);
    });
  }
  private async publicViewTx(tx: Tx, id: string) {
    const r = this.present((await this.repo.byId(tx, id))!);
    return {
      state: r.state,
      kind: r.kind,
      projectName: r.projectName,
      subject: r.kind === 'ticket' ? `${r.ticketNumber} ${r.ticketTitle}` : (r.surveyTitle ?? ''),
      score: r.score,
      expiresAt: r.expiresAt,
    };
  }

  // ---------- signed in: the portal, and the service desk's callback ----------
  private async visible(db: Tx, actor: Actor, id: string) {
    const r = await this.repo.byId(db, id);
    if (!r || (isCustomer(actor) && r.customer_id !== actor.orgId)) throw notFound('评价邀请');
    return r;
  }
  /** Customers rate their own requests; the service desk records a callback (回访) for a ticket on the customer's word. */
  async rate(meta: RequestMeta, id: string, input: z.infer<typeof RatingInput>) {
    return this.db.transaction().execute(async (tx) => {
      const r = await this.visible(tx, meta.actor, id);
      let channel: 'portal' | 'callback';
      if (isCustomer(meta.actor)) {
        if (r.user_id !== meta.actor.userId) throw new AppError('FORBIDDEN');
        channel = 'portal';
      } else {
        if (!r.ticket_id || !hasRole(meta.actor, 'service_manager', 'dispatcher')) throw new AppError('FORBIDDEN');
        channel = 'callback';
      }
      await this.record(tx, meta, r, input, channel);
      return this.present((await this.repo.byId(tx, id))!);
    });
  }
  /**
   * The ticket's current request (for the ticket page), or null when the ticket has none yet — an
   * unrated ticket is a normal answer, not a 404. A ticket the caller cannot see stays 404.
   */
  async forTicket(actor: Actor, ticketId: string) {
    const customerId = await this.repo.ticketCustomer(this.db, ticketId);
    if (customerId === undefined || (isCustomer(actor) && customerId !== actor.orgId)) throw notFound('评价邀请');
    const r = await this.repo.latestForTicket(this.db, ticketId);
    if (r && isCustomer(actor) && r.customer_id !== actor.orgId) throw notFound('评价邀请');
    return r ? this.present(r) : null;
  }
  async page(actor: Actor, q: z.infer<typeof RatingRequestQuery>) {
    const after = decodeAtId(q.cursor);
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const mine = q.mine === '1' || (isCustomer(actor) && !hasRole(actor, 'customer_lead'));
    const rows = await this.repo.page(
      this.db,
      {
        userId: mine ? actor.userId : undefined,
        customerId: isCustomer(actor) ? actor.orgId : undefined,
        projectId: q.projectId,
        state: q.state,
        now: this.d.now(),
      },
      after,
      q.limit,
    );
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [r.created_at, r.id]);
    return { items: items.map((r) => this.present(r)), nextCursor };
  }

  // ---------- surveys ----------
  async createSurvey(meta: RequestMeta, projectId: string, input: z.infer<typeof SurveyInput>) {
    if (input.closesOn < beijingDay(this.d.now())) throw invalid('closesOn', 'satisfaction.closesInPast');
    return this.db.transaction().execute(async (tx) => {
      const project = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      return this.sendSurvey(tx, meta, project, input.title, input.closesOn, null);
    });
  }

  /** One survey to every active user of the project's customer, each with their own one-time link. */
  async sendSurvey(
    tx: Tx,
    who: AuditWho,
    project: { id: string; name: string; customer_id: string },
    title: string,
    closesOn: string,
    scheduleId: string | null,
  ) {
    const users = await this.repo.customerUsers(tx, project.customer_id);
    if (!users.length) throw invalid('projectId', 'satisfaction.noCustomerUsers');
    const now = this.d.now();
    const survey = {
      id: newId(now),
      project_id: project.id,
      title,
      closes_on: closesOn,
      created_at: now,
      created_by: who.actor?.userId ?? null,
      schedule_id: scheduleId,
    };
    await this.repo.insertSurvey(tx, survey);
    for (const u of users) {
      const { link } = await this.issue(tx, {
        ticket_id: null,
        survey_id: survey.id,
        project_id: project.id,
        customer_id: project.customer_id,
        user_id: u.id,
        expires_at: beijingDayStart(addDays(closesOn, 1)),
      });
      await this.d.notifications.notify(tx, [u.id], {
        kind: 'rating_request',
        text: (locale) => surveyRequestText(locale, project.name, title, closesOn, link),
        ticketId: null,
        sourceKey: `survey:${survey.id}`,
      });
    }
    await this.d.audit.record(tx, who, {
      action: 'satisfaction.survey',
      targetType: 'project',
      targetId: project.id,
      summary: `${project.name} ${scheduleId ? '按计划' : ''}发起满意度调查「${title}」，发送 ${users.length} 人，截止 ${closesOn}`,
      detail: { after: survey, recipients: users.length },
    });
    return { id: survey.id, projectId: project.id, title, closesOn, createdAt: now, sent: users.length, answered: 0 };
  }
  async surveys(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    return (await this.repo.surveys(this.db, projectId)).map((s) => ({
      id: s.id,
      projectId: s.project_id,
      title: s.title,
      closesOn: s.closes_on,
      createdAt: s.created_at,
      sent: Number(s.sent),
      answered: Number(s.answered),
    }));
  }

  // ---------- the rate (顾客满意率) ----------
  /** Satisfied (4–5) ÷ rated in [from, to] (Beijing days; this month by default) against the contract's target. */
  async report(actor: Actor, projectId: string, q: z.infer<typeof SatisfactionQuery>) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    const today = beijingDay(this.d.now());
    const from = q.from ?? `${today.slice(0, 7)}-01`;
    const to = q.to ?? today;
    if (to < from) throw invalid('to', 'common.endDateBeforeStart');
    const [fromMs, toMs] = [beijingDayStart(from), beijingDayStart(addDays(to, 1))];
    const f = await this.repo.figures(this.db, projectId, fromMs, toMs);
    const rated = f.rated.reduce((a, r) => a + r.n, 0);
    const satisfied = f.rated.filter((r) => r.score >= 4).reduce((a, r) => a + r.n, 0);
    const contract = (await this.d.projects.contracts(this.db, projectId))
      .filter((c) => c.starts_on <= to && c.ends_on >= from)
      .sort((a, b) => b.starts_on.localeCompare(a.starts_on))[0];
    const targetPct = contract?.satisfaction_target_pct ?? 95;
    const ratePct = percent(satisfied, rated);
    return {
      projectId,
      from,
      to,
      requested: f.requested,
      rated,
      satisfied,
      ratePct,
      targetPct,
      met: ratePct === null ? null : ratePct >= targetPct,
      responsePct: percent(rated, f.requested),
      byScore: [5, 4, 3, 2, 1].map((score) => ({
        score,
        count: f.rated.filter((r) => r.score === score).reduce((a, r) => a + r.n, 0),
      })),
      byChannel: (['portal', 'email', 'callback'] as const).map((channel) => ({
        channel,
        count: f.rated.filter((r) => r.channel === channel).reduce((a, r) => a + r.n, 0),
      })),
      low: (await this.repo.low(this.db, projectId, fromMs, toMs, LOW_SCORE)).map((r) => this.present(r)),
    };
  }
}
