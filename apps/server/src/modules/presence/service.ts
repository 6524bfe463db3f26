import ExcelJS from 'exceljs';
import type { ResidentPlanUpdate } from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { invalid } from '../../lib/errors.js';
import { daysOfMonth } from '../../lib/dates.js';
import { beijingDay, beijingDayStart, refuseUnbegunMonth } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import type { UserDirectory } from '../users/directory.js';
import { type PlanFacts, dayBoard } from './board.js';
import { PresenceRepository } from './repository.js';

const DEFAULT_PLAN: Omit<PlanFacts, 'engineerIds'> = {
  headcount: 3,
  weekdays: [1, 2, 3, 4, 5],
  chinaCalendar: true,
  start: '08:30',
  end: '17:30',
  lateGraceMin: 15,
  minOnSiteMin: 240,
};

/** Resident presence (R14): the project's commitment and, from check-ins, who was on site each day. */
export class PresenceService {
  readonly repo = new PresenceRepository();
  constructor(
    private readonly d: {
      database: Database;
      audit: AuditService;
      projects: ProjectService;
      users: UserDirectory;
      now: () => number;
    },
  ) {}
  private get db() {
    return this.d.database.db;
  }
  today() {
    return beijingDay(this.d.now());
  }

  private async facts(db: Tx, projectId: string): Promise<PlanFacts & { updatedAt: number | null }> {
    const row = await this.repo.plan(db, projectId);
    if (!row) return { ...DEFAULT_PLAN, engineerIds: [], updatedAt: null };
    return {
      headcount: row.headcount,
      weekdays: JSON.parse(row.weekdays_json),
      chinaCalendar: row.china_calendar === 1,
      start: row.start_time,
      end: row.end_time,
      lateGraceMin: row.late_grace_min,
      engineerIds: JSON.parse(row.engineer_ids_json),
      minOnSiteMin: row.min_onsite_min,
      updatedAt: row.updated_at,
    };
  }

  private async present(db: Tx, projectId: string, f: PlanFacts & { updatedAt: number | null }) {
    const names = await this.repo.names(db, f.engineerIds);
    return { projectId, ...f, engineers: f.engineerIds.map((id) => ({ id, name: names.get(id) ?? id })) };
  }

  async plan(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    return this.present(this.db, projectId, await this.facts(this.db, projectId));
  }

