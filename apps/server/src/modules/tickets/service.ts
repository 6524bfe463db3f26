import { createHash } from 'node:crypto';
import path from 'node:path';
import { OPEN_STATUSES, type SlaPolicy, type TicketCreate, type TicketStatus } from '@weibao/schema';
import type { z } from 'zod';
import type { TicketListQuery, TicketTotal } from '@weibao/schema';
import { nextCounter } from '../../db/counters.js';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, hasRole, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound, notFoundAs } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, keysetPage } from '../../lib/keyset.js';
import { beijingDay, beijingYear } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import { defaultPolicy } from '../projects/policy.js';
import type { ProjectService } from '../projects/service.js';
import type { ClockRow, ReplanEvent, SlaService } from '../sla/service.js';
import type { UserDirectory } from '../users/directory.js';
import { SORT_COLUMN, dueSort } from './ordering.js';
import { autoClose } from './actions.js';
import { allowedActions } from './policy.js';
import { presentSummary, type TicketWithNames } from './presenter.js';
import { type QueueFilter, TicketRepository } from './repository.js';
import { SavedFilterService } from './saved-filters.js';
import { customerCommentText, dispatchedText, urgentTicketText } from './texts.js';
import type { AppEventBus } from '../../events.js';

export interface TicketDeps {
  database: Database;
  audit: AuditService;
  sla: SlaService;
  projects: ProjectService;
  users: UserDirectory;
  notifications: NotificationService;
  now: () => number;
  dataDir: string;
  backdateReasonMinutes: number;
  backdateActionReasonMinutes: number;
  /** `ticket.resolved` and `ticket.rated` are announced here (the satisfaction module reacts, R29). */
  events: Pick<AppEventBus, 'emit'>;
  /**
   * The assets module's repair records (R2, R3): a ticket may name the faulty asset at intake, and resolving
   * asks whether the repair is billable. Absent where assets are not wired (the default rule then applies).
   */
  repairs: TicketRepairs | null;
}

export interface TicketRepairs {
  attach(tx: Tx, meta: RequestMeta, t: TicketWithNames, assetId: string): Promise<unknown>;
  billable(tx: Tx, ticketId: string, cause: string | null): Promise<boolean>;
}

/** A queue listing; the order defaults to the SLA queue order. */
type QueueQuery = Omit<TicketListQuery, 'sort' | 'dir'> & Partial<Pick<TicketListQuery, 'sort' | 'dir'>>;
const AT_RISK_WINDOW_MS = 30 * 60_000;
/** Filtered totals are exact up to this many tickets, then "10,000+". */
export const COUNT_CAP = 10_000;
/** How long the queue's statistics estimate of its size is reused. */
const ESTIMATE_TTL_MS = 5_000;

/** Tickets: intake, queue, detail, comments, attachments. Workflow actions live in actions.ts. */
export class TicketService {
  readonly repo: TicketRepository;
  /** Named queue filters per user (the queue's saved filters). */
  readonly savedFilters: SavedFilterService;
  private estimate: { at: number; value: number } | null = null;
  constructor(readonly d: TicketDeps) {
    this.repo = new TicketRepository(d.database.dialect);
    this.savedFilters = new SavedFilterService(d);
  }
  get db() {
    return this.d.database.db;
  }

  /** The ticket if the actor may see it; 404 otherwise so foreign ids reveal nothing. */
  async visible(db: Tx, actor: Actor, id: string): Promise<TicketWithNames> {
    const t = await this.repo.get(db, id);
    if (!t || (isCustomer(actor) && t.customer_id !== actor.orgId)) throw notFound('工单');
    return t;
  }

  async policyOf(db: Tx, contractId: string | null): Promise<SlaPolicy> {
    if (!contractId) return defaultPolicy();
    const c = await this.d.projects.contract(db, contractId);
    return c ? (JSON.parse(c.policy_json) as SlaPolicy) : defaultPolicy();
  }

  /** Recomputes the queue columns after any change to the clocks or the status. */
  /** Stores `patch` with the ticket's next due instant and breach flag; `known` saves re-reading the policy. */
  async refresh(
    tx: Tx,
    id: string,
    now: number,
    patch: Partial<Parameters<TicketRepository['update']>[2]> = {},
    known?: SlaPolicy,
  ) {
    const t = (await this.repo.row(tx, id))!;
    const merged = { ...t, ...patch };
    const policy = known ?? (await this.policyOf(tx, merged.contract_id));
    const { nextDueAt, breached } = await this.d.sla.dueSummary(tx, id, policy, now);
    await this.repo.update(tx, id, {
      ...patch,
      next_due_at: nextDueAt,
      breached: breached || merged.breached === 1 ? 1 : 0,
      updated_at: now,
      due_sort: dueSort(merged.status as TicketStatus, nextDueAt, merged.reported_at, now),
    });
  }

