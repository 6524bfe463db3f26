import type { CourseInput, CourseUpdate, TrainingPlanInput, TrainingPlanUpdate } from '@weibao/schema';
import type { z } from 'zod';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import type { TrainingAccess } from './access.js';

/** A project's training plans and their courses. */
export class TrainingPlans {
  constructor(private readonly a: TrainingAccess) {}

  async plans(actor: Actor, projectId: string) {
    await this.a.d.projects.visibleProject(this.a.db, actor, projectId);
    const rows = await this.a.repo.plansOf(this.a.db, projectId);
    return Promise.all(rows.map(async (p) => ({ plan: p, progress: (await this.a.load(this.a.db, p)).progress })));
  }
  async createPlan(meta: RequestMeta, projectId: string, input: z.infer<typeof TrainingPlanInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const project = await this.a.d.projects.visibleProject(tx, meta.actor, projectId);
      const now = this.a.d.now();
      const row = {
        id: newId(now),
        project_id: projectId,
        name: input.name,
        description: input.description,
        completed_at: null,
        created_at: now,
        created_by: meta.actor.userId,
        updated_at: now,
      };
      await this.a.repo.insertPlan(tx, row);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.create',
        targetType: 'training_plan',
        targetId: row.id,
        summary: `${project.name} 新建培训计划 ${row.name}`,
        detail: { after: row },
      });
      return this.a.detail(meta.actor, row.id, tx);
    });
  }
  async updatePlan(meta: RequestMeta, id: string, input: z.infer<typeof TrainingPlanUpdate>) {
    return this.a.db.transaction().execute(async (tx) => {
      const before = await this.a.visiblePlan(tx, meta.actor, id);
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        updated_at: this.a.d.now(),
      };
      await this.a.repo.updatePlan(tx, id, patch);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.update',
        targetType: 'training_plan',
        targetId: id,
        summary: `修改培训计划 ${before.name}`,
        detail: { before: { name: before.name, description: before.description }, after: input },
      });
      return this.a.detail(meta.actor, id, tx);
    });
  }

  async addCourse(meta: RequestMeta, planId: string, input: z.infer<typeof CourseInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const plan = await this.a.visiblePlan(tx, meta.actor, planId);
      const now = this.a.d.now();
      const existing = await this.a.repo.courses(tx, planId);
      const row = {
        id: newId(now),
        plan_id: planId,
        title: input.title,
        objective: input.objective,
        position: existing.length ? Math.max(...existing.map((c) => c.position)) + 1 : 1,
        created_at: now,
      };
      await this.a.repo.insertCourse(tx, row);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.course.create',
        targetType: 'training_plan',
        targetId: planId,
        summary: `培训计划 ${plan.name} 新增课程 ${row.title}`,
        detail: { after: row },
      });
      await this.a.settle(tx, meta, plan);
      return this.a.detail(meta.actor, planId, tx);
    });
  }
  async updateCourse(meta: RequestMeta, id: string, input: z.infer<typeof CourseUpdate>) {
    return this.a.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.a.course(tx, meta.actor, id);
      await this.a.repo.updateCourse(tx, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.objective !== undefined ? { objective: input.objective } : {}),
      });
      await this.a.d.audit.record(tx, meta, {
        action: 'training.course.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `修改课程 ${row.title}`,
        detail: { before: row, after: input },
      });
      return this.a.detail(meta.actor, plan.id, tx);
    });
  }
}
