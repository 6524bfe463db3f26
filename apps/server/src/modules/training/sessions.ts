import type { AttendanceInput, SessionInput, SessionUpdate } from '@weibao/schema';
import { label } from '@weibao/schema/labels';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import type { RequestMeta } from '../../lib/actor.js';
import { AppError, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { reason } from '../../lib/messages/text.js';
import type { TrainingAccess } from './access.js';

const SIGN_IN_OPENS_MS = 30 * 60_000;

/** Sessions (分次) of a batch, each one course with its trainer, and their attendance (签到). */
export class TrainingSessions {
  constructor(private readonly a: TrainingAccess) {}

  private async trainer(tx: Tx, input: { trainerId: string | null; trainerName: string }) {
    if (input.trainerId) {
      const u = await this.a.d.users.byId(tx, input.trainerId);
      if (!u || u.disabled || u.org_kind !== 'provider') throw invalid('trainerId', 'training.trainerNotStaff');
      return { trainer_id: u.id, trainer_name: u.display_name };
    }
    if (!input.trainerName) throw invalid('trainerName', 'training.trainerRequired');
    return { trainer_id: null, trainer_name: input.trainerName };
  }
  async addSession(meta: RequestMeta, batchId: string, input: z.infer<typeof SessionInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const { row: batch, plan } = await this.a.batch(tx, meta.actor, batchId);
      const course = await this.a.repo.course(tx, input.courseId);
      if (!course || course.plan_id !== plan.id) throw invalid('courseId', 'training.notCourseOfPlan');
      if (input.endsAt <= input.startsAt) throw invalid('endsAt', 'common.endsBeforeStart');
      const now = this.a.d.now();
      const row = {
        id: newId(now),
        batch_id: batchId,
        course_id: input.courseId,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        mode: input.mode,
        place: input.place,
        ...(await this.trainer(tx, input)),
        cancelled: 0,
        created_at: now,
      };
      await this.a.repo.insertSession(tx, row);
      await this.a.d.audit.record(tx, meta, {
        action: 'training.session.create',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${batch.name} 安排课程 ${course.title}（${label('trainingMode', row.mode)}，${row.place}）`,
        detail: { after: row },
      });
      return this.a.detail(meta.actor, plan.id, tx);
    });
  }
  async updateSession(meta: RequestMeta, id: string, input: z.infer<typeof SessionUpdate>) {
    return this.a.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.a.session(tx, meta.actor, id);
      if (input.courseId) {
        const course = await this.a.repo.course(tx, input.courseId);
        if (!course || course.plan_id !== plan.id) throw invalid('courseId', 'training.notCourseOfPlan');
      }
      const startsAt = input.startsAt ?? row.starts_at;
      const endsAt = input.endsAt ?? row.ends_at;
      if (endsAt <= startsAt) throw invalid('endsAt', 'common.endsBeforeStart');
      const trainer =
        input.trainerId !== undefined || input.trainerName !== undefined
          ? await this.trainer(tx, { trainerId: input.trainerId ?? null, trainerName: input.trainerName ?? '' })
          : {};
      const patch = {
        ...(input.courseId ? { course_id: input.courseId } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        ...(input.mode ? { mode: input.mode } : {}),
        ...(input.place ? { place: input.place } : {}),
        ...trainer,
        ...(input.cancelled !== undefined ? { cancelled: input.cancelled ? 1 : 0 } : {}),
      };
      await this.a.repo.updateSession(tx, id, patch);
      await this.a.d.audit.record(tx, meta, {
        action: input.cancelled ? 'training.session.cancel' : 'training.session.update',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${input.cancelled ? '取消' : '修改'}培训场次 ${row.batch_name} ${row.course_title}`,
        detail: { before: row, after: patch },
      });
      return this.a.detail(meta.actor, plan.id, tx);
    });
  }

  /** 签到: one entry per trainee of the session's batch; sign-in opens half an hour before the start. */
  async attendance(meta: RequestMeta, sessionId: string, input: z.infer<typeof AttendanceInput>) {
    return this.a.db.transaction().execute(async (tx) => {
      const { row, plan } = await this.a.session(tx, meta.actor, sessionId);
      if (row.cancelled)
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('training.cancelledSession') }, 'sessionId');
      const now = this.a.d.now();
      if (now < row.starts_at - SIGN_IN_OPENS_MS)
        throw new AppError('ACTION_NOT_ALLOWED', { action: reason('training.sessionNotStarted') }, 'sessionId');
      const enrolled = new Set(
        (await this.a.repo.enrolments(tx, plan.id)).filter((e) => e.batch_id === row.batch_id).map((e) => e.trainee_id),
      );
      const bad = input.entries.findIndex((e) => !enrolled.has(e.traineeId));
      if (bad >= 0) throw invalid(`entries[${bad}].traineeId`, 'training.traineeNotInThisBatch');
      for (const e of input.entries)
        await this.a.repo.saveAttendance(tx, {
          session_id: sessionId,
          trainee_id: e.traineeId,
          status: e.status,
          note: e.note,
          recorded_at: now,
          recorded_by: meta.actor.userId,
        });
      const present = input.entries.filter((e) => e.status === 'present' || e.status === 'late').length;
      const tally = `${present} / ${input.entries.length}`;
      await this.a.d.audit.record(tx, meta, {
        action: 'training.attendance',
        targetType: 'training_plan',
        targetId: plan.id,
        summary: `${row.batch_name} ${row.course_title} 签到：到 ${tally}`,
        detail: { sessionId, entries: input.entries },
      });
      return this.a.detail(meta.actor, plan.id, tx);
    });
  }
}
