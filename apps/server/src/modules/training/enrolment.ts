import type { BatchInput, BatchUpdate, TraineeInput, TraineeUpdate } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { TrainingAccess } from './access.js';

/** Who is trained: trainees (a customer user or a named person, with the courses they take) and batches (分批) of them. */
export class TrainingEnrolment {
  constructor(private readonly a: TrainingAccess) {}

  private async checkCourses(tx: Tx, planId: string, ids: string[] | null | undefined, field: string) {
    if (!ids) return;
    const known = new Set((await this.a.repo.courses(tx, planId)).map((c) => c.id));
    const bad = ids.findIndex((c) => !known.has(c));
    if (bad >= 0) throw invalid(`${field}[${bad}]`, 'training.notCourseOfPlan');
  }
  async addTrainee(meta: RequestMeta, planId: string, input: z.infer<typeof TraineeInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const plan = await this.a.visiblePlan(tx, meta.actor, planId);
      let name = input.name;
      if (input.userId) {
        const u = await this.a.d.users.byId(tx, input.userId);
        if (!u || u.org_id !== plan.customer_id) throw invalid('userId', 'training.userNotOfCustomer');
        if (await this.a.repo.traineeByUser(tx, planId, input.userId))
          throw new AppError('DUPLICATE', { field: 'userId' }, 'userId');
        name ||= u.display_name;
      }
      if (!name) throw invalid('name', 'training.traineeNameRequired');
      await this.checkCourses(tx, planId, input.courseIds, 'courseIds');
      const now = this.a.d.now();
      const row = {
        id: newId(now),
        plan_id: planId,
        user_id: input.userId,
        name,
        unit: input.unit,
        phone: input.phone,
        course_ids_json: input.courseIds ? JSON.stringify([...new Set(input.courseIds)]) : null,
        created_at: now,
      };
      await this.a.repo.insertTrainee(tx, row);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.trainee.create',
        targetType: 'training_plan',
        targetId: planId,
        summary: `培训计划 ${plan.name} 新增学员 ${name}`,
        detail: { after: row },
      });
      await this.a.settle(tx, meta, plan);
      return this.a.detail(meta.actor, planId, tx);
    });
  }
  async updateTrainee(meta: RequestMeta, id: string, input: z.infer<typeof TraineeUpdate>) {
    return this.a.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.a.trainee(tx, meta.actor, id);
      await this.checkCourses(tx, plan.id, input.courseIds, 'courseIds');
      const patch = {
        ...(input.name ? { name: input.name } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.courseIds !== undefined
          ? { course_ids_json: input.courseIds ? JSON.stringify([...new Set(input.courseIds)]) : null }
          : {}),
      };
      await this.a.repo.updateTrainee(tx, id, patch);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.trainee.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `修改学员 ${row.name}`,
        detail: { before: row, after: patch },
      });
      await this.a.settle(tx, meta, plan);
      return this.a.detail(meta.actor, plan.id, tx);
    });
  }

  private async checkTrainees(tx: Tx, planId: string, ids: string[], field: string) {
    const known = new Set((await this.a.repo.trainees(tx, planId)).map((t) => t.id));
    const bad = ids.findIndex((t) => !known.has(t));
    if (bad >= 0) throw invalid(`${field}[${bad}]`, 'training.notTraineeOfPlan');
  }
  async addBatch(meta: RequestMeta, planId: string, input: z.infer<typeof BatchInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const plan = await this.a.visiblePlan(tx, meta.actor, planId);
      await this.checkTrainees(tx, planId, input.traineeIds, 'traineeIds');
      const now = this.a.d.now();
      const existing = await this.a.repo.batches(tx, planId);
      const row = {
        id: newId(now),
        plan_id: planId,
        name: input.name,
        position: existing.length ? Math.max(...existing.map((b) => b.position)) + 1 : 1,
        created_at: now,
      };
      await this.a.repo.insertBatch(tx, row);
      for (const t of new Set(input.traineeIds)) await this.a.repo.enrol(tx, row.id, t, 'plan', now);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.batch.create',
        targetType: 'training_plan',
        targetId: planId,
        summary: `培训计划 ${plan.name} 新增${row.name}（${new Set(input.traineeIds).size} 名学员）`,
        detail: { after: row, traineeIds: input.traineeIds },
      });
      await this.a.settle(tx, meta, plan);
      return this.a.detail(meta.actor, planId, tx);
    });
  }
  async updateBatch(meta: RequestMeta, id: string, input: z.infer<typeof BatchUpdate>) {
    return this.a.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.a.batch(tx, meta.actor, id);
      if (input.name) await this.a.repo.updateBatch(tx, id, { name: input.name });
      let change = {};
      if (input.traineeIds) {
        await this.checkTrainees(tx, plan.id, input.traineeIds, 'traineeIds');
        const now = this.a.d.now();
        const before = (await this.a.repo.enrolments(tx, plan.id))
          .filter((e) => e.batch_id === id)
          .map((e) => e.trainee_id);
        const want = new Set(input.traineeIds);
        const removed = before.filter((t) => !want.has(t));
        await this.a.repo.unenrol(tx, id, removed);
        for (const t of want) await this.a.repo.enrol(tx, id, t, 'plan', now);
        change = { added: [...want].filter((t) => !before.includes(t)), removed };
      }
      await this.a.d.audit.record(tx, meta, {
        action: 'training.batch.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `修改${row.name}${input.traineeIds ? `（学员 ${new Set(input.traineeIds).size} 名）` : ''}`,
        detail: { before: row, after: input, ...change },
      });
      await this.a.settle(tx, meta, plan);
      return this.a.detail(meta.actor, plan.id, tx);
    });
  }
}