  async event(
    tx: Tx,
    ticketId: string,
    actorId: string | null,
    type: string,
    e: {
      from?: string | null;
      to?: string | null;
      reason?: string | null;
      data?: Record<string, unknown>;
      public?: boolean;
    },
  ) {
    await this.repo.insertEvent(tx, {
      id: newId(this.d.now()),
      ticket_id: ticketId,
      at: this.d.now(),
      actor_id: actorId,
      type,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      reason: e.reason ?? null,
      data_json: JSON.stringify(e.data ?? {}),
      public: e.public === false ? 0 : 1,
    });
  }
  /** Many events written set-based (an alert burst), the same rows `event` would write one by one. */
  async events(
    tx: Tx,
    list: {
      ticketId: string;
      actorId: string | null;
      type: string;
      data?: Record<string, unknown>;
      public?: boolean;
    }[],
  ) {
    const now = this.d.now();
    await this.repo.insertEvents(
      tx,
      list.map((e) => ({
        id: newId(now),
        ticket_id: e.ticketId,
        at: now,
        actor_id: e.actorId,
        type: e.type,
        from_status: null,
        to_status: null,
        reason: null,
        data_json: JSON.stringify(e.data ?? {}),
        public: e.public === false ? 0 : 1,
      })),
    );
  }

