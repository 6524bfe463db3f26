import type { CompletionQuery, InspectionTask, InspectionTaskQuery } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { InspectionTasksTable } from '../../db/types.js';
import { type Actor, hasRole, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import { addDays, addMonths } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, keysetPage } from '../../lib/keyset.js';
import { beijingDay } from '../../lib/time.js';
import type { AssetService } from '../assets/service.js';
import { annualInspections, inspectionStart } from '../assets/warranty.js';
import type { AuditService } from '../audit/service.js';
import type { NotificationService } from '../notifications/service.js';
import type { ProjectService } from '../projects/service.js';
import type { UserDirectory } from '../users/directory.js';
import { occurrences, taskState } from './recurrence.js';
import { InspectionRepository, periodIndex } from './repository.js';
import { presentTemplate } from './templates.js';
import { inspectionOverdueText } from './texts.js';

export type Pause = { from: string; to: string | null; reason: string };
type TaskRow = Awaited<ReturnType<InspectionRepository['tasks']>>[number];

export interface InspectionDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  users: UserDirectory;
  assets: AssetService;
  notifications: NotificationService;
  now: () => number;
}

/**
 * The inspection module's core (R5, R16, R17): the tasks that plans generate ahead of time, overdue
 * reminders, the task calendar and completion counts. Templates (templates.ts), plans (plans.ts) and
 * running a task (execution.ts) build on it.
 */
export class InspectionService {
  readonly repo: InspectionRepository;
  constructor(readonly d: InspectionDeps) {
    this.repo = new InspectionRepository(d.database.dialect);
  }
  get db() {
    return this.d.database.db;
  }
  today() {
    return beijingDay(this.d.now());
  }

  /** One version of a checklist template (a task keeps the version it was made with). */
  async template(id: string, db: Tx = this.db) {
    const t = await this.repo.template(db, id);
    if (!t) throw notFound('巡检模板');
    return presentTemplate(t);
  }

  // ---------- task generation ----------
  /**
   * Writes the tasks of one plan due up to today + lead days (idempotent: one task per plan, period
   * and asset) and moves its horizon. Monthly and periodic plans have one task per period, assigned
   * round-robin by period; annual plans one per accepted in-service asset and anniversary (R5).
   */
  async generatePlan(tx: Tx, planId: string, today: string): Promise<number> {
    const p = await this.repo.plan(tx, planId);
    if (!p || p.paused) return 0;
    const horizon = addDays(today, p.lead_days);
    const from = p.generated_through ? addDays(p.generated_through, 1) : p.starts_on;
    if (from > horizon) return 0;
    const assignees = JSON.parse(p.assignee_ids_json) as string[];
    const pauses = JSON.parse(p.pauses_json) as Pause[];
    const now = this.d.now();
    const base = {
      plan_id: p.id,
      project_id: p.project_id,
      customer_id: p.customer_id,
      template_version_id: p.template_version_id,
      status: 'open',
      done_on: null,
      cancel_reason: null,
      overdue_notified_at: null,
      started_at: null,
      record_id: null,
      created_at: now,
      updated_at: now,
    };
    const rows: InspectionTasksTable[] = [];
    if (p.kind === 'annual') {
      for (const a of await this.d.assets.inServiceOf(tx, p.project_id)) {
        const years = annualInspections(inspectionStart(a), a.warranty_end, [], today).years.filter(
          (y) =>
            y.dueOn >= from &&
            y.dueOn <= horizon &&
            y.dueOn >= p.starts_on &&
            !pauses.some((x) => y.dueOn >= x.from && (x.to === null || y.dueOn < x.to)),
        );
        for (const y of years)
          rows.push({
            ...base,
            id: newId(now),
            period: y.dueOn.slice(0, 7),
            asset_key: a.id,
            asset_id: a.id,
            due_on: y.dueOn,
            assignee_id: assignees[periodIndex(y.dueOn) % assignees.length] ?? null,
          });
      }
    } else {
      const occ = occurrences(
        {
          kind: p.kind as 'monthly' | 'periodic',
          dueDay: p.due_day,
          intervalMonths: p.interval_months,
          startsOn: p.starts_on,
          pauses,
        },
        from,
        horizon,
      );
      for (const o of occ)
        rows.push({
          ...base,
          id: newId(now),
          period: o.period,
          asset_key: '',
          asset_id: null,
          due_on: o.dueOn,
          assignee_id: assignees[periodIndex(o.period) % assignees.length] ?? null,
        });
    }
    await this.repo.insertTasks(tx, rows);
    await this.repo.updatePlan(tx, p.id, { generated_through: horizon });
    return rows.length;
  }

