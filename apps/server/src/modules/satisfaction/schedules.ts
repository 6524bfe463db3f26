import type { SurveyScheduleInput, SurveyScheduleUpdate } from '@weibao/schema';
import type { z } from 'zod';
import type { Tx } from '../../db/dialect.js';
import type { SurveySchedulesTable } from '../../db/types.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays, addMonths } from '../../lib/dates.js';
import { beijingDay } from '../../lib/time.js';
import type { SatisfactionService } from './service.js';

const present = (r: SurveySchedulesTable) => ({
  id: r.id,
  projectId: r.project_id,
  title: r.title,
  everyMonths: r.every_months,
  openDays: r.open_days,
  nextOn: r.next_on,
  active: r.active === 1,
  lastSentOn: r.last_sent_on,
  createdAt: r.created_at,
});

/**
 * 定期满意度调查 (R29): a project's recurring survey. On each `next_on` the worker sends one survey
 * titled with its month to every customer user and moves `next_on` on by the interval.
 */
export class SurveySchedules {
  constructor(private readonly svc: SatisfactionService) {}
  private get db() {
    return this.svc.db;
  }
  private today() {
    return beijingDay(this.svc.d.now());
  }
  private async visible(db: Tx, actor: Actor, id: string) {
    const r = await this.svc.repo.schedule(db, id);
    if (!r) throw notFound('满意度调查');
    await this.svc.d.projects.visibleProject(db, actor, r.project_id).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('满意度调查') : e;
    });
    return r;
  }

  async list(actor: Actor, projectId: string) {
    await this.svc.d.projects.visibleProject(this.db, actor, projectId);
    return (await this.svc.repo.schedulesOf(this.db, projectId)).map(present);
  }

  async create(meta: RequestMeta, projectId: string, input: z.infer<typeof SurveyScheduleInput>) {
    if (input.firstOn < this.today()) throw invalid('firstOn', 'satisfaction.firstInPast');
    return this.db.transaction().execute(async (tx) => {
      const project = await this.svc.d.projects.visibleProject(tx, meta.actor, projectId);
      const row = {
        id: newId(this.svc.d.now()),
        project_id: projectId,
        title: input.title,
        every_months: input.everyMonths,
        open_days: input.openDays,
        next_on: input.firstOn,
        active: 1,
        last_sent_on: null,
        created_at: this.svc.d.now(),
        created_by: meta.actor.userId,
      };
      await this.svc.repo.insertSchedule(tx, row);
      await this.svc.d.audit.record(tx, meta, {
        action: 'satisfaction.schedule',
        targetType: 'survey_schedule',
        targetId: row.id,
        summary: `${project.name} 定期满意度调查「${row.title}」：每 ${row.every_months} 个月，开放 ${row.open_days} 天，自 ${row.next_on} 起`,
        detail: { after: row },
      });
      return present(row);
    });
  }

  async update(meta: RequestMeta, id: string, input: z.infer<typeof SurveyScheduleUpdate>) {
    if (input.nextOn && input.nextOn < this.today()) throw invalid('nextOn', 'satisfaction.nextInPast');
    return this.db.transaction().execute(async (tx) => {
      const before = await this.visible(tx, meta.actor, id);
      const patch = {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.everyMonths !== undefined ? { every_months: input.everyMonths } : {}),
        ...(input.openDays !== undefined ? { open_days: input.openDays } : {}),
        ...(input.nextOn !== undefined ? { next_on: input.nextOn } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      // Re-activated after a pause: resume from today rather than sending every missed period at once.
      if (input.active && !before.active && before.next_on < this.today() && !input.nextOn)
        Object.assign(patch, { next_on: this.today() });
      await this.svc.repo.updateSchedule(tx, id, patch);
      const after = { ...before, ...patch };
      await this.svc.d.audit.record(tx, meta, {
        action: 'satisfaction.schedule',
        targetType: 'survey_schedule',
        targetId: id,
        summary: `修改定期满意度调查「${after.title}」${input.active === false ? '（停用）' : input.active ? '（启用）' : ''}`,
        detail: { before, after },
      });
      return present(after);
    });
  }

  /**
   * Worker: sends the surveys that are due. Each schedule is claimed with its row (SKIP LOCKED on
   * PostgreSQL) and moved on in the same transaction, so two app nodes never send one twice.
   */
  async sendDue(limit = 50): Promise<number> {
    const today = this.today();
    let sent = 0;
    for (let i = 0; i < limit; i++) {
      const done = await this.db.transaction().execute(async (tx) => {
        const row = await this.svc.repo.claimDueSchedule(tx, this.svc.d.database.dialect, today);
        if (!row) return false;
        const project = (await this.svc.d.projects.project(tx, row.project_id))!;
        // A schedule that fell behind (the app was off) sends once, for the latest period due.
        let next = row.next_on;
        let period = next;
        while (next <= today) {
          period = next;
          next = addMonths(next, row.every_months);
        }
        await this.svc
          .sendSurvey(
            tx,
            { actor: null, ip: null, actorLabel: '系统（定期调查）' },
            project,
            `${row.title}（${period.slice(0, 7)}）`,
            addDays(today, row.open_days - 1),
            row.id,
          )
          // A customer with no users yet: nothing to send this period; the schedule still moves on.
          .catch((e: unknown) => {
            if (!(e instanceof AppError && e.code === 'VALIDATION')) throw e;
          });
        await this.svc.repo.updateSchedule(tx, row.id, { next_on: next, last_sent_on: today });
        return true;
      });
      if (!done) break;
      sent++;
    }
    return sent;
  }
}