  /** `outer`: run inside the caller's transaction (an inspection finding opens its ticket with the link). */
  async create(meta: RequestMeta, input: z.infer<typeof TicketCreate>, outer?: Tx) {
    const now = this.d.now();
    const actor = meta.actor;
    const reportedAt = input.reportedAt ?? now;
    if (reportedAt > now + 60_000) throw new AppError('REPORTED_AT_FUTURE', {}, 'reportedAt');
    if (now - reportedAt > this.d.backdateReasonMinutes * 60_000 && !input.reportedAtReason) {
      throw new AppError('REASON_REQUIRED', { action: '补录报修时间 / back-dated report' }, 'reportedAtReason');
    }
    if (isCustomer(actor) && (input.assigneeId || input.reportedAt !== undefined))
      throw invalid(input.assigneeId ? 'assigneeId' : 'reportedAt', '客户不能设置此字段 / not settable by customers');
    const run = async (tx: Tx) => {
      const day = beijingDay(reportedAt);
      // Only "no such project" is the caller's bad input; any other failure is ours (a 500).
      const project = await this.d.projects
        .intakeTarget(tx, actor, input.projectId, day)
        .catch(notFoundAs('projectId', '项目不存在 / unknown project'));
      if (!project.contract_id || !project.policy_json) throw new AppError('NO_CONTRACT', {}, 'projectId');
      const contract = { id: project.contract_id };
      const policy = JSON.parse(project.policy_json) as SlaPolicy;
      const assignee = input.assigneeId ? await this.checkAssignee(tx, input.assigneeId) : null;
      const seq = await nextCounter(tx, `ticket-${beijingYear(reportedAt)}`);
      const id = newId(now);
      const status: TicketStatus = input.assigneeId ? 'assigned' : 'new';
      // Clocks are computed first so the ticket row carries its queue position from the start.
      const plan = this.d.sla.plan({ id, projectId: project.id }, policy, input.level, reportedAt, now);
      const nextDueAt = Number.isFinite(plan.nextDueAt) ? plan.nextDueAt : null;
      const breached = plan.clocks.some((c) => c.due_at !== null && now > c.due_at);
      const row = {
        id,
        number: `GD-${beijingYear(reportedAt)}-${String(seq).padStart(6, '0')}`,
        project_id: project.id,
        customer_id: project.customer_id,
        contract_id: contract.id,
        title: input.title,
        description: input.description,
        level: input.level,
        channel: isCustomer(actor) ? 'web' : input.channel,
        status,
        reporter_name: input.reporterName,
        reporter_phone: input.reporterPhone,
        location: input.location ?? null,
        reported_at: reportedAt,
        reported_at_reason: input.reportedAtReason ?? null,
        created_at: now,
        created_by: actor.userId,
        assignee_id: input.assigneeId ?? null,
        fault_cause: null,
        solution: null,
        billable: null,
        resolved_at: null,
        closed_at: null,
        auto_close_at: null,
        reopen_count: 0,
        suspend_reason: null,
        next_due_at: nextDueAt,
        due_sort: dueSort(status, nextDueAt, reportedAt, now),
        breached: breached ? 1 : 0,
        last_urged_at: null,
        rating: null,
        updated_at: now,
      };
      await this.repo.insert(tx, row);
      await this.d.sla.insertPlan(tx, plan);
      await this.event(tx, id, actor.userId, 'created', {
        to: status,
        data: { channel: input.channel, level: input.level, reportedAt, enteredAt: now },
      });
      if (input.assigneeId) {
        await this.event(tx, id, actor.userId, 'dispatch', {
          from: 'new',
          to: 'assigned',
          data: { assigneeId: input.assigneeId },
        });
        await this.d.notifications.notify(tx, [input.assigneeId], {
          kind: 'ticket.dispatched',
          text: (locale) => dispatchedText(locale, input),
          ticketId: id,
          sourceKey: `dispatch:${id}:${now}`,
        });
      }
      // A level-1 or level-2 fault is news for the dispatchers and the service manager at once, whoever reported it.
      if (input.level <= 2) {
        const who = (await this.d.projects.alertRecipients(tx, [project.id])).get(project.id) ?? [];
        const facts = {
          level: input.level,
          number: row.number,
          title: input.title,
          customer: project.customer_name,
          project: project.name,
          reporter: `${input.reporterName} ${input.reporterPhone}`,
          reportedAt,
        };
        await this.d.notifications.notifyMany(tx, [
          {
            userIds: who,
            kind: 'ticket.urgent',
            ticketId: id,
            sourceKey: `urgent:${id}`,
            text: (locale) => urgentTicketText(locale, facts),
          },
        ]);
      }
      // Everything the detail view shows is at hand: no need to read the new ticket back.
      const t: TicketWithNames = {
        ...row,
        customer_name: project.customer_name,
        project_name: project.name,
        assignee_name: assignee?.display_name ?? null,
        creator_name: actor.displayName,
      };
      if (input.assetId) {
        if (!this.d.repairs) throw invalid('assetId', '未启用资产 / assets are not available');
        await this.d.repairs.attach(tx, meta, t, input.assetId);
      }
      await this.d.audit.record(tx, meta, {
        action: 'ticket.create',
        targetType: 'ticket',
        targetId: id,
        summary: `新建工单 ${t.number}（${input.level} 级，${input.channel}）`,
        detail: { after: presentSummary(t), ...(input.assetId ? { assetId: input.assetId } : {}) },
      });
      const missing = this.d.sla.missingHolidayYears(policy, reportedAt, reportedAt + 30 * 86_400_000);
      return this.detail(tx, actor, t, now, missing, { policy, clocks: plan.clocks });
    };
    return outer ? run(outer) : this.db.transaction().execute(run);
  }

  async checkAssignee(tx: Tx, userId: string, field = 'assigneeId') {
    const u = await this.d.users.byId(tx, userId);
    if (
      !u ||
      u.disabled ||
      u.org_kind !== 'provider' ||
      !u.roles.some((r) => ['engineer', 'service_manager', 'dispatcher'].includes(r))
    ) {
      throw invalid(field, '处理人须为服务商在岗人员 / assignee must be active provider staff');
    }
    return u;
  }

