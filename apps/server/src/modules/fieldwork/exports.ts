import { labelMap } from '@weibao/schema';
import ExcelJS from 'exceljs';
import { type RequestMeta, isCustomer } from '../../lib/actor.js';
import { invalid, notFound, notFoundAs } from '../../lib/errors.js';
import { recordDigest } from './chain.js';
import type { FieldworkDeps } from './deps.js';
import { parseList } from './record-view.js';
import type { RecordService } from './records.js';
import { recordSheetsPdf } from './sheet.js';
import { beijingClock, beijingDay, beijingDayStart } from '../../lib/time.js';
import { FileStore } from '../../lib/files.js';

const KIND: Record<string, string> = labelMap('recordKind');
const STATUS: Record<string, string> = labelMap('recordStatus');
/** The verification code printed on a sheet: enough of the hash that guessing a valid link is hopeless. */
const CODE_LENGTH = 16;

/** The public verification link printed as a QR code on documents of a signed record (null until signed). */
export const recordVerifyUrl = (origin: string, id: string, hash: string | null) =>
  hash ? `${origin}/verify/${id}?h=${hash.slice(0, CODE_LENGTH)}` : null;

/** Service record sheets (PDF), the month's Excel export and the public verification of a sheet. */
export class RecordExports {
  constructor(
    private readonly d: FieldworkDeps,
    private readonly records: RecordService,
  ) {}
  private get db() {
    return this.d.database.db;
  }

  private verifyUrl(origin: string, id: string, hash: string | null) {
    return recordVerifyUrl(origin, id, hash);
  }

  /** One PDF holding a sheet per record, in the order given; every record must be visible to the caller. */
  async sheets(
    meta: RequestMeta,
    ids: string[],
    origin: string,
    opts: { batch: boolean },
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const unique = [...new Set(ids)];
    const inputs = [];
    for (const id of unique) {
      // In a batch an unknown (or hidden) record is the caller's bad input; any other failure stays a 500.
      const visible = this.records.visible(this.db, meta.actor, id);
      const row = await (opts.batch
        ? visible.catch(notFoundAs('recordIds', 'fieldwork.unknownRecord', { id }))
        : visible);
      const record = await this.records.detail(this.db, meta.actor, row);
      const parties = await this.d.projects.documentParties(
        this.db,
        { projectId: row.project_id },
        beijingDay(row.service_start),
      );
      inputs.push({
        record,
        signaturePng: row.signature_path ? new FileStore(this.d.dataDir).readIfExists(row.signature_path) : null,
        verifyUrl: this.verifyUrl(origin, row.id, row.content_hash),
        parties,
      });
    }
    const pdf = await recordSheetsPdf(inputs);
    const first = inputs[0]!.record;
    await this.d.audit.recordAlone(meta, {
      action: 'om_record.export_pdf',
      targetType: 'om_record',
      targetId: unique.length === 1 ? unique[0]! : null,
      summary: `导出服务记录单 PDF：${inputs
        .map((i) => `${i.record.number} v${i.record.version}`)
        .join('、')
        .slice(0, 500)}`,
      detail: { recordIds: unique },
    });
    return {
      pdf,
      fileName:
        unique.length === 1 ? `服务记录单-${first.number}-v${first.version}.pdf` : `服务记录单-${unique.length}份.pdf`,
    };
  }

  /** A project's records whose service began in the (Beijing) month, as an Excel workbook. */
  async monthXlsx(meta: RequestMeta, projectId: string, month: string): Promise<{ xlsx: Buffer; fileName: string }> {
    const project = await this.d.projects.project(this.db, projectId);
    if (!project || (isCustomer(meta.actor) && project.customer_id !== meta.actor.orgId))
      throw invalid('projectId', 'common.unknownProject');
    const from = beijingDayStart(`${month}-01`);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const to = beijingDayStart(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`);
    const rows = (await this.records.repo.recordsInPeriod(this.db, projectId, from, to)).filter(
      (r) => !isCustomer(meta.actor) || r.status !== 'draft',
    );
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Weibao 维保';
    const ws = wb.addWorksheet(`运维记录 ${month}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: '记录编号', key: 'number', width: 16 },
      { header: '版本', key: 'version', width: 6 },
      { header: '类型', key: 'kind', width: 10 },
      { header: '服务开始', key: 'start', width: 17 },
      { header: '服务结束', key: 'end', width: 17 },
      { header: '地点', key: 'location', width: 18 },
      { header: '服务人员', key: 'staff', width: 20 },
      { header: '人数', key: 'headcount', width: 6 },
      { header: '服务内容', key: 'content', width: 40 },
      { header: '服务结果', key: 'result', width: 30 },
      { header: '状态', key: 'status', width: 12 },
      { header: '签字人', key: 'signer', width: 10 },
      { header: '签字时间', key: 'signedAt', width: 17 },
      { header: '内容摘要 SHA-256', key: 'hash', width: 66 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow({
        number: r.number,
        version: r.version,
        kind: KIND[r.kind] ?? r.kind,
        start: beijingClock(r.service_start, true),
        end: beijingClock(r.service_end, true),
        location: r.location,
        staff: parseList(r.staff_names_json).join('、'),
        headcount: r.headcount,
        content: r.content,
        result: r.result,
        status: STATUS[r.status] ?? r.status,
        signer: r.signer_name ?? '',
        signedAt: r.signed_at ? beijingClock(r.signed_at, true) : '',
        hash: r.content_hash ?? '',
      }).alignment = { vertical: 'top', wrapText: true };
    }
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await this.d.audit.recordAlone(meta, {
      action: 'om_record.export_xlsx',
      targetType: 'project',
      targetId: projectId,
      summary: `导出运维记录 Excel：${project.name} ${month}（${rows.length} 条）`,
    });
    return { xlsx, fileName: `运维记录-${project.code}-${month}.xlsx` };
  }

  /**
   * The public page behind a sheet's QR code: with the code printed on the sheet it says whether the
   * record is intact (its link recomputes) and shows what was signed, by whom and when. Without the
   * right code it reveals nothing, not even that the record exists.
   */
  async verifyPublic(id: string, code: string) {
    const r = await this.records.repo.record(this.db, id);
    if (!r || !r.content_hash || code.length < CODE_LENGTH || !r.content_hash.startsWith(code))
      throw notFound('运维记录');
    const { project_name: _p, author_name: _a, signer_name: _s, reviewer_name: _r, rejector_name: _j, ...row } = r;
    const intact = recordDigest(r.prev_hash ?? '', row) === r.content_hash;
    const customer = await this.d.projects.org(this.db, r.customer_id);
    return {
      intact,
      number: r.number,
      version: r.version,
      status: r.status as 'signed',
      projectName: r.project_name,
      customerName: customer?.name ?? '',
      serviceStart: r.service_start,
      serviceEnd: r.service_end,
      signedAt: r.signed_at!,
      signerName: r.signer_name ?? '',
      contentHash: r.content_hash,
    };
  }
}
