import { type ArchiveQuery, LABELS } from '@weibao/schema';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type Actor, type RequestMeta, isCustomer } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { Locale } from '../../http/messages.js';
import { decodeAtId, keysetPage } from '../../lib/keyset.js';
import { beijingClock, beijingDayStart } from '../../lib/time.js';
import { addDays } from '../../lib/dates.js';
import type { Database } from '../../db/database.js';
import type { AssetService } from '../assets/service.js';
import type { AuditService } from '../audit/service.js';
import type { ProjectService } from '../projects/service.js';
import { decide } from '../repairs/billing.js';
import { ArchiveRepository, type ArchiveScope, type ArchiveWindow } from './repository.js';

type Kind = 'acceptance' | 'ticket' | 'replacement' | 'inspection' | 'cost';
export interface ArchiveEvent {
  id: string;
  at: number;
  kind: Kind;
  assetId: string | null;
  assetName: string | null;
  serial: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  title: string;
  detail: string;
  amountCents: number | null;
  billable: boolean | null;
}
const ALL: Kind[] = ['acceptance', 'ticket', 'replacement', 'inspection', 'cost'];
/** Ticket status and fault cause in both languages, from the shared label table. */
const pair = (t: Record<string, { 'zh-CN': string; en: string }>) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, [v['zh-CN'], v.en] as [string, string]]));
const STATUS: Record<string, [string, string]> = pair(LABELS.status);
const CAUSE: Record<string, [string, string]> = pair(LABELS.faultCause);
const COST: Record<string, [string, string]> = {
  part: ['材料费', 'parts'],
  labour: ['人工费', 'labour'],
  travel: ['交通差旅费', 'travel'],
  other: ['其他费用', 'other'],
};
const DECISION: Record<string, [string, string]> = {
  billable: ['收费', 'billable'],
  free: ['免费', 'free'],
  pending: ['待定', 'pending'],
};
const EXPORT_CAP = 50_000;

/** The maintenance archive (用户维修档案, R21): one timeline per asset or per customer, newest first. */
export class ArchiveService {
  private readonly repo = new ArchiveRepository();
  constructor(
    private readonly d: {
      database: Database;
      audit: Pick<AuditService, 'recordAlone'>;
      projects: Pick<ProjectService, 'org'>;
      assets: Pick<AssetService, 'position'>;
    },
  ) {}
  private get db() {
    return this.d.database.db;
  }

  /** An asset's archive covers its position (what it replaced) and its current parts. */
  async assetScope(actor: Actor, assetId: string): Promise<ArchiveScope> {
    const { ids } = await this.d.assets.position(this.db, actor, assetId);
    return { assetIds: ids, ticketIds: await this.repo.repairTickets(this.db, ids) };
  }
  async customerScope(actor: Actor, customerId: string): Promise<ArchiveScope> {
    if (isCustomer(actor) && actor.orgId !== customerId) throw notFound('客户');
    const org = await this.d.projects.org(this.db, customerId);
    if (!org || org.kind !== 'customer') throw notFound('客户');
    return { customerId };
  }

