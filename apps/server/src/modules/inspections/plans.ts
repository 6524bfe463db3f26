import type { InspectionPlanInput, InspectionPlanUpdate } from '@weibao/schema';
import { LABELS } from '@weibao/schema/labels';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import type { InspectionRepository } from './repository.js';
import type { InspectionService, Pause } from './service.js';

type PlanRow = NonNullable<Awaited<ReturnType<InspectionRepository['plan']>>>;

/**
 * Recurring inspection plans of a project (R5, R17): monthly, annual or every n months, with a rota of
 * engineers and a lead time; creating, editing and resuming a plan generates its tasks ahead of time.
 */
export class InspectionPlans {
  constructor(private readonly svc: InspectionService) {}
  private get db() {
    return this.svc.db;
  }
  private get repo() {
    return this.svc.repo;
  }

  private async presentPlan(db: Tx, p: PlanRow) {
    const ids = JSON.parse(p.assignee_ids_json) as string[];
    const names = new Map((await this.svc.d.users.list(db, { ids })).map((u) => [u.id, u.display_name]));
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
    await this.svc.d.projects.visibleProject(this.db, actor, projectId);
    return Promise.all((await this.repo.plansOf(this.db, projectId)).map((p) => this.presentPlan(this.db, p)));
  }
  private async visiblePlan(db: Tx, actor: Actor, id: string) {
    const p = await this.repo.plan(db, id);
    if (!p || (isCustomer(actor) && p.customer_id !== actor.orgId)) throw notFound('巡检计划');
    return p;
  }
  private async checkAssignees(db: Tx, ids: string[]) {
    for (const [i, id] of ids.entries()) {
      const u = await this.svc.d.users.byId(db, id);
      if (
        !u ||
        u.disabled ||
        u.org_kind !== 'provider' ||
        !u.roles.some((r) => r === 'engineer' || r === 'service_manager')
      )
        throw invalid(`assigneeIds[${i}]`, 'inspections.assigneeNotEngineer');
    }
  }

  async createPlan(meta: RequestMeta, projectId: string, input: z.infer<typeof InspectionPlanInput>) {
    return this.db.transaction().execute(async (tx) => {
      const project = await this.svc.d.projects.visibleProject(tx, meta.actor, projectId);
      const tpl = await this.repo.template(tx, input.templateId);
      if (!tpl) throw invalid('templateId', 'inspections.unknownTemplate');
      await this.checkAssignees(tx, input.assigneeIds);
      const now = this.svc.d.now();
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
      const made = await this.svc.generatePlan(tx, row.id, this.svc.today());
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection_plan.create',
        targetType: 'inspection_plan',
        targetId: row.id,
        summary: `${project.name} 新建${LABELS.inspectionKind[row.kind]['zh-CN']}计划 ${row.name}，自 ${row.starts_on} 起，已生成 ${made} 个任务`,
        detail: { after: row, tasks: made },
      });
      return this.presentPlan(tx, (await this.repo.plan(tx, row.id))!);
    });
  }

  async updatePlan(meta: RequestMeta, id: string, input: z.infer<typeof InspectionPlanUpdate>) {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visiblePlan(tx, meta.actor, id);
      const patch: Record<string, unknown> = { updated_at: this.svc.d.now() };
      if (input.name) patch.name = input.name;
      if (input.leadDays !== undefined) patch.lead_days = input.leadDays;
      if (input.templateId) {
        const tpl = await this.repo.template(tx, input.templateId);
        if (!tpl) throw invalid('templateId', 'inspections.unknownTemplate');
        patch.template_family_id = tpl.family_id;
      }
      if (input.assigneeIds) {
        await this.checkAssignees(tx, input.assigneeIds);
        patch.assignee_ids_json = JSON.stringify([...new Set(input.assigneeIds)]);
        // Tasks not started yet follow the new rota; started and done ones keep their engineer.
        await this.repo.reassignOpen(tx, id, this.svc.today(), [...new Set(input.assigneeIds)], this.svc.d.now());
      }
      await this.repo.updatePlan(tx, id, patch);
      await this.svc.generatePlan(tx, id, this.svc.today());
      const after = (await this.repo.plan(tx, id))!;
      await this.svc.d.audit.record(tx, meta, {
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
  async pause(meta: RequestMeta, id: string, why: string) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.visiblePlan(tx, meta.actor, id);
      if (p.paused) throw new AppError('ACTION_NOT_ALLOWED', { action: reason('inspections.pausePaused') }, 'reason');
      const today = this.svc.today();
      const pauses = [...(JSON.parse(p.pauses_json) as Pause[]), { from: today, to: null, reason: why }];
      const cancelled = await this.repo.cancelOpen(tx, id, today, `计划暂停：${why}`, this.svc.d.now());
      await this.repo.updatePlan(tx, id, {
        paused: 1,
        pauses_json: JSON.stringify(pauses),
        updated_at: this.svc.d.now(),
      });
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection_plan.pause',
        targetType: 'inspection_plan',
        targetId: id,
        summary: `暂停巡检计划 ${p.name}：${why}（取消 ${cancelled} 个未开始的任务）`,
        detail: { reason: why, cancelled },
      });
      return this.presentPlan(tx, (await this.repo.plan(tx, id))!);
    });
  }

  async resume(meta: RequestMeta, id: string) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.visiblePlan(tx, meta.actor, id);
      if (!p.paused) throw new AppError('ACTION_NOT_ALLOWED', { action: reason('inspections.resumeRunning') }, 'id');
      const today = this.svc.today();
      const pauses = (JSON.parse(p.pauses_json) as Pause[]).map((x) => (x.to === null ? { ...x, to: today } : x));
      await this.repo.updatePlan(tx, id, {
        paused: 0,
        pauses_json: JSON.stringify(pauses),
        updated_at: this.svc.d.now(),
      });
      const made = await this.svc.generatePlan(tx, id, today);
      await this.svc.d.audit.record(tx, meta, {
        action: 'inspection_plan.resume',
        targetType: 'inspection_plan',
        targetId: id,
        summary: `恢复巡检计划 ${p.name}（生成 ${made} 个任务）`,
        detail: { tasks: made },
      });
      return this.presentPlan(tx, (await this.repo.plan(tx, id))!);
    });
  }
}