  /** `known`: the policy and clock rows when the caller holds them already, to skip re-reading them. */
  async detail(
    db: Tx,
    actor: Actor,
    t: TicketWithNames,
    now: number,
    missingYears: number[] = [],
    known?: { policy: SlaPolicy; clocks?: ClockRow[] },
  ) {
    const policy = known?.policy ?? (await this.policyOf(db, t.contract_id));
    const clocks = await this.d.sla.views(db, t.id, policy, now, known?.clocks);
    const latest = (k: string) => clocks.filter((c) => c.kind === k).sort((a, b) => b.cycle - a.cycle)[0];
    const response = latest('response');
    const arrival = latest('arrival');
    const warnings = missingYears.length
      ? missingYears
      : this.d.sla.missingHolidayYears(policy, t.reported_at, now + 86_400_000);
    return {
      ...presentSummary(t),
      description: t.description,
      reporterName: t.reporter_name,
      reporterPhone: t.reporter_phone,
      location: t.location,
      createdAt: t.created_at,
      createdById: t.created_by,
      createdByName: t.creator_name,
      faultCause: t.fault_cause as 'human' | null,
      solution: t.solution,
      billable: t.billable === null ? null : t.billable === 1,
      resolvedAt: t.resolved_at,
      closedAt: t.closed_at,
      reopenCount: t.reopen_count,
      suspendReason: t.suspend_reason as 'other' | null,
      clocks,
      allowedActions: allowedActions(actor, {
        status: t.status as TicketStatus,
        assignee_id: t.assignee_id,
        created_by: t.created_by,
        customer_id: t.customer_id,
        responded: !!response && response.stoppedAt !== null,
        arrivalOpen: !!arrival && arrival.stoppedAt === null,
      }),
      slaWarnings: warnings.map((y) => `holiday_data_missing:${y}`),
      pauseReasons: policy.pauseReasons,
      serverNow: now,
      occurredAtReasonMinutes: this.d.backdateActionReasonMinutes,
    };
  }

  /** SLA outcomes for clocks that stopped before they were stored (see SlaService.backfillOutcomes). */
  async backfillOutcomes() {
    return this.d.sla.backfillOutcomes(this.db, (contractId) => this.policyOf(this.db, contractId));
  }

  /** The ticket's row, unchecked: for modules that check the project themselves (an on-site check-in). */
  async rowById(tx: Tx, id: string) {
    return this.repo.row(tx, id);
  }

  /** The ticket with its customer, project and people's names, unchecked (the caller has checked access). */
  async withNames(tx: Tx, id: string) {
    return this.repo.get(tx, id);
  }

  /** Stores whether the ticket's repair is billable (R2, R3), when the faulty asset is named after resolving. */
  async setBillable(tx: Tx, id: string, billable: boolean) {
    await this.repo.update(tx, id, { billable: billable ? 1 : 0 });
  }

  /** Ticket rows by id, for the SLA alerts of a batch (sla/alerts.ts). */
  async rowsByIds(tx: Tx, ids: string[]) {
    return this.repo.rowsByIds(tx, ids);
  }

  /** Marks tickets as having breached a clock: set once by a breach alert, never cleared. */
  async markBreached(tx: Tx, ids: string[]) {
    await this.repo.markBreached(tx, ids);
  }

  /** Closes resolved tickets whose confirmation period has passed, up to `limit`, each in its own transaction. */
  async autoCloseDue(now: number, limit = 50): Promise<number> {
    let closed = 0;
    for (const { id } of await this.repo.dueForAutoClose(this.db, now, limit)) {
      if (await this.db.transaction().execute((tx) => autoClose(this, tx, id, now))) closed++;
    }
    return closed;
  }

  async get(actor: Actor, id: string) {
    const t = await this.visible(this.db, actor, id);
    return this.detail(this.db, actor, t, this.d.now());
  }