  async page(scope: ArchiveScope, q: z.infer<typeof ArchiveQuery>, locale: Locale) {
    const after = decodeAtId(q.cursor);
    if (q.from && q.to && q.to < q.from) throw invalid('to', 'repairs.periodEndsBeforeStart');
    const w: ArchiveWindow = {
      fromMs: q.from ? beijingDayStart(q.from) : null,
      toMs: q.to ? beijingDayStart(addDays(q.to, 1)) : null,
      after,
      limit: q.limit + 1,
    };
    const kinds = new Set(q.kinds?.length ? q.kinds : ALL);
    const en = locale === 'en';
    const pick = (p: [string, string] | undefined, raw: string) => (p ? p[en ? 1 : 0] : raw);
    const db = this.db;
    const events: (ArchiveEvent & { key: string })[] = [];
    const push = (e: Omit<ArchiveEvent, 'id'>, rowId: string) =>
      events.push({ ...e, id: `${e.kind}:${rowId}`, key: rowId });
    const inWindow = (at: number, id: string) =>
      (w.fromMs === null || at >= w.fromMs) &&
      (w.toMs === null || at < w.toMs) &&
      (!after || at < after.at || (at === after.at && id < after.id));

    if (kinds.has('acceptance')) {
      for (const a of await this.repo.acceptances(db, scope)) {
        const at = beijingDayStart(a.accepted_on);
        if (!inWindow(at, a.id)) continue;
        push(
          {
            kind: 'acceptance',
            at,
            assetId: null,
            assetName: null,
            serial: null,
            ticketId: null,
            ticketNumber: null,
            title: en ? `Acceptance ${a.batch}` : `验收 ${a.batch}`,
            detail: `${a.project_name} ${a.accepted_on}${a.note ? ` ${a.note}` : ''}`,
            amountCents: null,
            billable: null,
          },
          a.id,
        );
      }
    }
    const [tickets, reps, insp, costs] = await Promise.all([
      kinds.has('ticket') ? this.repo.tickets(db, scope, w) : [],
      kinds.has('replacement') ? this.repo.replacements(db, scope, w) : [],
      kinds.has('inspection') ? this.repo.inspections(db, scope, w) : [],
      kinds.has('cost') ? this.repo.costs(db, scope, w) : [],
    ]);
    for (const t of tickets) {
      push(
        {
          kind: 'ticket',
          at: t.reported_at,
          assetId: t.asset_id,
          assetName: t.asset_name,
          serial: t.serial,
          ticketId: t.id,
          ticketNumber: t.number,
          title: `${t.number} ${t.title}`,
          detail: [
            en ? `level ${t.level}` : `${t.level} 级`,
            pick(STATUS[t.status], t.status),
            t.fault_cause ? pick(CAUSE[t.fault_cause], t.fault_cause) : null,
            t.solution,
          ]
            .filter(Boolean)
            .join(' · '),
          amountCents: null,
          billable: t.billable === null ? null : t.billable === 1,
        },
        t.id,
      );
    }
    for (const r of reps) {
      push(
        {
          kind: 'replacement',
          at: r.created_at,
          assetId: r.new_asset_id,
          assetName: r.asset_name,
          serial: r.new_serial,
          ticketId: r.ticket_id,
          ticketNumber: r.ticket_number,
          title: en
            ? `Replaced ${r.asset_name}: ${r.old_serial} → ${r.new_serial}`
            : `更换 ${r.asset_name}：${r.old_serial} → ${r.new_serial}`,
          detail: r.in_warranty
            ? en
              ? `warranty ${r.previous_end} → ${r.new_end} (+${r.extended_by_days} d, ${r.policy})`
              : `质保期 ${r.previous_end} → ${r.new_end}（+${r.extended_by_days} 天，${r.policy === 'downtime' ? '按停机天数顺延' : '重新计算'}）`
            : en
              ? `out of warranty on the fault day (${r.fault_on}): not extended`
              : `故障日 ${r.fault_on} 已过保，不顺延`,
          amountCents: null,
          billable: null,
        },
        r.id,
      );
    }
    for (const i of insp) {
      push(
        {
          kind: 'inspection',
          at: i.created_at,
          assetId: i.asset_id,
          assetName: i.asset_name,
          serial: i.serial,
          ticketId: i.ticket_id,
          ticketNumber: null,
          title: en ? `Annual inspection ${i.done_on}` : `年度巡检 ${i.done_on}`,
          detail: [i.by_name, i.note].filter(Boolean).join(' · '),
          amountCents: null,
          billable: null,
        },
        i.id,
      );
    }
    for (const c of costs) {
      // Pending (no fault cause yet, item in warranty) is neither free nor billable yet.
      const { decision } = decide(c.fault_cause, c.asset_id ? { in_warranty: c.in_warranty } : null);
      push(
        {
          kind: 'cost',
          at: c.created_at,
          assetId: c.asset_id,
          assetName: c.asset_name,
          serial: c.serial,
          ticketId: c.ticket_id,
          ticketNumber: c.ticket_number,
          title: `${pick(COST[c.kind], c.kind)} ¥${(Number(c.amount_cents) / 100).toFixed(2)}`,
          detail: `${c.description} · ${pick(DECISION[decision], decision)}`,
          amountCents: Number(c.amount_cents),
          billable: decision === 'pending' ? null : decision === 'billable',
        },
        c.id,
      );
    }
    events.sort((a, b) => b.at - a.at || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    const { items, nextCursor } = keysetPage(events, q.limit, (e) => [e.at, e.key]);
    return { items: items.map(({ key: _k, ...e }) => e), nextCursor };
  }

  /** An asset's archive as an Excel file named after its serial number. */
  async assetExport(meta: RequestMeta, assetId: string, q: z.infer<typeof ArchiveQuery>, locale: Locale) {
    const { asset: a, ids } = await this.d.assets.position(this.db, meta.actor, assetId);
    const scope = { assetIds: ids, ticketIds: await this.repo.repairTickets(this.db, ids) };
    const body = await this.xlsx(meta, scope, `维修档案 ${a.name}（${a.serial}）`, q, locale);
    return { fileName: `维修档案-${a.serial}.xlsx`, body };
  }

  /** A customer's archive as an Excel file named after the customer. */
  async customerExport(meta: RequestMeta, customerId: string, q: z.infer<typeof ArchiveQuery>, locale: Locale) {
    const scope = await this.customerScope(meta.actor, customerId);
    const org = (await this.d.projects.org(this.db, customerId))!;
    const body = await this.xlsx(meta, scope, `维修档案 ${org.name}`, q, locale);
    return { fileName: `维修档案-${org.name}.xlsx`, body };
  }

  /** The whole (filtered) timeline as Excel, page by page; the export is audited. */
  async xlsx(meta: RequestMeta, scope: ArchiveScope, title: string, q: z.infer<typeof ArchiveQuery>, locale: Locale) {
    const en = locale === 'en';
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(en ? 'Maintenance archive' : '维修档案');
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.addRow(
      en
        ? ['Time', 'Kind', 'Asset', 'Serial', 'Ticket', 'Event', 'Detail', 'Amount (¥)', 'Billable']
        : ['时间', '类别', '资产', '序列号', '工单', '事件', '详情', '金额（元）', '是否收费'],
    ).font = { bold: true };
    const KIND: Record<Kind, [string, string]> = {
      acceptance: ['验收', 'acceptance'],
      ticket: ['工单', 'ticket'],
      replacement: ['更换部件', 'replacement'],
      inspection: ['年度巡检', 'inspection'],
      cost: ['费用', 'cost'],
    };
    let cursor: string | undefined;
    let rows = 0;
    do {
      const p = await this.page(scope, { ...q, cursor, limit: 200 }, locale);
      for (const e of p.items) {
        ws.addRow([
          beijingClock(e.at, true),
          KIND[e.kind][en ? 1 : 0],
          e.assetName ?? '',
          e.serial ?? '',
          e.ticketNumber ?? '',
          e.title,
          e.detail,
          e.amountCents === null ? '' : e.amountCents / 100,
          e.billable === null
            ? e.kind === 'cost'
              ? en
                ? 'pending'
                : '待定'
              : ''
            : e.billable
              ? en
                ? 'yes'
                : '是'
              : en
                ? 'no'
                : '否',
        ]);
      }
      rows += p.items.length;
      cursor = p.nextCursor ?? undefined;
    } while (cursor && rows < EXPORT_CAP);
    ws.columns.forEach((c, i) => {
      c.width = [18, 10, 20, 18, 16, 40, 50, 12, 8][i];
    });
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    await this.d.audit.recordAlone(meta, {
      action: 'archive.export',
      targetType: 'customerId' in scope ? 'org' : 'asset',
      targetId: 'customerId' in scope ? scope.customerId : scope.assetIds[0]!,
      summary: `导出维修档案：${title}（${rows} 条）`,
      detail: { rows, kinds: q.kinds ?? null, from: q.from ?? null, to: q.to ?? null },
    });
    return body;
  }
}