  /** The worker's pass: every active plan behind its horizon, each in its own short transaction. */
  async generateDue(limit = 50): Promise<number> {
    const today = this.today();
    let total = 0;
    for (;;) {
      const made = await this.db.transaction().execute(async (tx) => {
        // The longest lead is 92 days: any plan not generated through today + 92 may owe something.
        const ids = await this.repo.claimForGeneration(tx, addDays(today, 92), limit);
        let n = 0;
        for (const id of ids) {
          const p = (await this.repo.plan(tx, id))!;
          if (p.generated_through && p.generated_through >= addDays(today, p.lead_days)) continue;
          n += await this.generatePlan(tx, id, today);
        }
        return { ids: ids.length, n };
      });
      total += made.n;
      if (made.ids < limit || made.n === 0) return total;
    }
  }

  /** Overdue tasks notify the project's service manager once each (in-app and e-mail). */
  async notifyOverdue(limit = 200): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const due = await this.repo.claimOverdue(tx, this.today(), this.d.now(), limit);
      for (const t of due) {
        await this.d.notifications.notify(tx, [t.service_manager_id], {
          kind: 'inspection.overdue',
          text: (locale) => inspectionOverdueText(locale, t),
          ticketId: null,
          sourceKey: `inspection-overdue:${t.id}`,
        });
      }
      return due.length;
    });
  }

  // ---------- tasks, calendar, completion ----------
  presentTask(t: TaskRow, today: string): z.infer<typeof InspectionTask> {
    const state =
      t.status === 'cancelled'
        ? ('cancelled' as const)
        : taskState(t.due_on, t.status === 'done' ? t.done_on : null, today);
    return {
      id: t.id,
      planId: t.plan_id,
      planName: t.plan_name,
      kind: t.kind as 'monthly',
      projectId: t.project_id,
      projectName: t.project_name,
      period: t.period,
      dueOn: t.due_on,
      assetId: t.asset_id,
      assetName: t.asset_name,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
      templateVersionId: t.template_version_id,
      status: t.status as 'open',
      state,
      doneOn: t.done_on,
      cancelReason: t.cancel_reason,
    };
  }

  async tasks(actor: Actor, q: z.infer<typeof InspectionTaskQuery>) {
    if (q.to < q.from) throw invalid('to', 'common.endDateBeforeStart');
    if (q.projectId) await this.d.projects.visibleProject(this.db, actor, q.projectId);
    const after = decodeCursor(q.cursor, ['day', 'id']);
    const today = this.today();
    const rows = await this.repo.tasks(
      this.db,
      {
        projectId: q.projectId,
        customerId: isCustomer(actor) ? actor.orgId : undefined,
        assigneeId: q.assigneeId,
        from: q.from,
        to: q.to,
      },
      after ? { due: after[0], id: after[1] } : null,
      q.limit,
    );
    const { items, nextCursor } = keysetPage(rows, q.limit, (t) => [t.due_on, t.id]);
    const shown = items.map((t) => this.presentTask(t, today)).filter((t) => !q.state || t.state === q.state);
    return { items: shown, nextCursor };
  }

  /** 待巡检 badge: an engineer's open tasks due today or overdue; null for roles that do not run inspections. */
  async dueTaskCount(actor: Actor, cap: number): Promise<number | null> {
    if (!hasRole(actor, 'engineer')) return null;
    return this.repo.countOpenDue(this.db, actor.userId, this.today(), cap);
  }

  /** Planned vs done vs late vs overdue for a project's month, per plan and in all (feeds the commitments report). */
  async completion(actor: Actor, projectId: string, q: z.infer<typeof CompletionQuery>) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    const month = q.month ?? this.today().slice(0, 7);
    const first = `${month}-01`;
    const { total, byPlan } = await this.completionBetween(projectId, first, addDays(addMonths(first, 1), -1));
    return { projectId, month, ...total, byPlan };
  }

  /** The same counts for tasks due in [first, last] (Beijing days); the caller checked visibility. */
  async completionBetween(projectId: string, first: string, last: string) {
    const today = this.today();
    const zero = () => ({ planned: 0, done: 0, late: 0, overdue: 0, open: 0, cancelled: 0 });
    const total = zero();
    const byPlan = new Map<
      string,
      ReturnType<typeof zero> & { planId: string; planName: string; kind: 'monthly' | 'annual' | 'periodic' }
    >();
    for (const t of await this.repo.monthTasks(this.db, projectId, first, last)) {
      const c = byPlan.get(t.plan_id) ?? {
        ...zero(),
        planId: t.plan_id,
        planName: t.plan_name,
        kind: t.kind as 'monthly',
      };
      byPlan.set(t.plan_id, c);
      const state =
        t.status === 'cancelled' ? 'cancelled' : taskState(t.due_on, t.status === 'done' ? t.done_on : null, today);
      for (const x of [c, total]) {
        x[state]++;
        if (state !== 'cancelled') x.planned++;
      }
    }
    return { total, byPlan: [...byPlan.values()] };
  }
}
