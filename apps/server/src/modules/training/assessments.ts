import type { AssessmentInput } from '@weibao/schema';
import type { z } from 'zod';
import type { RequestMeta } from '../../lib/actor.js';
import { invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { beijingDay } from '../../lib/time.js';
import type { TrainingAccess } from './access.js';

/** Assessments (考核): whether a trainee can now operate a course's work on their own. */
export class TrainingAssessments {
  constructor(private readonly a: TrainingAccess) {}

  /**
   * 考核: the latest verdict per trainee and course counts. Not yet independent puts the trainee
   * into a later batch (the one given, else the next in order); without one, the plan shows the
   * trainee as waiting for a batch.
   */
  async assess(meta: RequestMeta, planId: string, input: z.infer<typeof AssessmentInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const loaded = await this.a.detail(meta.actor, planId, tx);
      const { plan, batches, enrolments, progress } = loaded;
      const trainee = loaded.trainees.find((t) => t.id === input.traineeId);
      if (!trainee) throw invalid('traineeId', 'training.notTraineeOfPlan');
      const course = loaded.courses.find((c) => c.id === input.courseId);
      if (!course) throw invalid('courseId', 'training.notCourseOfPlan');
      if (!progress.trainees.find((t) => t.traineeId === trainee.id)!.courseIds.includes(course.id))
        throw invalid('courseId', 'training.courseNotTaken');
      const batch = batches.find((b) => b.id === input.batchId);
      if (!batch) throw invalid('batchId', 'training.notBatchOfPlan');
      if (!enrolments.some((e) => e.batch_id === batch.id && e.trainee_id === trainee.id))
        throw invalid('batchId', 'training.traineeNotInThatBatch');
      if (input.assessedOn > beijingDay(this.a.d.now())) throw invalid('assessedOn', 'training.assessedInFuture');
      let retrain: (typeof batches)[number] | undefined;
      if (!input.independent) {
        if (input.retrainBatchId) {
          retrain = batches.find((b) => b.id === input.retrainBatchId);
          if (!retrain || retrain.position <= batch.position)
            throw invalid('retrainBatchId', 'training.retrainNotLater');
        } else {
          retrain = batches.find((b) => b.position > batch.position);
        }
      }
      const now = this.a.d.now();
      const row = {
        id: newId(now),
        plan_id: planId,
        trainee_id: trainee.id,
        course_id: course.id,
        batch_id: batch.id,
        independent: input.independent ? 1 : 0,
        assessed_on: input.assessedOn,
        assessor_id: meta.actor.userId,
        assessor_name: input.assessorName || meta.actor.displayName,
        note: input.note,
        created_at: now,
      };
      await this.a.repo.insertAssessment(tx, row);
      if (retrain) await this.a.repo.enrol(tx, retrain.id, trainee.id, 'retrain', now);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.assess',
        targetType: 'training_plan',
        targetId: planId,
        summary: `${trainee.name} ${course.title}：${input.independent ? '可独立操作' : `尚不能独立操作${retrain ? `，安排至${retrain.name}` : '，待安排后续批次'}`}（${row.assessor_name} ${row.assessed_on}）`,
        detail: { after: row, retrainBatchId: retrain?.id ?? null },
      });
      await this.a.settle(tx, meta, plan);
      return this.a.detail(meta.actor, planId, tx);
    });
  }
}
