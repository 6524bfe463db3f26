import type {
  ChecklistItem,
  ChecklistTemplateInput,
  CompletionQuery,
  InspectionPlanInput,
  InspectionPlanUpdate,
  InspectionTask,
  InspectionTaskQuery,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { InspectionTasksTable } from '../../db/types.js';
import { type Actor, type RequestMeta, hasRole, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
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
import { inspectionOverdueText } from './texts.js';

type Pause = { from: string; to: string | null; reason: string };
type PlanRow = NonNullable<Awaited<ReturnType<InspectionRepository['plan']>>>;
type TaskRow = Awaited<ReturnType<InspectionRepository['tasks']>>[number];
const KIND_ZH: Record<string, string> = { monthly: '月度巡检', annual: '年度巡检', periodic: '定期检查' };

export interface InspectionDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  users: UserDirectory;
  assets: AssetService;
  notifications: NotificationService;
  now: () => number;
}

/** Checklist templates, recurring inspection plans and the tasks they generate ahead of time (R5, R16, R17). */
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

  // ---------- templates ----------
  private presentTemplate(t: NonNullable<Awaited<ReturnType<InspectionRepository['template']>>>) {
    return {
      id: t.id,
      familyId: t.family_id,
      version: t.version,
      current: t.current === 1,
      name: t.name,
      scope: t.scope as 'system',
      assetType: t.asset_type,
      items: JSON.parse(t.items_json) as ChecklistItem[],
      createdAt: t.created_at,
      createdByName: t.created_by_name ?? '',
    };
  }
  async templates() {
    return (await this.repo.currentTemplates(this.db)).map((t) => this.presentTemplate(t));
  }
  async template(id: string, db: Tx = this.db) {
    const t = await this.repo.template(db, id);
    if (!t) throw notFound('巡检模板');
    return this.presentTemplate(t);
  }

  /** A new template (version 1), or, with `reviseId`, the next version of that template's family. */
  async saveTemplate(meta: RequestMeta, reviseId: string | null, input: z.infer<typeof ChecklistTemplateInput>) {
    const keys = input.items.map((i) => i.key);
    const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (dup >= 0) throw invalid(`items[${dup}].key`, '项目编号重复 / duplicate item key');
    const badRange = input.items.findIndex((i) => i.min !== null && i.max !== null && i.min > i.max);
    if (badRange >= 0) throw invalid(`items[${badRange}].max`, '上限小于下限 / max below min');
    if (input.scope === 'asset_type' && !input.assetType)
      throw invalid('assetType', '按设备类型的模板须填设备类型 / an asset-type template needs the type');
    return this.db.transaction().execute(async (tx) => {
      const prev = reviseId ? await this.repo.template(tx, reviseId) : null;
      if (reviseId && !prev) throw notFound('巡检模板');
      const current = prev ? await this.repo.currentTemplate(tx, prev.family_id) : null;
      const now = this.d.now();
      const id = newId(now);
      const row = {
        id,
        family_id: current?.family_id ?? id,
        version: (current?.version ?? 0) + 1,
        current: 1,
        name: input.name,
        scope: input.scope,
        asset_type: input.scope === 'asset_type' ? input.assetType : null,
        items_json: JSON.stringify(input.items),
        created_at: now,
        created_by: meta.actor.userId,
      };
      await this.repo.insertTemplate(tx, row);
      await this.d.audit.record(tx, meta, {
        action: reviseId ? 'checklist.revise' : 'checklist.create',
        targetType: 'checklist',
        targetId: row.family_id,
        summary: `${reviseId ? '修订' : '新建'}巡检模板 ${row.name} 第 ${row.version} 版（${input.items.length} 项）`,
        detail: { after: { ...row, items: input.items }, previousVersion: current?.id ?? null },
      });
      return this.presentTemplate({ ...row, created_by_name: meta.actor.displayName });
    });
  }

  // ---------- plans ----------
  private async presentPlan(db: Tx, p: PlanRow) {
    const ids = JSON.parse(p.assignee_ids_json) as string[];
    const names = new Map((await this.d.users.list(db, { ids })).map((u) => [u.id, u.display_name]));
    return {
      id: p.id,
      projectId: p.project_id,
      projectName: p.project_name,
      name: p.name,
      kind: p.kind as 'monthly',
      templateFamilyId: p.template_family_id,
      templateName: p.template_name,
      dueDay: p.due_day,
      intervalMonths: p.interval_months,
      startsOn: p.starts_on,
      leadDays: p.lead_days,
      assigneeIds: ids,
      assigneeNames: ids.map((i) => names.get(i) ?? i),
      paused: p.paused === 1,
      pauses: JSON.parse(p.pauses_json) as Pause[],
      createdAt: p.created_at,
    };
  }
  async plans(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    return Promise.all((await this.repo.plansOf(this.db, projectId)).map((p) => this.presentPlan(this.db, p)));
  }
  private async visiblePlan(db: Tx, actor: Actor, id: string) {
    const p = await this.repo.plan(db, id);
    if (!p || (isCustomer(actor) && p.customer_id !== actor.orgId)) throw notFound('巡检计划');
    return p;
  }
  private async checkAssignees(db: Tx, ids: string[]) {
    for (const [i, id] of ids.entries()) {
      const u = await this.d.users.byId(db, id);
      if (
        !u ||
        u.disabled ||
        u.org_kind !== 'provider' ||
        !u.roles.some((r) => r === 'engineer' || r === 'service_manager')
      )
        throw invalid(`assigneeIds[${i}]`, '须为服务商在岗工程师 / must be an active provider engineer');
    }
  }

  async createPlan(meta: RequestMeta, projectId: string, input: z.infer<typeof InspectionPlanInput>) {
    return this.db.transaction().execute(async (tx) => {
      const project = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const tpl = await this.repo.template(tx, input.templateId);
      if (!tpl) throw invalid('templateId', '巡检模板不存在 / unknown checklist template');
      await this.checkAssignees(tx, input.assigneeIds);
      const now = this.d.now();
      const row = {
        id: newId(now),
        project_id: projectId,
        name: input.name,
        kind: input.kind,
        template_family_id: tpl.family_id,
        due_day: input.dueDay,
        interval_months: input.kind === 'periodic' ? input.intervalMonths : input.kind === 'monthly' ? 1 : 12,
        starts_on: input.startsOn,
        lead_days: input.leadDays,
        assignee_ids_json: JSON.stringify([...new Set(input.assigneeIds)]),
        pauses_json: '[]',
        paused: 0,
        generated_through: null,
        created_at: now,
        created_by: meta.actor.userId,
        updated_at: now,
      };
      await this.repo.insertPlan(tx, row);
      const made = await this.generatePlan(tx, row.id, this.today());
      await this.d.audit.record(tx, meta, {
        action: 'inspection_plan.create',
        targetType: 'inspection_plan',
        targetId: row.id,
        summary: `${project.name} 新建${KIND_ZH[row.kind]}计划 ${row.name}，自 ${row.starts_on} 起，已生成 ${made} 个任务`,
        detail: { after: row, tasks: made },
      });
      return this.presentPlan(tx, (await this.repo.plan(tx, row.id))!);
    });
  }

  async updatePlan(meta: RequestMeta, id: string, input: z.infer<typeof InspectionPlanUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visiblePlan(tx, meta.actor, id);
      const patch: Record<string, unknown> = { updated_at: this.d.now() };
      if (input.name) patch.name = input.name;
      if (input.leadDays !== undefined) patch.lead_days = input.leadDays;
      if (input.templateId) {
        const tpl = await this.repo.template(tx, input.templateId);
        if (!tpl) throw invalid('templateId', '巡检模板不存在 / unknown checklist template');
        patch.template_family_id = tpl.family_id;
      }
      if (input.assigneeIds) {
        await this.checkAssignees(tx, input.assigneeIds);
        patch.assignee_ids_json = JSON.stringify([...new Set(input.assigneeIds)]);
        // Tasks not started yet follow the new rota; started and done ones keep their engineer.
        await this.repo.reassignOpen(tx, id, this.today(), [...new Set(input.assigneeIds)], this.d.now());
      }
      await this.repo.updatePlan(tx, id, patch);
      await this.generatePlan(tx, id, this.today());
      const after = (await this.repo.plan(tx, id))!;
      await this.d.audit.record(tx, meta, {
        action: 'inspection_plan.update',
        targetType: 'inspection_plan',
        targetId: id,
        summary: `修改巡检计划 ${after.name}`,
        detail: { before, after },
      });
      return this.presentPlan(tx, after);
    });
  }

  /** Pausing cancels the tasks not started that fall due from today; nothing is owed until resumed. */
  async pause(meta: RequestMeta, id: string, reason: string) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.visiblePlan(tx, meta.actor, id);
      if (p.paused)
        throw new AppError('ACTION_NOT_ALLOWED', { action: '暂停已暂停的计划 / pause a paused plan' }, 'reason');
      const today = this.today();
      const pauses = [...(JSON.parse(p.pauses_json) as Pause[]), { from: today, to: null, reason }];
      const cancelled = await this.repo.cancelOpen(tx, id, today, `计划暂停：${reason}`, this.d.now());
      await this.repo.updatePlan(tx, id, { paused: 1, pauses_json: JSON.stringify(pauses), updated_at: this.d.now() });
      await this.d.audit.record(tx, meta, {
        action: 'inspection_plan.pause',
        targetType: 'inspection_plan',
        targetId: id,
        summary: `暂停巡检计划 ${p.name}：${reason}（取消 ${cancelled} 个未开始的任务）`,
        detail: { reason, cancelled },
      });
      return this.presentPlan(tx, (await this.repo.plan(tx, id))!);
    });
  }

  async resume(meta: RequestMeta, id: string) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.visiblePlan(tx, meta.actor, id);
      if (!p.paused)
        throw new AppError('ACTION_NOT_ALLOWED', { action: '恢复未暂停的计划 / resume a running plan' }, 'id');
      const today = this.today();
      const pauses = (JSON.parse(p.pauses_json) as Pause[]).map((x) => (x.to === null ? { ...x, to: today } : x));
      await this.repo.updatePlan(tx, id, { paused: 0, pauses_json: JSON.stringify(pauses), updated_at: this.d.now() });
      const made = await this.generatePlan(tx, id, today);
      await this.d.audit.record(tx, meta, {
        action: 'inspection_plan.resume',
        targetType: 'inspection_plan',
        targetId: id,
        summary: `恢复巡检计划 ${p.name}（生成 ${made} 个任务）`,
        detail: { tasks: made },
      });
      return this.presentPlan(tx, (await this.repo.plan(tx, id))!);
    });
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
    if (q.to < q.from) throw invalid('to', '结束日期早于开始日期 / ends before it starts');
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