  async savePlan(meta: RequestMeta, projectId: string, input: z.infer<typeof ResidentPlanUpdate>) {
    if (input.end <= input.start) throw invalid('end', 'presence.endBeforeStart');
    const span =
      (Number(input.end.slice(0, 2)) - Number(input.start.slice(0, 2))) * 60 +
      Number(input.end.slice(3)) -
      Number(input.start.slice(3));
    if (input.minOnSiteMin !== undefined && input.minOnSiteMin > span)
      throw invalid('minOnSiteMin', 'presence.minOnSiteTooLong', { span });
    const now = this.d.now();
    return this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const ids = [...new Set(input.engineerIds)];
      const people = await this.d.users.list(tx, { ids });
      const bad = ids.find((id) => !people.some((u) => u.id === id && u.org_kind === 'provider' && !u.disabled));
      if (bad) throw invalid('engineerIds', 'presence.residentsProviderStaff');
      const before = await this.facts(tx, projectId);
      await this.repo.savePlan(tx, {
        project_id: projectId,
        headcount: input.headcount,
        weekdays_json: JSON.stringify([...new Set(input.weekdays)].sort()),
        china_calendar: input.chinaCalendar ? 1 : 0,
        start_time: input.start,
        end_time: input.end,
        late_grace_min: input.lateGraceMin,
        engineer_ids_json: JSON.stringify(ids),
        updated_at: now,
        updated_by: meta.actor.userId,
        min_onsite_min: input.minOnSiteMin ?? before.minOnSiteMin,
      });
      const after = await this.facts(tx, projectId);
      await this.d.audit.record(tx, meta, {
        action: 'presence.plan',
        targetType: 'project',
        targetId: projectId,
        summary: `驻场承诺：${p.name} 每个工作日 ${input.headcount} 人，${input.start}–${input.end}，每人在场不少于 ${after.minOnSiteMin} 分钟，驻场人员 ${people.map((u) => u.display_name).join('、') || '未指定'}`,
        detail: { before, after },
      });
      return this.present(tx, projectId, after);
    });
  }

  async daily(actor: Actor, projectId: string, day: string) {
    const p = await this.d.projects.visibleProject(this.db, actor, projectId);
    const plan = await this.facts(this.db, projectId);
    const visits = await this.repo.visits(this.db, projectId, beijingDayStart(day), beijingDayStart(day) + 86_400_000);
    const names = await this.repo.names(this.db, plan.engineerIds);
    const board = dayBoard(
      plan,
      day,
      visits.map((v) => ({
        engineerId: v.engineer_id,
        name: v.name,
        checkedInAt: v.checked_in_at,
        checkedOutAt: v.checked_out_at,
      })),
      names,
      this.d.now(),
    );
    return { projectId, projectName: p.name, ...board };
  }

  /**
   * The month a caller asks for: one that has not begun has nothing to measure, so it is refused
   * rather than shown as a full score (reports that span months use monthly() and show no days).
   */
  async monthView(actor: Actor, projectId: string, month: string) {
    refuseUnbegunMonth(month, this.d.now());
    return this.monthly(actor, projectId, month);
  }

  /** The month up to today: per-day counts, days below headcount and each engineer's days and hours. */
  async monthly(actor: Actor, projectId: string, month: string) {
    const p = await this.d.projects.visibleProject(this.db, actor, projectId);
    const plan = await this.facts(this.db, projectId);
    const now = this.d.now();
    const today = beijingDay(now);
    const days = daysOfMonth(month).filter((d) => d <= today);
    const from = beijingDayStart(`${month}-01`);
    const visits = days.length
      ? await this.repo.visits(this.db, projectId, from, beijingDayStart(days[days.length - 1]!) + 86_400_000)
      : [];
    const names = await this.repo.names(this.db, plan.engineerIds);
    const byDay = new Map<string, typeof visits>();
    for (const v of visits) {
      const d = beijingDay(v.checked_in_at);
      byDay.set(d, [...(byDay.get(d) ?? []), v]);
    }
    const people = new Map<
      string,
      {
        userId: string;
        name: string;
        rostered: boolean;
        presentDays: number;
        lateDays: number;
        absentDays: number;
        minutes: number;
      }
    >();
    const boards = days.map((day) =>
      dayBoard(
        plan,
        day,
        (byDay.get(day) ?? []).map((v) => ({
          engineerId: v.engineer_id,
          name: v.name,
          checkedInAt: v.checked_in_at,
          checkedOutAt: v.checked_out_at,
        })),
        names,
        now,
      ),
    );
    for (const b of boards) {
      for (const e of b.engineers) {
        const s = people.get(e.userId) ?? {
          userId: e.userId,
          name: e.name,
          rostered: e.rostered,
          presentDays: 0,
          lateDays: 0,
          absentDays: 0,
          minutes: 0,
        };
        if (e.status === 'absent') s.absentDays++;
        else s.presentDays++;
        if (e.status === 'late') s.lateDays++;
        s.minutes += e.minutesOnSite;
        people.set(e.userId, s);
      }
    }
    return {
      projectId,
      projectName: p.name,
      month,
      workdays: boards.filter((b) => b.workday).length,
      required: plan.headcount,
      daysBelowHeadcount: boards.filter((b) => b.belowHeadcount).map((b) => b.day),
      days: boards.map((b) => ({ day: b.day, workday: b.workday, present: b.present })),
      engineers: [...people.values()].map(({ minutes, ...s }) => ({ ...s, hoursOnSite: Math.round(minutes / 6) / 10 })),
    };
  }

  async monthlyXlsx(meta: RequestMeta, projectId: string, month: string) {
    const m = await this.monthView(meta.actor, projectId, month);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Weibao 维保';
    const people = wb.addWorksheet('人员考勤');
    people.columns = [
      { header: '工程师', key: 'name', width: 12 },
      { header: '驻场名单', key: 'rostered', width: 10 },
      { header: '在岗天数', key: 'presentDays', width: 10 },
      { header: '迟到天数', key: 'lateDays', width: 10 },
      { header: '缺勤天数', key: 'absentDays', width: 10 },
      { header: '在场小时', key: 'hoursOnSite', width: 10 },
    ];
    for (const e of m.engineers) people.addRow({ ...e, rostered: e.rostered ? '是' : '否' });
    const days = wb.addWorksheet('每日在岗');
    days.columns = [
      { header: '日期', key: 'day', width: 12 },
      { header: '工作日', key: 'workday', width: 8 },
      { header: '在岗人数', key: 'present', width: 10 },
      { header: '承诺人数', key: 'required', width: 10 },
      { header: '低于承诺', key: 'below', width: 10 },
    ];
    for (const d of m.days)
      days.addRow({
        day: d.day,
        workday: d.workday ? '是' : '否',
        present: d.present,
        required: d.workday ? m.required : 0,
        below: m.daysBelowHeadcount.includes(d.day) ? '是' : '',
      });
    for (const ws of [people, days]) ws.getRow(1).font = { bold: true };
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await this.d.audit.recordAlone(meta, {
      action: 'presence.export',
      targetType: 'project',
      targetId: projectId,
      summary: `导出驻场考勤：${m.projectName} ${month}`,
    });
    return { xlsx, fileName: `驻场考勤-${m.projectName}-${month}.xlsx` };
  }
}
