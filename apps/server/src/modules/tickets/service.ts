import type { SlaPolicy, TicketCreate, TicketStatus } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import { defaultPolicy } from '../projects/policy.js';
import type { ProjectService } from '../projects/service.js';
import type { ClockRow, ReplanEvent, SlaService } from '../sla/service.js';
import type { UserDirectory } from '../users/directory.js';
import { dueSort } from './ordering.js';
import { autoClose } from './actions.js';
import { TicketConversation } from './conversation.js';
import { createTicket } from './intake.js';
import { allowedActions } from './policy.js';
import { presentSummary, type TicketWithNames } from './presenter.js';
import { type QueueQuery, TicketQueue } from './queue.js';
import { TicketRepository } from './repository.js';
import { SavedFilterService } from './saved-filters.js';
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

/**
 * Tickets: detail, timeline, clocks and the steps every use case shares (visibility, events, the queue columns).
 * Intake is intake.ts, the queue queue.ts, comments and attachments conversation.ts, workflow actions actions.ts.
 */
export class TicketService {
  readonly repo: TicketRepository;
  /** Named queue filters per user (the queue's saved filters). */
  readonly savedFilters: SavedFilterService;
  /** The queue: pages, filters and totals. */
  readonly queue: TicketQueue;
  /** Comments and attachments. */
  readonly conversation: TicketConversation;
  constructor(readonly d: TicketDeps) {
    this.repo = new TicketRepository(d.database.dialect);
    this.savedFilters = new SavedFilterService(d);
    this.queue = new TicketQueue(this);
    this.conversation = new TicketConversation(this);
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
    return createTicket(this, meta, input, outer);
  }

  /** The queue (see TicketQueue.list); `count: false` for callers that show no total (the dashboard's at-risk list). */
  async list(actor: Actor, query: QueueQuery, opts: { count?: boolean } = {}) {
    return this.queue.list(actor, query, opts);
  }

  async checkAssignee(tx: Tx, userId: string, field = 'assigneeId') {
    const u = await this.d.users.byId(tx, userId);
    if (
      !u ||
      u.disabled ||
      u.org_kind !== 'provider' ||
      !u.roles.some((r) => ['engineer', 'service_manager', 'dispatcher'].includes(r))
    ) {
      throw invalid(field, 'tickets.assigneeNotStaff');
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
}
