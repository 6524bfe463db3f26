import { label } from '@weibao/schema/labels';
import { createHash } from 'node:crypto';
import type {
  ArchivedReportQuery,
  ReportFormat,
  ReportIssueInput,
  ReportNotesInput,
  ReportScheduleInput,
} from '@weibao/schema';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Tx } from '../../db/dialect.js';
import type { MailOutboxTable, MonthlyReportsTable, ReportSchedulesTable } from '../../db/types.js';
import type { Actor, RequestMeta } from '../../lib/actor.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { FileStore } from '../../lib/files.js';
import { newId } from '../../lib/ids.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import { shiftMonth } from '../../lib/dates.js';
import { beijingDayStart, beijingMonth, monthBounds } from '../../lib/time.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import type { ReportBuilder } from './builder.js';
import { REPORT_MIME, renderReport, reportFileName } from './render.js';

/** The one thing reports need of the mail outbox: a row queued inside the caller's transaction. */
export interface MailOutbox {
  enqueueMail(tx: Tx, row: MailOutboxTable): Promise<unknown>;
}

export interface ReportDeps {
  database: Database;
  audit: AuditService;
  projects: ProjectService;
  builder: ReportBuilder;
  /** The mail outbox (the notifications module's): scheduled reports are queued there with their files. */
  mail: MailOutbox;
  now: () => number;
  dataDir: string;
}
type Who = { actor: Actor; ip: string | null };
/** Scheduled reports go out at 08:00 Beijing on their day. */
const RUN_HOUR_MS = 8 * 3_600_000;
/** A claimed run that has not finished by then (the node died) is picked up again. */
const LEASE_MS = 10 * 60_000;
/** Who generates scheduled reports: sees every project, like the provider's service manager. */
const SCHEDULER: Actor = {
  userId: 'system',
  username: 'system',
  displayName: '系统（定时报告）',
  orgId: '',
  orgKind: 'provider',
  roles: ['service_manager'],
  level: 1,
  via: 'token',
  sessionId: null,
  csrfToken: null,
  mustChangePassword: false,
};

/** The next run instant strictly after `now`: day `day` of a month at 08:00 Beijing. */
export function nextRunAfter(now: number, day: number): number {
  let month = beijingMonth(now);
  for (;;) {
    const at = beijingDayStart(`${month}-${String(day).padStart(2, '0')}`) + RUN_HOUR_MS;
    if (at > now) return at;
    month = shiftMonth(month, 1);
  }
}

const presentArchived = (r: MonthlyReportsTable & { display_name?: string | null }) => ({
  id: r.id,
  projectId: r.project_id,
  month: r.month,
  format: r.format as ReportFormat,
  fileName: r.file_name,
  size: Number(r.size),
  sha256: r.sha256,
  generatedAt: Number(r.generated_at),
  generatedByName: r.generated_by ? (r.display_name ?? null) : null,
  trigger: r.trigger as 'manual' | 'schedule',
  emailedTo: JSON.parse(r.emailed_to_json) as string[],
});
const presentSchedule = (projectId: string, r: ReportSchedulesTable | undefined) => ({
  projectId,
  enabled: r ? r.enabled === 1 : false,
  dayOfMonth: r?.day_of_month ?? 3,
  formats: r ? (JSON.parse(r.formats_json) as ReportFormat[]) : (['docx', 'pdf', 'xlsx'] as ReportFormat[]),
  recipients: r ? (JSON.parse(r.recipients_json) as string[]) : [],
  nextRunAt: r?.enabled ? Number(r.next_run_at) : null,
  lastRunAt: r?.last_run_at == null ? null : Number(r.last_run_at),
  updatedAt: r ? Number(r.updated_at) : null,
});

/**
 * The monthly O&M report (月度运维报告): generated on request or on the project's schedule, every
 * file archived under <dataDir>/reports with its SHA-256, scheduled ones e-mailed to the purchaser.
 */
