import { AUDIT_ROLE_LABELS, AUDIT_TARGET_TYPE_LABELS, type AuditQuery, auditActionLabel } from '@weibao/schema';
import type { z } from 'zod';
import type { RequestMeta } from '../../lib/actor.js';
import { CSV_MIME, XLSX_MIME } from '../../http/download.js';
import { invalid } from '../../lib/errors.js';
import type { AssetLookup } from '../assets/lookup.js';
import type { RecordLookup } from '../fieldwork/lookup.js';
import type { KbLookup } from '../knowledge/lookup.js';
import type { ProjectLookup } from '../projects/lookup.js';
import type { TicketLookup } from '../tickets/lookup.js';
import type { TrainingLookup } from '../training/lookup.js';
import type { UserLookup } from '../users/lookup.js';
import { toCsv, toXlsx } from './export.js';
import type { AuditService } from './service.js';

export interface AuditViewDeps {
  audit: AuditService;
  tickets: TicketLookup;
  assets: AssetLookup;
  records: RecordLookup;
  users: UserLookup;
  projects: ProjectLookup;
  articles: KbLookup;
  training: TrainingLookup;
}
type Row = Awaited<ReturnType<AuditService['repo']['list']>>[number];
export type Lang = 'zh-CN' | 'en';

/** An export holds at most this many rows (newest first); a wider one says so in its audit row and a header. */
export const AUDIT_EXPORT_CAP = 10_000;
const EXPORT_BATCH = 500;

/**
 * The auditor's view of the log: entries with their targets named (ticket number, user name, record number …),
 * looked up per page with one query per target kind; the operator picker; Excel/CSV export of the filtered log;
 * the hash-chain verification on demand. Each use is audited.
 */
export class AuditView {
  constructor(private readonly d: AuditViewDeps) {}
  private get db() {
    return this.d.audit.database.db;
  }

  private async targetNames(rows: Row[]): Promise<Map<string, string>> {
    const idsOf = (type: string) => [
      ...new Set(rows.filter((r) => r.target_type === type && r.target_id).map((r) => r.target_id!)),
    ];
    const lookups: [string, (ids: string[]) => Promise<Map<string, string>>][] = [
      ['ticket', (ids) => this.d.tickets.names(ids)],
      ['user', (ids) => this.d.users.names(ids)],
      ['om_record', (ids) => this.d.records.names(ids)],
      ['asset', (ids) => this.d.assets.names(ids)],
      ['kb_article', (ids) => this.d.articles.names(ids)],
      ['training_plan', (ids) => this.d.training.names(ids)],
      ['project', (ids) => this.d.projects.names('projects', ids)],
      ['org', (ids) => this.d.projects.names('orgs', ids)],
      ['contract', (ids) => this.d.projects.names('contracts', ids)],
    ];
    const maps = await Promise.all(
      lookups.map(([type, names]) => {
        const ids = idsOf(type);
        return ids.length ? names(ids) : new Map<string, string>();
      }),
    );
    const out = new Map<string, string>();
    lookups.forEach(([type], i) => {
      for (const [id, name] of maps[i]!) out.set(`${type}:${id}`, name);
    });
    return out;
  }

  private present(rows: Row[], names: Map<string, string>) {
    return rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      at: Number(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRoles: r.actor_roles ? r.actor_roles.split(',') : [],
      ip: r.ip,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetName: r.target_type && r.target_id ? (names.get(`${r.target_type}:${r.target_id}`) ?? null) : null,
      summary: r.summary,
      result: r.result as 'success' | 'failure',
    }));
  }

  async list(meta: RequestMeta, q: z.infer<typeof AuditQuery>) {
    // The cursor is the last entry's sequence number: anything else is the caller's mistake, named.
    const beforeSeq = q.cursor !== undefined ? Number(q.cursor) : undefined;
    if (beforeSeq !== undefined && !Number.isInteger(beforeSeq)) throw invalid('cursor', 'admin.badCursor');
    const rows = await this.d.audit.repo.list(this.db, { ...q, beforeSeq, limit: q.limit });
    await this.d.audit.recordAlone(meta, {
      action: 'audit.read',
      summary: '查询审计日志',
      detail: { filter: { ...q } },
    });
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    return {
      items: this.present(page, await this.targetNames(page)),
      nextCursor: more ? String(page[page.length - 1]!.seq) : null,
    };
  }

  /** The operator picker: people by name or username (no audit row: it is typing, not reading the log). */
  actors(text: string) {
    return this.d.users.byName(text, 20);
  }

  /**
   * The filtered log as a file, newest first, at most AUDIT_EXPORT_CAP rows, in the caller's language.
   * The query's paging (cursor, limit) does not apply: the export is the whole filtered log.
   */
  async export(meta: RequestMeta, query: z.infer<typeof AuditQuery>, format: 'xlsx' | 'csv', lang: Lang) {
    const { cursor: _c, limit: _l, ...filter } = query;
    const entries: ReturnType<AuditView['present']> = [];
    let beforeSeq: number | undefined;
    let capped = false;
    for (;;) {
      const want = Math.min(EXPORT_BATCH, AUDIT_EXPORT_CAP - entries.length);
      const rows = await this.d.audit.repo.list(this.db, { ...filter, beforeSeq, limit: want });
      const page = rows.slice(0, want);
      entries.push(...this.present(page, await this.targetNames(page)));
      if (rows.length <= want) break;
      if (entries.length >= AUDIT_EXPORT_CAP) {
        capped = true;
        break;
      }
      beforeSeq = Number(page[page.length - 1]!.seq);
    }
    const lines = entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actorName ?? e.actorId ?? '',
      roles: e.actorRoles.map((r) => AUDIT_ROLE_LABELS[r]?.[lang] ?? r).join(lang === 'en' ? ', ' : '、'),
      ip: e.ip ?? '',
      action: auditActionLabel(e.action, lang),
      target:
        e.targetName ??
        (e.targetType
          ? `${AUDIT_TARGET_TYPE_LABELS[e.targetType]?.[lang] ?? e.targetType} ${e.targetId ?? ''}`.trim()
          : ''),
      summary: e.summary,
      result: e.result,
    }));
    const body = format === 'xlsx' ? await toXlsx(lines, lang) : toCsv(lines, lang);
    await this.d.audit.recordAlone(meta, {
      action: 'audit.export',
      summary: `导出审计日志 ${entries.length} 条（${format}）${capped ? `，已截断为前 ${AUDIT_EXPORT_CAP} 条` : ''}`,
      detail: { filter: { ...filter }, format, rows: entries.length, capped },
    });
    const mime = format === 'xlsx' ? XLSX_MIME : CSV_MIME;
    return { body, mime, fileName: `audit-log.${format}`, rows: entries.length, capped };
  }

  /** Walks the whole chain now; the result (and who asked) is itself appended to the log after the walk. */
  async verify(meta: RequestMeta) {
    const r = await this.d.audit.verify();
    await this.d.audit.recordAlone(meta, {
      action: 'audit.verify',
      summary: r.ok ? `审计日志校验通过：${r.checked} 条` : `审计日志校验失败：第 ${r.seq} 条 ${r.problem}`,
      detail: { ...r },
      result: r.ok ? 'success' : 'failure',
    });
    return r;
  }
}