  /** `count: false` for callers that show no total (the dashboard's at-risk list). */
  async list(actor: Actor, query: QueueQuery, opts: { count?: boolean } = {}) {
    const q = { ...query, sort: query.sort ?? 'due', dir: query.dir ?? 'asc' };
    // A queue cursor names the order it belongs to and the last row's (key, id): a cursor from one
    // order replayed on another is refused instead of silently skipping rows.
    const cursor = decodeCursor(
      q.cursor,
      [{ is: q.sort }, { is: q.dir }, q.sort === 'status' ? 'string' : 'number', 'id'],
      '无效的分页游标（或与排序不符） / bad cursor (or not of this sort order)',
    );
    const after = cursor ? { key: cursor[2], id: cursor[3] } : null;
    const filter = this.queueFilter(actor, q);
    // Counted once, on the first page (later pages keep the figure the first one showed), and at the
    // same time as the page: on PostgreSQL the two run on separate pooled connections.
    const [rows, total] = await Promise.all([
      this.repo.list(this.db, { ...filter, sort: q.sort, dir: q.dir, after: after ?? undefined, limit: q.limit }),
      q.cursor || opts.count === false ? null : this.total(filter),
    ]);
    const column = SORT_COLUMN[q.sort];
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [q.sort, q.dir, r[column], r.id]);
    return { items: items.map(presentSummary), nextCursor, total };
  }

  /** The repository filter of a queue query: a customer sees only their organisation's tickets. */
  queueFilter(actor: Actor, q: Omit<TicketListQuery, 'sort' | 'dir' | 'limit'>): QueueFilter {
    const drill = q.clock || q.outcome || q.endedFrom !== undefined || q.endedTo !== undefined;
    if (drill && !q.projectId)
      throw invalid('projectId', '按时钟结果筛选须指定项目 / filtering by clock outcome needs a project');
    if (drill && (!q.clock || !q.outcome || q.endedFrom === undefined || q.endedTo === undefined))
      throw invalid(
        !q.clock ? 'clock' : !q.outcome ? 'outcome' : 'endedFrom',
        '时钟筛选须同时给出 clock、outcome、endedFrom、endedTo / clock filters go together: clock, outcome, endedFrom, endedTo',
      );
    return {
      clockEnded: drill
        ? { kind: q.clock!, outcome: q.outcome!, from: q.endedFrom!, to: q.endedTo!, level: q.level }
        : undefined,
      customerId: isCustomer(actor) ? actor.orgId : q.customerId,
      assigneeId: q.tab === 'mine' ? actor.userId : q.assigneeId,
      createdBy: q.tab === 'created' ? actor.userId : undefined,
      projectId: q.projectId,
      statuses: q.tab === 'mine' ? [...(q.status ?? OPEN_STATUSES)].filter((s) => OPEN_STATUSES.includes(s)) : q.status,
      dueSortBelow: q.tab === 'at_risk' ? this.d.now() + AT_RISK_WINDOW_MS : undefined,
      level: q.level,
      channel: q.channel,
      q: q.q,
    };
  }

  /**
   * The queue's total: estimated from statistics for the whole unfiltered queue; a count capped at
   * COUNT_CAP + 1 rows otherwise (index-served by the filter's leading column). Text search is a scan,
   * so it gets no count.
   */
  private async total(f: QueueFilter): Promise<TicketTotal | null> {
    if (f.q) return null;
    const unfiltered = Object.values(f).every((v) => v === undefined);
    if (unfiltered) {
      const estimate = await this.estimatedTotal();
      if (estimate !== null && estimate > COUNT_CAP) return { value: estimate, kind: 'estimate' };
    }
    const n = await this.repo.countCapped(this.db, f, COUNT_CAP + 1);
    return n > COUNT_CAP ? { value: COUNT_CAP, kind: 'at_least' } : { value: n, kind: 'exact' };
  }

  /**
   * The statistics estimate changes only when PostgreSQL re-analyses the table (SQLite: with each
   * insert), and it is shown as "about N": a few seconds old is as good as fresh and saves a round trip.
   * Only an estimate above COUNT_CAP is kept: a smaller queue is counted anyway, and must switch to the
   * estimate as soon as it grows past the cap.
   */
  private async estimatedTotal(): Promise<number | null> {
    const now = Date.now();
    if (this.estimate && now - this.estimate.at < ESTIMATE_TTL_MS && now >= this.estimate.at)
      return this.estimate.value;
    const value = await this.repo.estimatedTotal(this.db);
    this.estimate = value !== null && value > COUNT_CAP ? { at: now, value } : null;
    return value;
  }

  async timeline(actor: Actor, id: string) {
    await this.visible(this.db, actor, id);
    const rows = await this.repo.events(this.db, id, isCustomer(actor));
    return rows.map((e) => ({
      id: e.id,
      at: e.at,
      actorId: e.actor_id,
      actorName: e.actor_name ?? null,
      type: e.type,
      fromStatus: e.from_status as TicketStatus | null,
      toStatus: e.to_status as TicketStatus | null,
      reason: e.reason,
      data: JSON.parse(e.data_json) as Record<string, unknown>,
    }));
  }

  async clockHistory(actor: Actor, id: string) {
    const t = await this.visible(this.db, actor, id);
    const replans = (await this.repo.eventsOfType(this.db, id, 'sla.replan')).map((e) => {
      const d = JSON.parse(e.data_json) as Omit<ReplanEvent, 'at'>;
      return { at: e.at, byName: d.byName ?? null, reason: d.reason, clocks: d.clocks ?? [] };
    });
    return this.d.sla.history(this.db, id, await this.policyOf(this.db, t.contract_id), this.d.now(), replans);
  }

  async comments(actor: Actor, id: string) {
    await this.visible(this.db, actor, id);
    const rows = await this.repo.comments(this.db, id, isCustomer(actor));
    return rows.map((c) => ({
      id: c.id,
      at: c.at,
      authorId: c.author_id,
      authorName: c.author_name,
      body: c.body,
      internal: c.internal === 1,
    }));
  }

  /** A public comment by provider staff is a response to the reporter and stops the response clock. */
  async addComment(meta: RequestMeta, id: string, body: string, internal: boolean) {
    const actor = meta.actor;
    if (internal && isCustomer(actor))
      throw invalid('internal', '客户不能发布内部备注 / customers cannot post internal notes');
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const t = await this.visible(tx, actor, id);
      const row = { id: newId(now), ticket_id: id, at: now, author_id: actor.userId, body, internal: internal ? 1 : 0 };
      await this.repo.insertComment(tx, row);
      await this.event(tx, id, actor.userId, internal ? 'note' : 'comment', {
        public: !internal,
        data: { commentId: row.id },
      });
      if (!internal && !isCustomer(actor) && hasRole(actor, 'dispatcher', 'service_manager', 'engineer')) {
        const policy = await this.policyOf(tx, t.contract_id);
        if (await this.d.sla.stop(tx, id, 'response', now, policy)) {
          await this.event(tx, id, actor.userId, 'respond', { data: { via: 'comment' } });
          if (t.status === 'assigned') await this.refresh(tx, id, now, { status: 'in_progress' });
          else await this.refresh(tx, id, now);
        }
      } else if (isCustomer(actor)) {
        await this.d.notifications.notify(tx, [t.assignee_id], {
          kind: 'ticket.comment',
          text: (locale) => customerCommentText(locale, t, body),
          ticketId: id,
          sourceKey: `comment:${row.id}`,
        });
      }
      await this.d.audit.record(tx, meta, {
        action: internal ? 'ticket.note' : 'ticket.comment',
        targetType: 'ticket',
        targetId: id,
        summary: `${t.number} ${internal ? '内部备注' : '评论'}`,
      });
      return { id: row.id, at: now, authorId: actor.userId, authorName: actor.displayName, body, internal };
    });
  }

  async attachments(actor: Actor, id: string) {
    await this.visible(this.db, actor, id);
    return (await this.repo.attachments(this.db, id)).map((a) => ({
      id: a.id,
      at: a.at,
      uploaderName: a.uploader_name,
      fileName: a.file_name,
      size: a.size,
      mime: a.mime,
    }));
  }

  /** Files live under <dataDir>/attachments/<yyyy>/<generated id>, written after the access check; the row only after the bytes are safe on disk. */
  async addAttachment(meta: RequestMeta, id: string, file: { fileName: string; mime: string; data: Buffer }) {
    const now = this.d.now();
    const t = await this.visible(this.db, meta.actor, id);
    const files = new FileStore(this.d.dataDir);
    const attId = newId(now);
    const rel = files.put('attachments', file.data, now);
    try {
      return await this.db.transaction().execute(async (tx) => {
        const row = {
          id: attId,
          ticket_id: id,
          at: now,
          uploader_id: meta.actor.userId,
          file_name: path.basename(file.fileName).slice(0, 200) || 'file',
          size: file.data.length,
          mime: file.mime.slice(0, 100),
          storage_path: rel,
          sha256: createHash('sha256').update(file.data).digest('hex'),
        };
        await this.repo.insertAttachment(tx, row);
        await this.event(tx, id, meta.actor.userId, 'attachment', {
          data: { attachmentId: attId, fileName: row.file_name },
        });
        await this.d.audit.record(tx, meta, {
          action: 'ticket.attach',
          targetType: 'ticket',
          targetId: id,
          summary: `${t.number} 上传附件 ${row.file_name}（${row.size} 字节）`,
          detail: { sha256: row.sha256 },
        });
        return {
          id: attId,
          at: now,
          uploaderName: meta.actor.displayName,
          fileName: row.file_name,
          size: row.size,
          mime: row.mime,
        };
      });
    } catch (e) {
      files.remove(rel);
      throw e;
    }
  }

  async attachmentFile(actor: Actor, attachmentId: string) {
    const a = await this.repo.attachment(this.db, attachmentId);
    if (!a) throw notFound('附件');
    await this.visible(this.db, actor, a.ticket_id);
    return {
      path: new FileStore(this.d.dataDir).resolve(a.storage_path),
      fileName: a.file_name,
      mime: a.mime,
      size: a.size,
    };
  }
}