export class ReportService {
  constructor(private readonly d: ReportDeps) {}
  private get db() {
    return this.d.database.db;
  }
  private get repo() {
    return this.d.builder.repo;
  }

  /** The month asked for, else the last full month (Beijing). */
  monthOf(month: string | undefined) {
    return month ?? shiftMonth(beijingMonth(this.d.now()), -1);
  }

  async notes(actor: Actor, projectId: string, month: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    const r = await this.repo.notes(this.db, projectId, month);
    return {
      projectId,
      month,
      nextMonthPlan: r?.next_month_plan ?? '',
      updatedAt: r ? Number(r.updated_at) : null,
      updatedByName: r?.display_name ?? null,
    };
  }

  async saveNotes(meta: RequestMeta, projectId: string, month: string, input: z.infer<typeof ReportNotesInput>) {
    await this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const before = await this.repo.notes(tx, projectId, month);
      await this.repo.saveNotes(tx, {
        project_id: projectId,
        month,
        next_month_plan: input.nextMonthPlan,
        updated_at: this.d.now(),
        updated_by: meta.actor.userId,
      });
      await this.d.audit.record(tx, meta, {
        action: 'report.notes',
        targetType: 'project',
        targetId: projectId,
        summary: `${p.name} ${month} 月度运维报告：修改下月工作计划`,
        detail: { before: before?.next_month_plan ?? null, after: input.nextMonthPlan },
      });
    });
    return this.notes(meta.actor, projectId, month);
  }

  /** Builds and renders one file of the month's report; nothing is stored. */
  private async render(actor: Actor, projectId: string, month: string, format: ReportFormat) {
    const model = await this.d.builder.build(actor, projectId, month);
    const body = await renderReport(model, format);
    return {
      model,
      body,
      fileName: reportFileName(model, format),
      sha256: createHash('sha256').update(body).digest('hex'),
      mime: REPORT_MIME[format],
    };
  }

  /**
   * Issues the month's report (签发/定稿): renders each format, stores the files and archives them with
   * their SHA-256 and one audit entry each, in the caller's transaction. Files written before a failed
   * transaction are removed by the caller through `discard`.
   */
  private async renderForIssue(
    who: Who,
    projectId: string,
    month: string,
    formats: ReportFormat[],
    trigger: 'manual' | 'schedule',
    emailedTo: string[],
  ) {
    const files = new FileStore(this.d.dataDir);
    const issued: { row: MonthlyReportsTable; body: Buffer; mime: string; projectName: string }[] = [];
    const discard = () => {
      for (const f of issued) files.remove(f.row.storage_path);
    };
    try {
      for (const format of formats) {
        const r = await this.render(who.actor, projectId, month, format);
        const rel = files.put('reports', r.body, this.d.now(), `.${format}`);
        const row: MonthlyReportsTable = {
          id: newId(this.d.now()),
          project_id: projectId,
          month,
          format,
          file_name: r.fileName,
          size: r.body.length,
          sha256: r.sha256,
          storage_path: rel,
          generated_at: this.d.now(),
          generated_by: who.actor.userId === SCHEDULER.userId ? null : who.actor.userId,
          trigger,
          emailed_to_json: JSON.stringify(emailedTo),
        };
        issued.push({ row, body: r.body, mime: r.mime, projectName: r.model.project.name });
      }
    } catch (e) {
      discard();
      throw e;
    }
    const archive = async (tx: Tx) => {
      const auditWho =
        who.actor.userId === SCHEDULER.userId ? { actor: null, ip: null, actorLabel: SCHEDULER.displayName } : who;
      for (const { row, projectName } of issued) {
        await this.repo.insertArchived(tx, row);
        const how = trigger === 'schedule' ? `定时发送给 ${emailedTo.join('、')}` : '定稿归档';
        await this.d.audit.record(tx, auditWho, {
          action: 'report.issue',
          targetType: 'monthly_report',
          targetId: row.id,
          summary: `签发 ${projectName} ${month} 月度运维报告（${label('reportFormat', row.format)}）：${how}`,
          detail: { projectId, month, format: row.format, sha256: row.sha256, size: row.size, trigger, emailedTo },
        });
      }
    };
    return { issued, archive, discard };
  }

  /**
   * A fresh rendering for reading; never archived (only issuing archives). The purchaser fetching a
   * finished month's report is recorded as its receipt, which the report-delivery commitment counts.
   */
  async download(meta: RequestMeta, projectId: string, month: string, format: ReportFormat) {
    const now = this.d.now();
    if (month > beijingMonth(now)) throw invalid('month', 'reports.monthNotBegun');
    const p = await this.d.projects.visibleProject(this.db, meta.actor, projectId);
    const f = await this.render(meta.actor, projectId, month, format);
    await this.db.transaction().execute(async (tx) => {
      if (meta.actor.orgKind === 'customer' && now >= monthBounds(month).to) {
        await this.repo.recordReceipt(tx, {
          project_id: projectId,
          month,
          fetched_at: now,
          fetched_by: meta.actor.userId,
        });
      }
      await this.d.audit.record(tx, meta, {
        action: 'report.download',
        targetType: 'project',
        targetId: projectId,
        summary: `下载 ${p.name} ${month} 月度运维报告（${label('reportFormat', format)}）`,
        detail: { projectId, month, format, sha256: f.sha256, archived: false },
      });
    });
    return f;
  }

  /** Marks the finished month's report final: archives one version of each format (one transaction). */
  async issue(meta: RequestMeta, projectId: string, input: z.infer<typeof ReportIssueInput>) {
    if (this.d.now() < monthBounds(input.month).to) throw invalid('month', 'reports.monthNotEnded');
    await this.d.projects.visibleProject(this.db, meta.actor, projectId);
    const { issued, archive, discard } = await this.renderForIssue(
      meta,
      projectId,
      input.month,
      [...new Set(input.formats)],
      'manual',
      [],
    );
    try {
      await this.db.transaction().execute(archive);
    } catch (e) {
      discard();
      throw e;
    }
    return { items: issued.map(({ row }) => presentArchived({ ...row, display_name: meta.actor.displayName })) };
  }

  async archive(actor: Actor, projectId: string, q: z.infer<typeof ArchivedReportQuery>) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    const after = decodeAtId(q.cursor);
    const rows = await this.repo.archivePage(this.db, projectId, {
      month: q.month,
      after: after ?? undefined,
      limit: q.limit,
    });
    const { items, nextCursor } = keysetPage(rows, q.limit, (r) => [Number(r.generated_at), r.id]);
    return { items: items.map(presentArchived), nextCursor };
  }

  /** An archived file, checked against its recorded hash: a changed file is refused, not served. */
  async archivedFile(meta: RequestMeta, id: string) {
    const r = await this.repo.archived(this.db, id);
    if (!r) throw notFound('月度报告');
    await this.d.projects.visibleProject(this.db, meta.actor, r.project_id).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('月度报告') : e;
    });
    const body = new FileStore(this.d.dataDir).readIfExists(r.storage_path);
    if (!body || createHash('sha256').update(body).digest('hex') !== r.sha256)
      throw new AppError('CONFLICT', { reason: 'archive_mismatch' }, 'id');
    await this.d.audit.recordAlone(meta, {
      action: 'report.download',
      targetType: 'monthly_report',
      targetId: id,
      summary: `下载归档的月度运维报告 ${r.file_name}`,
      detail: { sha256: r.sha256 },
    });
    return { body, mime: REPORT_MIME[r.format as ReportFormat], fileName: r.file_name, sha256: r.sha256 };
  }

  async schedule(actor: Actor, projectId: string) {
    await this.d.projects.visibleProject(this.db, actor, projectId);
    return presentSchedule(projectId, await this.repo.schedule(this.db, projectId));
  }

  async saveSchedule(meta: RequestMeta, projectId: string, input: z.infer<typeof ReportScheduleInput>) {
    return this.db.transaction().execute(async (tx) => {
      const p = await this.d.projects.visibleProject(tx, meta.actor, projectId);
      const before = await this.repo.schedule(tx, projectId);
      const now = this.d.now();
      const row: ReportSchedulesTable = {
        project_id: projectId,
        enabled: input.enabled ? 1 : 0,
        day_of_month: input.dayOfMonth,
        formats_json: JSON.stringify([...new Set(input.formats)]),
        recipients_json: JSON.stringify([...new Set(input.recipients.map((r) => r.toLowerCase()))]),
        next_run_at: input.enabled ? nextRunAfter(now, input.dayOfMonth) : null,
        last_run_at: before?.last_run_at ?? null,
        updated_at: now,
        updated_by: meta.actor.userId,
      };
      await this.repo.saveSchedule(tx, row);
      const after = presentSchedule(projectId, row);
      await this.d.audit.record(tx, meta, {
        action: 'report.schedule',
        targetType: 'project',
        targetId: projectId,
        summary: `${p.name} 月度运维报告定时发送：${input.enabled ? `每月 ${input.dayOfMonth} 日发送上月报告（${after.formats.map((f) => label('reportFormat', f)).join('、')}）给 ${after.recipients.join('、') || '客户项目负责人'}` : '停用'}`,
        detail: { before: before ? presentSchedule(projectId, before) : null, after },
      });
      return after;
    });
  }

  /**
   * Worker: sends last month's report for every schedule due. A run is claimed by moving its
   * `next_run_at` forward by a lease with a compare-and-set update, so one node sends it; after the
   * mail is queued the row moves to next month. Recipients: the schedule's list, else the customer's leads.
   */
  async sendDue(limit = 20): Promise<number> {
    const now = this.d.now();
    let sent = 0;
    for (const due of await this.repo.dueSchedules(this.db, now, limit)) {
      if (!(await this.repo.claim(this.db, due.project_id, Number(due.next_run_at), now + LEASE_MS))) continue;
      const project = (await this.d.projects.project(this.db, due.project_id))!;
      const listed = JSON.parse(due.recipients_json) as string[];
      const to = listed.length ? listed : await this.repo.customerLeadEmails(this.db, project.customer_id);
      const month = shiftMonth(beijingMonth(now), -1);
      const formats = JSON.parse(due.formats_json) as ReportFormat[];
      const {
        issued: files,
        archive,
        discard,
      } = await this.renderForIssue({ actor: SCHEDULER, ip: null }, due.project_id, month, formats, 'schedule', to);
      // Archive, mail and the schedule's next run together: a report is archived exactly when it is sent.
      await this.db
        .transaction()
        .execute(async (tx) => {
          await archive(tx);
          const attachments = JSON.stringify(
            files.map((f) => ({ fileName: f.row.file_name, path: f.row.storage_path, mime: f.mime })),
          );
          const body = `${project.name} ${month} 月度运维报告见附件（${files.map((f) => `${f.row.file_name} SHA-256 ${f.row.sha256}`).join('；')}）。`;
          for (const addr of to) {
            await this.d.mail.enqueueMail(tx, {
              id: newId(now),
              to_addr: addr,
              subject: `【月度运维报告】${project.name} ${month}`,
              body,
              state: 'pending',
              attempts: 0,
              next_attempt_at: now,
              sent_at: null,
              error: null,
              source_key: `monthly-report:${due.project_id}:${month}:${Number(due.next_run_at)}:${addr}`,
              created_at: now,
              attachments_json: attachments,
            });
          }
          await this.repo.setRun(tx, due.project_id, now, nextRunAfter(now, due.day_of_month));
        })
        .catch((e: unknown) => {
          discard();
          throw e;
        });
      sent++;
    }
    return sent;
  }
}
